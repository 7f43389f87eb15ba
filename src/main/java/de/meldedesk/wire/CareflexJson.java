package de.meldedesk.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.ReportResponse;
import de.meldedesk.domain.ResponseRow;
import de.meldedesk.domain.Secrets;
import de.meldedesk.domain.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The exact JSON of the CareFlex interface: key names, nesting and order as in
 * the REST description, dates as {@code yyyy-MM-dd}, and empty optional fields
 * left out.
 */
public final class CareflexJson {

    /** Shared mapper: unknown keys in responses are ignored, dates are ISO text. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CareflexJson() {
    }

    /** Serialises a report exactly as it is sent, API token included. */
    public static String writeReport(Report report) {
        return write(reportNode(report, report.apiToken()));
    }

    /** Serialises a report as it is stored and shown: the API token replaced by a mask. */
    public static String writeReportMasked(Report report) {
        return write(reportNode(report, Secrets.mask(report.apiToken())));
    }

    /** Serialises one incident as it appears inside {@code incidentList}. */
    public static ObjectNode incidentNode(Incident incident) {
        ObjectNode node = MAPPER.createObjectNode();
        putText(node, "externalId", incident.externalId());
        putText(node, "type", incident.type());
        putText(node, "employeeId", incident.employeeId());
        putDate(node, "createdAt", incident.createdAt());
        putDate(node, "validFrom", incident.validFrom());
        ObjectNode employee = employeeNode(incident.employee());
        if (!employee.isEmpty()) {
            node.set("employee", employee);
        }
        return node;
    }

    public static String writeIncident(Incident incident) {
        return write(incidentNode(incident));
    }

