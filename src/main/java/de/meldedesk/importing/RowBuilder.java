package de.meldedesk.importing;

import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.validation.IncidentValidator;
import de.meldedesk.domain.validation.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds an {@link ImportedRow} from the cells of one source row: typed
 * reading, defaults for absent columns, the lost zero of zip codes, and the
 * findings of {@link IncidentValidator}.
 */
final class RowBuilder {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private final ImportOptions options;
    private final ValueReader reader;
    private final IncidentValidator validator;
    private final boolean json;

    RowBuilder(ImportOptions options, boolean json) {
        this.options = options;
        this.json = json;
        this.reader = new ValueReader(options, json);
        this.validator = new IncidentValidator(options.catalogue());
    }

    /**
     * Builds one row. {@code values} contains a cell for every field the source
     * has a column (or JSON key) for, blank or not; a field without an entry
     * gets its default where one exists.
     */
    ImportedRow build(int rowNumber, String sheet, Map<String, String> cells, Map<ImportField, SourceCell> values,
            boolean hidden, List<Problem> sourceProblems) {
        RowContext row = new RowContext();
        row.problems.addAll(sourceProblems);
        Map<ImportField, Object> read = new EnumMap<>(ImportField.class);
        for (Map.Entry<ImportField, SourceCell> entry : values.entrySet()) {
            if (!entry.getValue().blank()) {
                Object value = reader.read(entry.getKey(), entry.getValue(), row);
                if (value != null) {
                    read.put(entry.getKey(), value);
                }
            }
        }

        String careflexId = values.containsKey(ImportField.CAREFLEX_ID)
                ? text(read, ImportField.CAREFLEX_ID) : options.careflexId();
        if (values.containsKey(ImportField.CAREFLEX_ID) && careflexId == null
                && !row.failedFields.contains(ImportField.CAREFLEX_ID.path())) {
            row.error(ImportField.CAREFLEX_ID, "problem.required");
        }
        String type = values.containsKey(ImportField.TYPE) ? text(read, ImportField.TYPE)
                : withDefault(ImportField.TYPE, options.type(), row);
        LocalDate createdAt = values.containsKey(ImportField.CREATED_AT) ? date(read, ImportField.CREATED_AT)
                : withDefault(ImportField.CREATED_AT, options.effectiveCreatedAt(), row);
        LocalDate validFrom = values.containsKey(ImportField.VALID_FROM) ? date(read, ImportField.VALID_FROM)
                : withDefault(ImportField.VALID_FROM, options.effectiveValidFrom(), row);
        String country = text(read, ImportField.COUNTRY);
        String zipCode = restoreZero(text(read, ImportField.ZIP_CODE), country, row);

        Address address = new Address(text(read, ImportField.STREET), text(read, ImportField.HOUSE_NUMBER),
                text(read, ImportField.ADDRESS_SUFFIX), zipCode, text(read, ImportField.CITY), country);
        Job job = new Job(text(read, ImportField.EMPLOYMENT_SITE), text(read, ImportField.EMPLOYMENT_STATUS),
                date(read, ImportField.START_OF_EMPLOYMENT), text(read, ImportField.PERSONNEL_NUMBER),
                (Boolean) read.get(ImportField.MANAGEMENT));
        Contact contact = new Contact(text(read, ImportField.EMAIL_BUSINESS), text(read, ImportField.MOBILE_BUSINESS),
                text(read, ImportField.LANDLINE_BUSINESS));
        Employee employee = new Employee(text(read, ImportField.TITLE), text(read, ImportField.FIRST_NAME),
                text(read, ImportField.LAST_NAME), date(read, ImportField.BIRTHDAY), text(read, ImportField.SEX),
                address, job, contact);
        Incident incident = new Incident(text(read, ImportField.EXTERNAL_ID), type,
                text(read, ImportField.EMPLOYEE_ID), createdAt, validFrom, employee.isEmpty() ? Employee.EMPTY : employee);

        List<Problem> problems = new ArrayList<>(row.problems);
        for (Problem problem : validator.validate(incident, options.today())) {
            if (!row.failedFields.contains(problem.field())) {
                problems.add(problem);
            }
        }
        if (hidden) {
            problems.add(Problem.warning(null, "import.row.hidden"));
        }
        return new ImportedRow(rowNumber, sheet, cells, careflexId, incident, problems, row.changes, null);
    }

    /**
     * Flags rows that repeat an earlier row of the same file exactly (same
     * company and same incident), naming the earlier row.
     */
    static List<ImportedRow> markDuplicates(List<ImportedRow> rows) {
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<ImportedRow> result = new ArrayList<>(rows.size());
        for (ImportedRow row : rows) {
            List<Object> key = java.util.Arrays.asList(row.careflexId(), row.incident());
            Integer earlier = seen.putIfAbsent(key, row.rowNumber());
            result.add(earlier == null ? row
                    : row.withDuplicate(earlier, Problem.warning(null, "import.row.duplicate", earlier)));
        }
        return result;
    }

    private <T> T withDefault(ImportField field, T value, RowContext row) {
        if (json && value != null) {
            row.change(field, "", value.toString(), "import.change.default");
        }
        return value;
    }

    private String restoreZero(String zipCode, String country, RowContext row) {
        boolean german = country == null || "DE".equals(country);
        if (zipCode == null || !german || !FOUR_DIGITS.matcher(zipCode).matches()) {
            return zipCode;
        }
        String restored = "0" + zipCode;
        row.warning(ImportField.ZIP_CODE, "import.zipCode.zeroRestored", zipCode, restored);
        row.change(ImportField.ZIP_CODE, zipCode, restored, "import.change.zipZero");
        return restored;
    }

    private static String text(Map<ImportField, Object> read, ImportField field) {
        Object value = read.get(field);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<ImportField, Object> read, ImportField field) {
        return (LocalDate) read.get(field);
    }
}
