package de.meldedesk.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.meldedesk.domain.validation.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body in the CareFlex format, as the REST description prints
 * it: a root object with {@code careflexId} and {@code incidentList}, or the
 * list alone, or a single incident. Faults of text pasted from a word
 * processor are repaired with a warning. Every key the interface does not
 * define is reported with its path. The API token in a request body is never
 * taken over.
 */
final class CareflexJsonReader {

    private static final Set<String> ROOT_KEYS = Set.of("careflexId", "apiToken", "incidentList");
    private static final Map<String, Set<String>> KEYS_BY_OBJECT = Map.of(
            "", Set.of("externalId", "type", "employeeId", "createdAt", "validFrom", "employee"),
            "employee", Set.of("title", "firstName", "lastName", "birthday", "sex", "address", "job", "contact"),
            "employee.address", Set.of("street", "houseNumber", "addressSuffix", "zipCode", "city", "country"),
            "employee.job", Set.of("employmentSite", "employmentStatus", "startOfEmployment", "personnelNumber",
                    "management"),
            "employee.contact", Set.of("emailBusiness", "mobileBusiness", "landlineBusiness"));
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One incident of the list: its key paths and texts, its cells by field, and its key problems. */
    record Entry(int rowNumber, Map<String, String> cells, Map<ImportField, SourceCell> values, List<Problem> problems) {
    }

    /** All incidents, and the fields that at least one incident has a key for. */
    record Result(List<Entry> entries, List<ColumnMapping> mapping) {
    }

    private CareflexJsonReader() {
    }

    static Result read(String text, List<Problem> fileProblems) throws UnreadableFileException {
        JsonRepair.Repaired repaired = JsonRepair.repair(text);
        if (repaired.straightenedQuotes() > 0) {
            fileProblems.add(Problem.warning(null, "import.json.typographicQuotes", repaired.straightenedQuotes()));
        }
        for (String position : repaired.trailingCommas()) {
            String[] lineAndColumn = position.split(":");
            fileProblems.add(Problem.warning(null, "import.json.trailingComma",
                    Integer.parseInt(lineAndColumn[0]), Integer.parseInt(lineAndColumn[1])));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(repaired.text());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new UnreadableFileException("import.json.syntax", where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr(), e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new UnreadableFileException("import.file.empty");
        }

        JsonNode list;
        SourceCell company = null;
        if (root.isArray()) {
            list = root;
        } else if (root.isObject() && root.has("incidentList")) {
            list = root.get("incidentList");
            if (!list.isArray()) {
                throw new UnreadableFileException("import.json.noIncidentList");
            }
            for (Map.Entry<String, JsonNode> property : root.properties()) {
                String key = property.getKey();
                if (!ROOT_KEYS.contains(key)) {
                    fileProblems.add(unknownKey(key, "", ROOT_KEYS));
                }
            }
            if (root.has("apiToken")) {
                fileProblems.add(Problem.warning(null, "import.json.apiTokenIgnored"));
            }
            if (root.has("careflexId")) {
                company = cell(root.get("careflexId"));
            }
        } else if (root.isObject()) {
            list = MAPPER.createArrayNode().add(root);
        } else {
            throw new UnreadableFileException("import.json.noIncidentList");
        }

        List<Entry> entries = new ArrayList<>();
        Map<ImportField, Boolean> seen = new EnumMap<>(ImportField.class);
        for (int i = 0; i < list.size(); i++) {
            Entry entry = entry(list.get(i), i, company);
            entry.values().keySet().forEach(field -> seen.put(field, Boolean.TRUE));
            entries.add(entry);
        }
        List<ColumnMapping> mapping = new ArrayList<>();
        for (ImportField field : seen.keySet()) {
            mapping.add(new ColumnMapping(field.ordinal(), field.path(), field, MappingSource.JSON_KEY));
        }
        return new Result(entries, mapping);
    }

    private static Entry entry(JsonNode node, int index, SourceCell company) {
        Map<String, String> cells = new LinkedHashMap<>();
        Map<ImportField, SourceCell> values = new EnumMap<>(ImportField.class);
        List<Problem> problems = new ArrayList<>();
        if (company != null) {
            values.put(ImportField.CAREFLEX_ID, company);
            cells.put("careflexId", company.text());
        }
        if (!node.isObject()) {
            problems.add(Problem.error(null, "import.json.incidentNotObject"));
            return new Entry(index + 1, cells, values, problems);
        }
        checkKeys(node, "", problems);
        for (ImportField field : ImportField.values()) {
            if (field == ImportField.CAREFLEX_ID) {
                continue;
            }
            JsonNode value = find(node, field.path());
            if (value != null && !value.isNull()) {
                SourceCell cell = cell(value);
                values.put(field, cell);
                cells.put(field.path(), cell.text());
            }
        }
        return new Entry(index + 1, cells, values, problems);
    }

    /** Reports keys the interface does not define, in this object and the objects below it. */
    private static void checkKeys(JsonNode node, String path, List<Problem> problems) {
        Set<String> known = KEYS_BY_OBJECT.get(path);
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (!known.contains(key)) {
                problems.add(unknownKey(key, path, known));
            } else if (KEYS_BY_OBJECT.containsKey(childPath) && value.isObject()) {
                checkKeys(value, childPath, problems);
            } else if (KEYS_BY_OBJECT.containsKey(childPath) && !value.isNull()) {
                problems.add(Problem.error(childPath, "import.json.notAnObject", key));
            }
        }
    }

    /**
     * Builds the problem for an unknown key: an error naming the right key when
     * only its spelling differs ({@code zipcode} for {@code zipCode}), else a warning.
     */
    private static Problem unknownKey(String key, String path, Set<String> known) {
        String where = path.isEmpty() ? "/" : path;
        String field = path.isEmpty() ? key : path + "." + key;
        for (String candidate : known) {
            if (ImportField.normalize(candidate).equals(ImportField.normalize(key))) {
                return Problem.error(field, "import.json.keySpelling", key, where, candidate);
            }
        }
        return Problem.warning(field, "import.json.unknownKey", key, where);
    }

    private static JsonNode find(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current;
    }

    private static SourceCell cell(JsonNode value) {
        if (value.isTextual()) {
            return SourceCell.text(value.textValue());
        }
        if (value.isNumber()) {
            return SourceCell.issue(value.decimalValue().toPlainString(), SourceCell.Issue.JSON_NUMBER);
        }
        if (value.isBoolean()) {
            return new SourceCell(String.valueOf(value.booleanValue()), null, null, value.booleanValue(),
                    SourceCell.Issue.NONE);
        }
        return SourceCell.issue(value.toString(), SourceCell.Issue.JSON_NOT_A_VALUE);
    }
}
