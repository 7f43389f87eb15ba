package de.meldedesk.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.Report;
import de.meldedesk.testsupport.ExcerptReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per case: a valid {@code NEW} incident with one change, and the one
 * problem expected (or none). The hostile values are the ones spreadsheets produce.
 */
class ValidationTableTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final String NBSP = "\u00A0";
    private static final IncidentValidator VALIDATOR = new IncidentValidator(IncidentTypeCatalogue.builtIn());

    private static Incident valid() {
        Employee employee = new Employee(null, "Käthe", "Öztürk", LocalDate.of(1993, 6, 3), "d",
                new Address("Industriestraße", "7-52", null, "01067", "Dresden", "DE"),
                new Job("Labor 3", "T", LocalDate.of(2022, 4, 20), "028140", false),
                new Contact("kathe.ozturk@example.org", "0170 1629072", "0118 7375367"));
        return new Incident(null, "NEW", "85291703420", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), employee);
    }

    private static UnaryOperator<Incident> employee(UnaryOperator<Employee> change) {
        return i -> i.withEmployee(change.apply(i.employee()));
    }

    private static UnaryOperator<Incident> address(UnaryOperator<Address> change) {
        return employee(e -> e.withAddress(change.apply(e.address())));
    }

    private static UnaryOperator<Incident> id(String employeeId) {
        return i -> new Incident(i.externalId(), i.type(), employeeId, i.createdAt(), i.validFrom(), i.employee());
    }

    private static UnaryOperator<Incident> type(String type) {
        return i -> new Incident(i.externalId(), type, i.employeeId(), i.createdAt(), i.validFrom(), i.employee());
    }

    private static UnaryOperator<Incident> zip(String zip) {
        return address(a -> new Address(a.street(), a.houseNumber(), a.addressSuffix(), zip, a.city(), a.country()));
    }

    private static UnaryOperator<Incident> zipIn(String zip, String country) {
        return address(a -> new Address(a.street(), a.houseNumber(), a.addressSuffix(), zip, a.city(), country));
    }

    private static UnaryOperator<Incident> country(String country) {
        return address(a -> new Address(a.street(), a.houseNumber(), a.addressSuffix(), a.zipCode(), a.city(), country));
    }

    private static UnaryOperator<Incident> names(String first, String last) {
        return employee(e -> new Employee(e.title(), first, last, e.birthday(), e.sex(), e.address(), e.job(), e.contact()));
    }

    private static UnaryOperator<Incident> birthday(LocalDate birthday) {
        return employee(e -> new Employee(e.title(), e.firstName(), e.lastName(), birthday, e.sex(),
                e.address(), e.job(), e.contact()));
    }

    private static UnaryOperator<Incident> sex(String sex) {
        return employee(e -> new Employee(e.title(), e.firstName(), e.lastName(), e.birthday(), sex,
                e.address(), e.job(), e.contact()));
    }

    private static UnaryOperator<Incident> email(String email) {
        return employee(e -> e.withContact(new Contact(email, null, null)));
    }

    private static UnaryOperator<Incident> dates(LocalDate createdAt, LocalDate validFrom) {
        return i -> new Incident(i.externalId(), i.type(), i.employeeId(), createdAt, validFrom, i.employee());
    }

    private static Arguments ok(String name, UnaryOperator<Incident> change) {
        return Arguments.of(name, change, null, null, null);
    }

    private static Arguments error(String name, UnaryOperator<Incident> change, String field, String key) {
        return Arguments.of(name, change, Severity.ERROR, field, key);
    }

    private static Arguments warning(String name, UnaryOperator<Incident> change, String field, String key) {
        return Arguments.of(name, change, Severity.WARNING, field, key);
    }

    static Stream<Arguments> cases() {
        LocalDate base = LocalDate.of(2026, 12, 1);
        return Stream.of(
                ok("valid NEW", UnaryOperator.identity()),
                ok("employee id with leading zero", id("01234567890")),
                error("employee id empty", id(""), "employeeId", "problem.required"),
                error("employee id null", id(null), "employeeId", "problem.required"),
                error("employee id only spaces", id("   "), "employeeId", "problem.required"),
                error("employee id only nbsp", id(NBSP + NBSP), "employeeId", "problem.required"),
                error("employee id trailing nbsp", id("85291703420" + NBSP), "employeeId", "problem.outerSpace"),
                error("employee id leading space", id(" 85291703420"), "employeeId", "problem.outerSpace"),
                error("employee id scientific comma", id("4,92397E+10"), "employeeId", "problem.employeeId.scientific"),
                error("employee id scientific dot", id("4.92397E+10"), "employeeId", "problem.employeeId.scientific"),
                error("employee id decimal", id("85291703420,0"), "employeeId", "problem.employeeId.decimal"),
                error("employee id ten digits", id("8529170342"), "employeeId", "problem.employeeId.format"),
                error("employee id twelve digits", id("852917034201"), "employeeId", "problem.employeeId.format"),
                error("employee id with letters", id("8529170342O"), "employeeId", "problem.employeeId.format"),
                error("zip four digits", zip("1234"), "employee.address.zipCode", "problem.zipCode.lostZero"),
                error("zip six digits", zip("012345"), "employee.address.zipCode", "problem.zipCode.format"),
                error("zip with letters", zip("O1067"), "employee.address.zipCode", "problem.zipCode.format"),
                error("zip empty", zip(""), "employee.address.zipCode", "problem.required"),
                error("zip nbsp", zip(NBSP), "employee.address.zipCode", "problem.required"),
                error("zip scientific", zip("1,2E+4"), "employee.address.zipCode", "problem.zipCode.format"),
                ok("zip abroad not five digits", zipIn("1010", "AT")),
                error("country lower case", country("de"), "employee.address.country", "problem.country.case"),
                error("country name", country("Deutschland"), "employee.address.country", "problem.country.unknown"),
                error("country three letters", country("DEU"), "employee.address.country", "problem.country.unknown"),
                error("country empty for NEW", country(""), "employee.address.country", "problem.required"),
                error("last name missing", names("Käthe", ""), "employee.lastName", "problem.required"),
                error("first name missing", names(null, "Öztürk"), "employee.firstName", "problem.required"),
                error("last name nbsp only", names("Käthe", NBSP), "employee.lastName", "problem.required"),
                error("birthday missing for NEW", birthday(null), "employee.birthday", "problem.required"),
                error("birthday today", birthday(TODAY), "employee.birthday", "problem.birthday.future"),
                error("birthday in future", birthday(LocalDate.of(2079, 1, 15)), "employee.birthday", "problem.birthday.future"),
                warning("birthday makes a child", birthday(LocalDate.of(2020, 1, 1)), "employee.birthday", "problem.birthday.implausible"),
                warning("birthday 1890", birthday(LocalDate.of(1890, 1, 1)), "employee.birthday", "problem.birthday.implausible"),
                ok("leap day birthday", birthday(LocalDate.of(1992, 2, 29))),
                warning("sex unknown code", sex("q"), "employee.sex", "problem.sex.unknown"),
                error("sex missing for NEW", sex(" "), "employee.sex", "problem.required"),
                error("email without at", email("kathe.example.org"), "employee.contact.emailBusiness", "problem.email.format"),
                error("email without domain dot", email("kathe@example"), "employee.contact.emailBusiness", "problem.email.format"),
                ok("email with umlaut", email("zoë.yilmaz@example.org")),
                error("createdAt missing", dates(null, base), "createdAt", "problem.required"),
                error("validFrom missing", dates(base, null), "validFrom", "problem.required"),
                ok("validFrom before createdAt", dates(base, base.minusMonths(3))),
                warning("unknown type code", type("ABC"), "type", "problem.type.unknown"),
                error("type lower case", type("new"), "type", "problem.type.spelling"),
                error("type empty", type(""), "type", "problem.required"),
                error("NEW without address", employee(e -> e.withAddress(null)), "employee.address.street", "problem.required"),
                ok("SDB with names only", type("SDB").andThen(employee(e ->
                        new Employee(null, "Thomas", "Mustermann", null, null, null, null, null)))::apply),
                error("SDB without names", type("SDB").andThen(employee(e -> Employee.EMPTY))::apply,
                        "employee.lastName", "problem.required"),
                ok("WIK without master data", type("WIK").andThen(i -> i.withEmployee(null))::apply),
                warning("WIK with master data", type("WIK"), "employee.lastName", "problem.part.notUsed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void incidentCase(String name, UnaryOperator<Incident> change, Severity severity, String field, String key) {
        List<Problem> problems = VALIDATOR.validate(change.apply(valid()), TODAY);

        if (severity == null) {
            assertThat(problems).as(name).isEmpty();
            return;
        }
        assertThat(problems).as(name).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(severity);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.key()).isEqualTo(key);
        });
        if (severity == Severity.WARNING) {
            assertThat(problems).as(name + ": no errors besides the warning").noneMatch(Problem::isError);
        }
    }

    @Test
    void caseTableIsLarge() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void excerptReportIsValidApartFromPlaceholders() {
        ReportValidator validator = new ReportValidator(IncidentTypeCatalogue.builtIn());

        List<Problem> problems = validator.validate(ExcerptReport.build(), TODAY);

        assertThat(problems).noneMatch(Problem::isError);
    }

    @Test
    void reportNeedsOneToHundredIncidents() {
        ReportValidator validator = new ReportValidator(IncidentTypeCatalogue.builtIn());
        List<Incident> hundredAndOne = new ArrayList<>(Collections.nCopies(101, valid()));

        assertThat(validator.validate(new Report("c", "t", List.of()), TODAY))
                .anyMatch(p -> p.key().equals("problem.report.empty"));
        assertThat(validator.validate(new Report("c", "t", hundredAndOne), TODAY))
                .anyMatch(p -> p.key().equals("problem.report.tooMany"));
        assertThat(validator.validate(new Report("c", "t", Collections.nCopies(100, valid())), TODAY))
                .noneMatch(Problem::isError);
    }

    @Test
    void reportNeedsCareflexIdAndApiToken() {
        ReportValidator validator = new ReportValidator(IncidentTypeCatalogue.builtIn());

        List<Problem> problems = validator.validate(new Report(" ", "", List.of(valid())), TODAY);

        assertThat(problems).anyMatch(p -> p.field().equals("careflexId") && p.isError());
        assertThat(problems).anyMatch(p -> p.field().equals("apiToken") && p.isError());
    }

    @Test
    void reportProblemsCarryIncidentPath() {
        ReportValidator validator = new ReportValidator(IncidentTypeCatalogue.builtIn());
        Incident bad = zip("1234").apply(valid());

        List<Problem> problems = validator.validate(new Report("c", "t", List.of(valid(), bad)), TODAY);

        assertThat(problems).extracting(Problem::field).contains("incidentList[1].employee.address.zipCode");
    }

    @Test
    void messagesExistInBothLanguages() {
        Problem problem = VALIDATOR.validate(zip("1234").apply(valid()), TODAY).get(0);

        assertThat(problem.message(Locale.GERMANY)).contains("01234").contains("führende Null");
        assertThat(problem.message(Locale.ENGLISH)).contains("01234").contains("leading zero");
        assertThat(problem.fieldLabel(Locale.GERMANY)).isEqualTo("Postleitzahl");
        assertThat(problem.fieldLabel(Locale.ENGLISH)).isEqualTo("Zip code");
    }
}
