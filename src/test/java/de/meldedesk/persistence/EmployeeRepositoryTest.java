package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.EmployeeChange;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.testsupport.ExcerptReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmployeeRepositoryTest {

    private static final String THOMAS = "49239697103";

    @TempDir
    Path dataDir;

    private Store store;
    private EmployeeRepository employees;
    private long company;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
        employees = store.employees();
        company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Muster", true, null).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Employee thomas() {
        return ExcerptReport.build().incidents().get(0).employee();
    }

    @Test
    void upsertNewKeepsEveryField() {
        EmployeeRepository.UpsertResult result = employees.upsert(company, THOMAS, thomas(), "export.csv");

        StoredEmployee stored = employees.find(company, THOMAS).orElseThrow();
        assertThat(result.created()).isTrue();
        assertThat(stored.employee()).isEqualTo(thomas());
        assertThat(stored.changedSource()).isEqualTo("export.csv");
        assertThat(stored.changedAt()).isNotNull();
    }

    @Test
    void upsertReturnsChangedFields() {
        employees.upsert(company, THOMAS, thomas(), "export.csv");
        Employee moved = thomas().withAddress(new Address("Neue Straße", "9a", null, "01234", "Musterstadt", "DE"));

        EmployeeRepository.UpsertResult result = employees.upsert(company, THOMAS, moved, "typed");

        assertThat(result.created()).isFalse();
        assertThat(result.changedFields()).containsExactly("employee.address.street",
                "employee.address.houseNumber", "employee.address.addressSuffix");
    }

    @Test
    void mergeAllStoresManyInOneCall() {
        Employee moved = thomas().withAddress(new Address("Neue Straße", "9a", null, "01234", "Musterstadt", "DE"));

        List<EmployeeRepository.UpsertResult> results = employees.mergeAll(company, List.of(
                new EmployeeRepository.Merge(THOMAS, thomas(), "file.csv row 2"),
                new EmployeeRepository.Merge("12345678901", thomas(), "file.csv row 3"),
                new EmployeeRepository.Merge(THOMAS, moved, "file.csv row 4")));

        assertThat(results).extracting(EmployeeRepository.UpsertResult::created).containsExactly(true, true, false);
        assertThat(results.get(2).changedFields()).contains("employee.address.street");
        assertThat(employees.find(company, THOMAS).orElseThrow().employee().address().street()).isEqualTo("Neue Straße");
    }

    @Test
    void upsertUnchangedReportsNothing() {
        employees.upsert(company, THOMAS, thomas(), "export.csv");

        assertThat(employees.upsert(company, THOMAS, thomas(), "export.csv").changedFields()).isEmpty();
        assertThat(employees.changes(company, THOMAS)).isEmpty();
    }

    @Test
    void mergeKeepsUnsetFields() {
        employees.upsert(company, THOMAS, thomas(), "export.csv");
        Employee namesOnly = new Employee(null, "Tom", "Mustermann", null, null, null, null, null);

        EmployeeRepository.UpsertResult result = employees.merge(company, THOMAS, namesOnly, "sdb.json");

        Employee stored = employees.find(company, THOMAS).orElseThrow().employee();
        assertThat(result.changedFields()).containsExactly("employee.firstName");
        assertThat(stored.firstName()).isEqualTo("Tom");
        assertThat(stored.address()).isEqualTo(thomas().address());
    }

    @Test
    void changesKeepOldAndNewValue() {
        employees.upsert(company, THOMAS, thomas(), "export.csv");
        Job promoted = new Job("Branch 1", "T", LocalDate.of(2020, 4, 24), "string", true);
        employees.upsert(company, THOMAS, thomas().withJob(promoted), "typed");

        List<EmployeeChange> changes = employees.changes(company, THOMAS);

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).field()).isEqualTo("employee.job.management");
        assertThat(changes.get(0).oldValue()).isEqualTo("false");
        assertThat(changes.get(0).newValue()).isEqualTo("true");
        assertThat(changes.get(0).source()).isEqualTo("typed");
    }

    @Test
    void searchByNameIdAndPersonnelNumber() {
        employees.upsert(company, THOMAS, thomas(), "export.csv");
        employees.upsert(company, "12345678901", new Employee(null, "Jörg", "Özdemir", null, null, null,
                new Job(null, null, null, "000123", null), Contact.EMPTY), "export.csv");

        assertThat(employees.search(company, "muster", 10)).extracting(StoredEmployee::employeeId)
                .containsExactly(THOMAS);
        assertThat(employees.search(company, "jörg", 10)).extracting(StoredEmployee::employeeId)
                .containsExactly("12345678901");
        assertThat(employees.search(null, "ÖZD", 10)).extracting(StoredEmployee::employeeId)
                .containsExactly("12345678901");
        assertThat(employees.search(company, "000123", 10)).extracting(StoredEmployee::employeeId)
                .containsExactly("12345678901");
        assertThat(employees.search(company, "4923969", 10)).extracting(StoredEmployee::employeeId)
                .containsExactly(THOMAS);
        assertThat(employees.search(company, "%", 10)).isEmpty();
    }
}
