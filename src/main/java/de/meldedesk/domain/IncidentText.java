package de.meldedesk.domain;

import de.meldedesk.domain.validation.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts between an incident and its fields as text, the way forms and
 * tables hold them. Text that cannot be read (a date such as 31.02.2026) is
 * kept as typed in {@code invalidInput}, so nothing a clerk typed is lost.
 */
public final class IncidentText {

    /** The outcome of reading form text: the incident, the reading problems, and text that did not fit. */
    public record Reading(Incident incident, List<Problem> problems, Map<String, String> invalidInput,
                          Map<String, LocalDate> completedDates) {
    }

    private IncidentText() {
    }

    /** Returns the text of every field of an incident; dates are {@code dd.MM.yyyy}. */
    public static Map<IncidentField, String> toText(Incident incident) {
        Employee e = incident.employee();
        Address a = e.address();
        Job j = e.job();
        Contact c = e.contact();
        Map<IncidentField, String> text = new EnumMap<>(IncidentField.class);
        text.put(IncidentField.EXTERNAL_ID, incident.externalId());
        text.put(IncidentField.TYPE, incident.type());
        text.put(IncidentField.EMPLOYEE_ID, incident.employeeId());
        text.put(IncidentField.CREATED_AT, DateText.german(incident.createdAt()));
        text.put(IncidentField.VALID_FROM, DateText.german(incident.validFrom()));
        text.put(IncidentField.TITLE, e.title());
        text.put(IncidentField.FIRST_NAME, e.firstName());
        text.put(IncidentField.LAST_NAME, e.lastName());
        text.put(IncidentField.BIRTHDAY, DateText.german(e.birthday()));
        text.put(IncidentField.SEX, e.sex());
        text.put(IncidentField.STREET, a.street());
        text.put(IncidentField.HOUSE_NUMBER, a.houseNumber());
        text.put(IncidentField.ADDRESS_SUFFIX, a.addressSuffix());
        text.put(IncidentField.ZIP_CODE, a.zipCode());
        text.put(IncidentField.CITY, a.city());
        text.put(IncidentField.COUNTRY, a.country());
        text.put(IncidentField.EMPLOYMENT_SITE, j.employmentSite());
        text.put(IncidentField.EMPLOYMENT_STATUS, j.employmentStatus());
        text.put(IncidentField.START_OF_EMPLOYMENT, DateText.german(j.startOfEmployment()));
        text.put(IncidentField.PERSONNEL_NUMBER, j.personnelNumber());
        text.put(IncidentField.MANAGEMENT, j.management() == null ? "" : j.management() ? "ja" : "nein");
        text.put(IncidentField.EMAIL_BUSINESS, c.emailBusiness());
        text.put(IncidentField.MOBILE_BUSINESS, c.mobileBusiness());
        text.put(IncidentField.LANDLINE_BUSINESS, c.landlineBusiness());
        text.replaceAll((field, value) -> value == null ? "" : value);
        return text;
    }

    /**
     * Reads form text into an incident. Surrounding white space is removed from
     * every value; dates are read strictly and two-digit years are completed
     * and reported in {@code completedDates}.
     */
    public static Reading read(Map<IncidentField, String> text, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        Map<String, LocalDate> completed = new LinkedHashMap<>();
        Map<IncidentField, Object> values = new EnumMap<>(IncidentField.class);
        for (IncidentField field : IncidentField.values()) {
            String raw = text.get(field);
            String cleaned = Text.clean(raw);
            if (cleaned == null) {
                continue;
            }
            switch (field.kind()) {
                case DATE:
                case BIRTHDAY:
                    DateText.Kind kind = field.kind() == IncidentField.Kind.BIRTHDAY ? DateText.Kind.PAST : DateText.Kind.NEAR_TODAY;
                    DateText.Result result = DateText.parse(cleaned, kind, today);
                    if (result.ok()) {
                        values.put(field, result.date());
                        if (result.yearCompleted()) {
                            completed.put(field.path(), result.date());
                        }
                    } else {
                        invalid.put(field.path(), raw);
                        problems.add(Problem.error(field.path(), result.errorKey()));
                    }
                    break;
                case BOOLEAN:
                    Boolean flag = bool(cleaned);
                    if (flag == null) {
                        invalid.put(field.path(), raw);
                        problems.add(Problem.error(field.path(), "problem.boolean.format", cleaned));
                    } else {
                        values.put(field, flag);
                    }
                    break;
                case TEXT:
                default:
                    values.put(field, cleaned);
                    break;
            }
        }
        Incident incident = build(values);
        return new Reading(incident, problems, Collections.unmodifiableMap(invalid), Collections.unmodifiableMap(completed));
    }

    /** Reads the yes/no words clerks and spreadsheets use; returns null for anything else. */
    public static Boolean bool(String text) {
        switch (text.toLowerCase(Locale.GERMAN)) {
            case "ja": case "j": case "x": case "1": case "wahr": case "true": case "yes": case "y":
                return Boolean.TRUE;
            case "nein": case "n": case "0": case "falsch": case "false": case "no":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private static Incident build(Map<IncidentField, Object> v) {
        Address address = new Address(s(v, IncidentField.STREET), s(v, IncidentField.HOUSE_NUMBER),
                s(v, IncidentField.ADDRESS_SUFFIX), s(v, IncidentField.ZIP_CODE), s(v, IncidentField.CITY),
                s(v, IncidentField.COUNTRY));
        Job job = new Job(s(v, IncidentField.EMPLOYMENT_SITE), s(v, IncidentField.EMPLOYMENT_STATUS),
                d(v, IncidentField.START_OF_EMPLOYMENT), s(v, IncidentField.PERSONNEL_NUMBER),
                (Boolean) v.get(IncidentField.MANAGEMENT));
        Contact contact = new Contact(s(v, IncidentField.EMAIL_BUSINESS), s(v, IncidentField.MOBILE_BUSINESS),
                s(v, IncidentField.LANDLINE_BUSINESS));
        Employee employee = new Employee(s(v, IncidentField.TITLE), s(v, IncidentField.FIRST_NAME),
                s(v, IncidentField.LAST_NAME), d(v, IncidentField.BIRTHDAY), s(v, IncidentField.SEX),
                address, job, contact);
        return new Incident(s(v, IncidentField.EXTERNAL_ID), s(v, IncidentField.TYPE), s(v, IncidentField.EMPLOYEE_ID),
                d(v, IncidentField.CREATED_AT), d(v, IncidentField.VALID_FROM), employee);
    }

    private static String s(Map<IncidentField, Object> values, IncidentField field) {
        return (String) values.get(field);
    }

    private static LocalDate d(Map<IncidentField, Object> values, IncidentField field) {
        return (LocalDate) values.get(field);
    }
}
