package de.meldedesk.domain;

import java.util.Locale;

/**
 * Every field of an incident that a clerk can fill in, named by its wire path.
 * Forms and tables use it to move between text as typed and the typed record.
 */
public enum IncidentField {
    EXTERNAL_ID("externalId", Kind.TEXT),
    TYPE("type", Kind.TEXT),
    EMPLOYEE_ID("employeeId", Kind.TEXT),
    CREATED_AT("createdAt", Kind.DATE),
    VALID_FROM("validFrom", Kind.DATE),
    TITLE("employee.title", Kind.TEXT),
    FIRST_NAME("employee.firstName", Kind.TEXT),
    LAST_NAME("employee.lastName", Kind.TEXT),
    BIRTHDAY("employee.birthday", Kind.BIRTHDAY),
    SEX("employee.sex", Kind.TEXT),
    STREET("employee.address.street", Kind.TEXT),
    HOUSE_NUMBER("employee.address.houseNumber", Kind.TEXT),
    ADDRESS_SUFFIX("employee.address.addressSuffix", Kind.TEXT),
    ZIP_CODE("employee.address.zipCode", Kind.TEXT),
    CITY("employee.address.city", Kind.TEXT),
    COUNTRY("employee.address.country", Kind.TEXT),
    EMPLOYMENT_SITE("employee.job.employmentSite", Kind.TEXT),
    EMPLOYMENT_STATUS("employee.job.employmentStatus", Kind.TEXT),
    START_OF_EMPLOYMENT("employee.job.startOfEmployment", Kind.DATE),
    PERSONNEL_NUMBER("employee.job.personnelNumber", Kind.TEXT),
    MANAGEMENT("employee.job.management", Kind.BOOLEAN),
    EMAIL_BUSINESS("employee.contact.emailBusiness", Kind.TEXT),
    MOBILE_BUSINESS("employee.contact.mobileBusiness", Kind.TEXT),
    LANDLINE_BUSINESS("employee.contact.landlineBusiness", Kind.TEXT);

    /** How the text of a field is read. */
    public enum Kind {
        TEXT,
        /** A date near today, e.g. {@code validFrom}. */
        DATE,
        /** A date in the past; two-digit years complete to the past century. */
        BIRTHDAY,
        BOOLEAN
    }

    private final String path;
    private final Kind kind;

    IncidentField(String path, Kind kind) {
        this.path = path;
        this.kind = kind;
    }

    /** Returns the wire path, e.g. {@code employee.address.zipCode}. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isDate() {
        return kind == Kind.DATE || kind == Kind.BIRTHDAY;
    }

    /** Returns the bundle key of the field's label, e.g. {@code field.employee.address.zipCode}. */
    public String labelKey() {
        return "field." + path;
    }

    /** Returns the bundle key of the field's help text shown with F1. */
    public String helpKey() {
        return "help." + path;
    }

    public static IncidentField byPath(String path) {
        for (IncidentField field : values()) {
            if (field.path.equals(path)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no incident field with path " + path);
    }

    /** Returns the node id used for this field's input, e.g. {@code field-employee-address-zipCode}. */
    public String nodeId() {
        return "field-" + path.replace('.', '-');
    }

    @Override
    public String toString() {
        return path.toLowerCase(Locale.ROOT);
    }
}
