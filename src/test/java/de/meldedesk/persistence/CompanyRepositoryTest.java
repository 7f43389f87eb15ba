package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyRepositoryTest {

    @TempDir
    Path dataDir;

    private Store store;
    private CompanyRepository companies;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
        companies = store.companies();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createAndFind() {
        Company managing = companies.create("09ce3580d84bf087", "Muster Holding", true, null);
        Company managed = companies.create("1111222233334444", "Muster Werk Süd", false, managing.id());

        Company found = companies.findByCareflexId("1111222233334444").orElseThrow();

        assertThat(found).isEqualTo(managed);
        assertThat(found.managedBy()).isEqualTo(managing.id());
        assertThat(found.managing()).isFalse();
        assertThat(found.createdAt()).isNotNull();
        assertThat(companies.findById(managing.id()).orElseThrow().managing()).isTrue();
    }

    @Test
    void duplicateCareflexIdRefused() {
        companies.create("09ce3580d84bf087", "Muster Holding", true, null);

        assertThatThrownBy(() -> companies.create("09ce3580d84bf087", "Other", false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("09ce3580d84bf087");
    }

    @Test
    void updateChangesName() {
        Company company = companies.create("09ce3580d84bf087", "Muster", true, null);

        Company updated = companies.update(new Company(company.id(), company.careflexId(), "Muster AG", false, null,
                false, null, null));

        assertThat(updated.name()).isEqualTo("Muster AG");
        assertThat(updated.managing()).isFalse();
    }

    @Test
    void archivedHiddenFromDefaultList() {
        Company kept = companies.create("a1", "Alpha", false, null);
        Company archived = companies.create("b2", "Beta", false, null);

        companies.setArchived(archived.id(), true);

        assertThat(companies.list(false)).containsExactly(kept);
        assertThat(companies.list(true)).extracting(Company::careflexId).containsExactly("a1", "b2");
    }

    @Test
    void deleteUnusedCompany() throws CompanyInUseException {
        Company company = companies.create("a1", "Alpha", false, null);

        companies.delete(company.id());

        assertThat(companies.findById(company.id())).isEmpty();
    }

    @Test
    void deleteWithDraftsRefused() {
        Company company = companies.create("a1", "Alpha", false, null);
        store.incidents().insertDraft(TestStores.draft(company.id(), "49239697103", LocalDate.of(2026, 3, 1)));

        assertThatThrownBy(() -> companies.delete(company.id()))
                .isInstanceOf(CompanyInUseException.class)
                .satisfies(e -> assertThat(((CompanyInUseException) e).userMessage(Messages.ENGLISH))
                        .contains("a1"));
        assertThat(companies.findById(company.id())).isPresent();
    }

    @Test
    void deleteManagingCompanyRefused() {
        Company managing = companies.create("a1", "Alpha", true, null);
        companies.create("b2", "Beta", false, managing.id());

        assertThatThrownBy(() -> companies.delete(managing.id())).isInstanceOf(CompanyInUseException.class);
    }
}
