package de.meldedesk.persistence;

import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Job;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** The master-data columns of the employees table, each with its wire path and its value in an {@link Employee}. */
final class EmployeeColumns {

    record Column(String path, String column, Function<Employee, Object> value) {
    }

    static final List<Column> ALL = List.of(
            new Column("employee.title", "title", Employee::title),
            new Column("employee.firstName", "first_name", Employee::firstName),
            new Column("employee.lastName", "last_name", Employee::lastName),
            new Column("employee.birthday", "birthday", Employee::birthday),
            new Column("employee.sex", "sex", Employee::sex),
            new Column("employee.address.street", "street", e -> e.address().street()),
            new Column("employee.address.houseNumber", "house_number", e -> e.address().houseNumber()),
            new Column("employee.address.addressSuffix", "address_suffix", e -> e.address().addressSuffix()),
            new Column("employee.address.zipCode", "zip_code", e -> e.address().zipCode()),
            new Column("employee.address.city", "city", e -> e.address().city()),
            new Column("employee.address.country", "country", e -> e.address().country()),
            new Column("employee.job.employmentSite", "employment_site", e -> e.job().employmentSite()),
            new Column("employee.job.employmentStatus", "employment_status", e -> e.job().employmentStatus()),
            new Column("employee.job.startOfEmployment", "start_of_employment", e -> e.job().startOfEmployment()),
            new Column("employee.job.personnelNumber", "personnel_number", e -> e.job().personnelNumber()),
            new Column("employee.job.management", "management", e -> e.job().management()),
            new Column("employee.contact.emailBusiness", "email_business", e -> e.contact().emailBusiness()),
            new Column("employee.contact.mobileBusiness", "mobile_business", e -> e.contact().mobileBusiness()),
            new Column("employee.contact.landlineBusiness", "landline_business", e -> e.contact().landlineBusiness()));

    static final String NAMES = String.join(", ", ALL.stream().map(Column::column).toList());

    private EmployeeColumns() {
    }

    static Employee read(ResultSet rs) throws SQLException {
        return new Employee(
                rs.getString("title"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                Rows.getDate(rs, "birthday"),
                rs.getString("sex"),
                new Address(rs.getString("street"), rs.getString("house_number"), rs.getString("address_suffix"),
                        rs.getString("zip_code"), rs.getString("city"), rs.getString("country")),
                new Job(rs.getString("employment_site"), rs.getString("employment_status"),
                        Rows.getDate(rs, "start_of_employment"), rs.getString("personnel_number"),
                        Rows.getBoolean(rs, "management")),
                new Contact(rs.getString("email_business"), rs.getString("mobile_business"),
                        rs.getString("landline_business")));
    }

    /** Returns the value as the change history shows it: dates ISO, booleans true/false, null as null. */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