    /** Serialises the body of {@code incident/none}. */
    public static String writeEmptyReport(String careflexId, String apiToken) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put(WireChoices.EMPTY_REPORT_KEYS[0], careflexId);
        node.put(WireChoices.EMPTY_REPORT_KEYS[1], apiToken);
        return write(node);
    }

    /**
     * Parses the response of {@code incident/new}. Unknown keys are ignored;
     * a missing {@code importId}, list or row field is a {@link WireFormatException}.
     */
    public static ReportResponse parseResponse(String body) throws WireFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("response is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WireFormatException("response is not a JSON object");
        }
        String importId = requiredText(root, "importId", "response");
        JsonNode list = root.get("incidentResponseList");
        if (list == null || !list.isArray()) {
            throw new WireFormatException("response has no incidentResponseList array");
        }
        List<ResponseRow> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode row = list.get(i);
            String where = "incidentResponseList[" + i + "]";
            if (!row.isObject()) {
                throw new WireFormatException(where + " is not an object");
            }
            JsonNode rowNumber = row.get("rowNumber");
            if (rowNumber == null || !rowNumber.canConvertToInt() || !rowNumber.isIntegralNumber()) {
                throw new WireFormatException(where + ".rowNumber is missing or not an integer");
            }
            rows.add(new ResponseRow(
                    rowNumber.intValue(),
                    requiredText(row, "incidentId", where),
                    optionalText(row, "externalId"),
                    optionalText(row, "employeeId"),
                    optionalText(row, "type")));
        }
        return new ReportResponse(importId, rows);
    }

    /**
     * Joins the response rows to the incidents sent, by {@code rowNumber}.
     * Every incident must get exactly one row; a missing, duplicate or
     * out-of-range row number, or a row whose employee ID or type differs from
     * the incident at that position, is a {@link ResponseMismatchException}.
     */
    public static List<AcceptedIncident> join(Report sent, ReportResponse response) throws ResponseMismatchException {
        List<Incident> incidents = sent.incidents();
        ResponseRow[] byRow = new ResponseRow[incidents.size()];
        for (ResponseRow row : response.rows()) {
            int n = row.rowNumber();
            if (n < 0 || n >= byRow.length) {
                throw new ResponseMismatchException("rowNumber " + n + " is outside 0.." + (byRow.length - 1));
            }
            if (byRow[n] != null) {
                throw new ResponseMismatchException("rowNumber " + n + " appears twice");
            }
            Incident incident = incidents.get(n);
            if (row.employeeId() != null && !row.employeeId().equals(incident.employeeId())) {
                throw new ResponseMismatchException("rowNumber " + n + " names employeeId " + row.employeeId()
                        + " but " + incident.employeeId() + " was sent");
            }
            if (row.type() != null && !row.type().equals(incident.type())) {
                throw new ResponseMismatchException("rowNumber " + n + " names type " + row.type()
                        + " but " + incident.type() + " was sent");
            }
            if (!Objects.equals(Text.clean(row.externalId()), Text.clean(incident.externalId()))) {
                throw new ResponseMismatchException("rowNumber " + n + " names externalId " + row.externalId()
                        + " but " + incident.externalId() + " was sent");
            }
            byRow[n] = row;
        }
        List<AcceptedIncident> joined = new ArrayList<>(byRow.length);
        for (int i = 0; i < byRow.length; i++) {
            if (byRow[i] == null) {
                throw new ResponseMismatchException("rowNumber " + i + " is missing from the response");
            }
            joined.add(new AcceptedIncident(incidents.get(i), byRow[i]));
        }
        return joined;
    }

    /**
     * Reads a request body strictly, as the sandbox server does: dates must be
     * {@code yyyy-MM-dd}, and text fields may also be JSON numbers because the
     * REST description prints {@code houseNumber} as one. The error names the
     * path of the first field that does not fit.
     */
    public static Report readReport(String body) throws WireFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("request is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WireFormatException("request is not a JSON object");
        }
        JsonNode list = root.get("incidentList");
        if (list == null || !list.isArray()) {
            throw new WireFormatException("incidentList is missing or not an array");
        }
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            incidents.add(readIncident(list.get(i), "incidentList[" + i + "]"));
        }
        return new Report(text(root, "careflexId", ""), text(root, "apiToken", ""), incidents);
    }

    /** Reads one incident as {@link #writeIncident} writes it, with the same strict rules as {@link #readReport}. */
    public static Incident readIncident(String json) throws WireFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("incident is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null) {
            throw new WireFormatException("incident is empty");
        }
        return readIncident(root, "incident");
    }

    private static Incident readIncident(JsonNode node, String where) throws WireFormatException {
        if (!node.isObject()) {
            throw new WireFormatException(where + " is not an object");
        }
        JsonNode e = object(node, "employee", where);
        Employee employee = Employee.EMPTY;
        if (e != null) {
            String at = where + ".employee";
            JsonNode a = object(e, "address", at);
            JsonNode j = object(e, "job", at);
            JsonNode c = object(e, "contact", at);
            Address address = a == null ? Address.EMPTY : new Address(text(a, "street", at), text(a, "houseNumber", at),
                    text(a, "addressSuffix", at), text(a, "zipCode", at), text(a, "city", at), text(a, "country", at));
            Job job = j == null ? Job.EMPTY : new Job(text(j, "employmentSite", at), text(j, "employmentStatus", at),
                    date(j, "startOfEmployment", at + ".job"), text(j, "personnelNumber", at),
                    bool(j, "management", at + ".job"));
            Contact contact = c == null ? Contact.EMPTY : new Contact(text(c, "emailBusiness", at),
                    text(c, "mobileBusiness", at), text(c, "landlineBusiness", at));
            employee = new Employee(text(e, "title", at), text(e, "firstName", at), text(e, "lastName", at),
                    date(e, "birthday", at), text(e, "sex", at), address, job, contact);
        }
        return new Incident(text(node, "externalId", where), text(node, "type", where),
                text(node, "employeeId", where), date(node, "createdAt", where), date(node, "validFrom", where),
                employee);
    }

    private static JsonNode object(JsonNode node, String key, String where) throws WireFormatException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new WireFormatException(where + "." + key + " is not an object");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String where) throws WireFormatException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw new WireFormatException(where + "." + key + " is not a string");
    }

    private static LocalDate date(JsonNode node, String key, String where) throws WireFormatException {
        String value = text(node, key, where);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, WireChoices.DATE);
        } catch (java.time.format.DateTimeParseException ex) {
            throw new WireFormatException(where + "." + key + " is not a date yyyy-MM-dd: " + value, ex);
        }
    }

    private static Boolean bool(JsonNode node, String key, String where) throws WireFormatException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new WireFormatException(where + "." + key + " is not true or false");
        }
        return value.booleanValue();
    }

    /** Pretty-prints any JSON text for display; text that is not JSON is returned unchanged. */
    public static String pretty(String json) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    static ObjectNode reportNode(Report report, String apiToken) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("careflexId", report.careflexId());
        node.put("apiToken", apiToken);
        ArrayNode list = node.putArray("incidentList");
        for (Incident incident : report.incidents()) {
            list.add(incidentNode(incident));
        }
        return node;
    }

    private static ObjectNode employeeNode(Employee e) {
        ObjectNode node = MAPPER.createObjectNode();
        putText(node, "title", e.title());
        putText(node, "firstName", e.firstName());
        putText(node, "lastName", e.lastName());
        putDate(node, "birthday", e.birthday());
        putText(node, "sex", e.sex());
        putPart(node, "address", addressNode(e.address()));
        putPart(node, "job", jobNode(e.job()));
        putPart(node, "contact", contactNode(e.contact()));
        return node;
    }

    private static ObjectNode addressNode(Address a) {
        ObjectNode node = MAPPER.createObjectNode();
        putText(node, "street", a.street());
        putHouseNumber(node, a.houseNumber());
        putText(node, "addressSuffix", a.addressSuffix());
        putText(node, "zipCode", a.zipCode());
        putText(node, "city", a.city());
        putText(node, "country", a.country());
        return node;
    }

    private static ObjectNode jobNode(Job j) {
        ObjectNode node = MAPPER.createObjectNode();
        putText(node, "employmentSite", j.employmentSite());
        putText(node, "employmentStatus", j.employmentStatus());
        putDate(node, "startOfEmployment", j.startOfEmployment());
        putText(node, "personnelNumber", j.personnelNumber());
        if (j.management() != null) {
            node.put("management", j.management());
        }
        return node;
    }

    private static ObjectNode contactNode(Contact c) {
        ObjectNode node = MAPPER.createObjectNode();
        putText(node, "emailBusiness", c.emailBusiness());
        putText(node, "mobileBusiness", c.mobileBusiness());
        putText(node, "landlineBusiness", c.landlineBusiness());
        return node;
    }

    private static void putHouseNumber(ObjectNode node, String houseNumber) {
        if (WireChoices.HOUSE_NUMBER_AS_STRING) {
            putText(node, "houseNumber", houseNumber);
        }
    }

    /** Leaves out null and blank text; text with content is sent exactly as stored. */
    private static void putText(ObjectNode node, String key, String value) {
        if (!Text.isBlank(value)) {
            node.put(key, value);
        }
    }

    private static void putDate(ObjectNode node, String key, LocalDate value) {
        if (value != null) {
            node.put(key, WireChoices.date(value));
        }
    }

    private static void putPart(ObjectNode node, String key, ObjectNode part) {
        if (!part.isEmpty()) {
            node.set(key, part);
        }
    }

    private static String requiredText(JsonNode node, String key, String where) throws WireFormatException {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new WireFormatException(where + "." + key + " is missing or not a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
