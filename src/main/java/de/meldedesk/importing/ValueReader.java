package de.meldedesk.importing;

import de.meldedesk.domain.DateText;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Text;
import de.meldedesk.i18n.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of one cell for one field. Every value that ends up different
 * from the source text (apart from a date written in another format) is listed
 * as a {@link FieldChange}. A value that cannot be read is null with an error.
 */
final class ValueReader {

    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+([.,]\\d+)?[eE][+-]?\\d+");
    private static final Pattern SERIAL_TEXT = Pattern.compile("\\d{5}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME_SUFFIX = Pattern.compile("(.+?)[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?");
    private static final Set<String> TRUE_WORDS = Set.of("ja", "j", "x", "1", "wahr", "true", "yes", "y");
    private static final Set<String> FALSE_WORDS = Set.of("nein", "n", "0", "falsch", "false", "no");
    private static final Map<String, String> SEX_WORDS = Map.ofEntries(
            Map.entry("m", "m"), Map.entry("maennlich", "m"), Map.entry("male", "m"), Map.entry("mann", "m"),
            Map.entry("herr", "m"),
            Map.entry("w", "w"), Map.entry("weiblich", "w"), Map.entry("female", "w"), Map.entry("f", "w"),
            Map.entry("frau", "w"),
            Map.entry("d", "d"), Map.entry("divers", "d"), Map.entry("diverse", "d"),
            Map.entry("x", "x"), Map.entry("ohneangabe", "x"), Map.entry("keineangabe", "x"));
    private static final Map<String, String> COUNTRIES = countryNames();

    private final ImportOptions options;
    private final DateTimeFormatter forcedDateFormat;
    private final boolean json;

    ValueReader(ImportOptions options, boolean json) {
        this.options = options;
        this.json = json;
        this.forcedDateFormat = options.dateFormat() == null ? null
                : DateTimeFormatter.ofPattern(options.dateFormat().replace('y', 'u'), Locale.GERMAN)
                        .withResolverStyle(ResolverStyle.STRICT);
    }

    /** Reads a non-blank cell into a String, LocalDate or Boolean, or returns null after an error. */
    Object read(ImportField field, SourceCell cell, RowContext row) {
        switch (cell.issue()) {
            case FORMULA_WITHOUT_VALUE:
                row.error(field, "import.cell.formulaWithoutValue");
                return null;
            case EXCEL_ERROR:
                row.error(field, "import.cell.excelError", cell.text());
                return null;
            case JSON_NOT_A_VALUE:
                row.error(field, "import.json.notAValue");
                return null;
            case INVALID_SERIAL:
                row.error(field, "import.date.invalidSerial", cell.text());
                return null;
            default:
                break;
        }
        if (cell.text().indexOf('\uFFFD') >= 0) {
            row.error(field, "import.cell.replacementCharacter");
            return null;
        }
        switch (field.kind()) {
            case DATE:
                return readDate(field, cell, row);
            case BOOLEAN:
                return readBoolean(field, cell, row);
            case DIGITS:
                return readDigits(field, cell, row);
            case SEX:
                return readCode(field, readText(field, cell, row), row);
            case COUNTRY:
                return readCountry(field, readText(field, cell, row), row);
            case TYPE:
                return readType(field, readText(field, cell, row), row);
            case TEXT:
            default:
                return readText(field, cell, row);
        }
    }

    /** Trims every kind of white space at the ends and turns inner line breaks, tabs and odd spaces into plain spaces. */
    String readText(ImportField field, SourceCell cell, RowContext row) {
        String raw = cell.text();
        String cleaned = Text.clean(raw);
        if (cleaned == null) {
            return null;
        }
        StringBuilder plain = null;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            if (c == '\r' && i + 1 < cleaned.length() && cleaned.charAt(i + 1) == '\n') {
                // A Windows line break inside a cell becomes one space, not two.
                plain = plain == null ? new StringBuilder(cleaned.substring(0, i)) : plain;
                continue;
            }
            boolean oddSpace = c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
            if (oddSpace && plain == null) {
                plain = new StringBuilder(cleaned.substring(0, i));
            }
            if (plain != null) {
                plain.append(oddSpace ? ' ' : c);
            }
        }
        String result = plain == null ? cleaned : plain.toString();
        if (!result.equals(raw)) {
            row.change(field, raw, result, "import.change.whitespace");
        }
        if (cell.issue() == SourceCell.Issue.JSON_NUMBER) {
            row.change(field, raw, result, "import.change.numberAsText");
        }
        return result;
    }

    private String readDigits(ImportField field, SourceCell cell, RowContext row) {
        String text = readText(field, cell, row);
        if (text != null && SCIENTIFIC.matcher(text).matches()) {
            // Excel's scientific display keeps six significant digits, so the others cannot be recovered.
            String key = field == ImportField.EMPLOYEE_ID ? "problem.employeeId.scientific" : "import.number.scientific";
            row.error(field, key, text);
            return null;
        }
        return text;
    }

    private Boolean readBoolean(ImportField field, SourceCell cell, RowContext row) {
        if (cell.bool() != null) {
            return cell.bool();
        }
        String text = Text.clean(cell.text());
        String word = text.toLowerCase(Locale.ROOT);
        Boolean value = TRUE_WORDS.contains(word) ? Boolean.TRUE : FALSE_WORDS.contains(word) ? Boolean.FALSE : null;
        if (value == null) {
            row.error(field, "import.boolean.unreadable", text);
            return null;
        }
        if (!value.toString().equals(text)) {
            row.change(field, text, value.toString(), "import.change.boolean");
        }
        return value;
    }

    private String readCode(ImportField field, String text, RowContext row) {
        if (text == null) {
            return null;
        }
        String code = SEX_WORDS.get(ImportField.normalize(text));
        if (code == null || code.equals(text)) {
            return text;
        }
        row.change(field, text, code, "import.change.code");
        return code;
    }

    private String readCountry(ImportField field, String text, RowContext row) {
        if (text == null) {
            return null;
        }
        String code = COUNTRIES.get(ImportField.normalize(text));
        if (code == null || code.equals(text)) {
            return text;
        }
        row.change(field, text, code, "import.change.country");
        return code;
    }

    private String readType(ImportField field, String text, RowContext row) {
        if (text == null) {
            return null;
        }
        IncidentTypeCatalogue catalogue = options.catalogue();
        Optional<IncidentType> type = catalogue.find(text);
        if (type.isEmpty()) {
            String key = ImportField.normalize(text);
            type = catalogue.all().stream()
                    .filter(t -> ImportField.normalize(t.labelDe()).equals(key) || ImportField.normalize(t.labelEn()).equals(key))
                    .findFirst();
        }
        if (type.isEmpty() || type.get().code().equals(text)) {
            return text;
        }
        row.change(field, text, type.get().code(), "import.change.type");
        return type.get().code();
    }

    private LocalDate readDate(ImportField field, SourceCell cell, RowContext row) {
        if (cell.date() != null) {
            return cell.date();
        }
        if (cell.number() != null) {
            return fromSerial(field, cell.number(), cell.text(), row);
        }

        String text = Text.clean(cell.text());
        String datePart = text;
        boolean timeDropped = false;
        Matcher time = TIME_SUFFIX.matcher(text);
        if (time.matches()) {
            datePart = time.group(1);
            timeDropped = Integer.parseInt(time.group(2)) != 0 || Integer.parseInt(time.group(3)) != 0
                    || time.group(4) != null && Integer.parseInt(time.group(4)) != 0;
        }

        LocalDate date = parseDateText(field, text, datePart, row);
        if (date == null) {
            return null;
        }
        if (timeDropped) {
            row.change(field, text, date.toString(), "import.change.timeDropped");
        }
        if (json && !ISO_DATE.matcher(text).matches()) {
            row.warning(field, "import.json.dateNotIso", text, DateText.german(date));
        }
        return date;
    }

    /** Reads the date part of a text by the forced format, as an Excel serial number, or by {@link DateText}. */
    private LocalDate parseDateText(ImportField field, String text, String datePart, RowContext row) {
        if (forcedDateFormat != null) {
            try {
                return LocalDate.parse(datePart, forcedDateFormat);
            } catch (DateTimeParseException e) {
                row.error(field, "import.date.notInFormat", text, options.dateFormat());
                return null;
            }
        }
        if (SERIAL_TEXT.matcher(datePart).matches()) {
            return fromSerial(field, new BigDecimal(datePart), text, row);
        }

        DateText.Kind kind = field == ImportField.BIRTHDAY ? DateText.Kind.PAST : DateText.Kind.NEAR_TODAY;
        DateText.Result result = DateText.parse(datePart, kind, options.today());
        if (!result.ok()) {
            row.error(field, "import." + result.errorKey(), text);
            return null;
        }
        LocalDate date = result.date();
        if (result.ambiguous()) {
            LocalDate swapped = swapDayAndMonth(date);
            row.error(field, "import.date.ambiguous", text, DateText.german(date), DateText.german(swapped));
            return null;
        }
        if (result.yearCompleted()) {
            row.warning(field, "import.date.twoDigitYear", text, DateText.german(date));
            row.change(field, text, date.toString(), "import.change.yearCompleted");
        }
        return date;
    }

    private LocalDate fromSerial(ImportField field, BigDecimal serial, String text, RowContext row) {
        boolean plausible = serial.compareTo(BigDecimal.valueOf(10_000)) >= 0
                && serial.compareTo(BigDecimal.valueOf(100_000)) < 0;
        LocalDate date = plausible ? ExcelValues.dateFromSerial(serial, false) : null;
        if (date == null) {
            row.error(field, "import.date.numberNotDate", text);
            return null;
        }
        row.warning(field, "import.date.fromSerial", text, DateText.german(date));
        row.change(field, text, date.toString(), "import.change.serialDate");
        return date;
    }

    private static LocalDate swapDayAndMonth(LocalDate date) {
        try {
            return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
        } catch (java.time.DateTimeException e) {
            return date;
        }
    }

    /** Maps normalised country names in German and English, and alpha-3 codes, to alpha-2 codes. */
    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            names.put(ImportField.normalize(code), code);
            names.put(ImportField.normalize(country.getDisplayCountry(Messages.GERMAN)), code);
            names.put(ImportField.normalize(country.getDisplayCountry(Locale.ENGLISH)), code);
            try {
                names.put(ImportField.normalize(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException e) {
                // A few codes have no alpha-3 form in the JDK; their names still map.
            }
        }
        names.put("d", "DE");
        names.put("brd", "DE");
        names.put("bundesrepublikdeutschland", "DE");
        names.put("a", "AT");
        names.put("holland", "NL");
        names.put("usa", "US");
        names.put("uk", "GB");
        names.put("england", "GB");
        names.put("grossbritannien", "GB");
        return Map.copyOf(names);
    }
}
