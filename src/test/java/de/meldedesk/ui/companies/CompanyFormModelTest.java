package de.meldedesk.ui.companies;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Employee;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.Store;
import de.meldedesk.ui.common.SameThreadRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyFormModelTest {

    @TempDir
    Path dataDir;

    private Store store;
    private CompanyFormModel model;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        model = new CompanyFormModel(store.companies(), new SameThreadRunner(), Messages.GERMAN);
        model.reload();
        model.startNew();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void blankCareflexIdIsError() {
        model.careflexIdProperty().set("  ");
        model.nameProperty().set("Chemie AG");

        assertThat(model.careflexIdErrorProperty().get()).contains("CareFlex-ID");
        assertThat(model.validBinding().get()).isFalse();
    }

    @Test
    void spaceInCareflexIdIsError() {
        model.careflexIdProperty().set("09ce3580 d84bf087");

        assertThat(model.careflexIdErrorProperty().get()).contains("Leerzeichen");
    }

    @Test
    void unusualCareflexIdIsOnlyWarning() {
        model.careflexIdProperty().set("chemie-7");
        model.nameProperty().set("Chemie AG");

        assertThat(model.careflexIdErrorProperty().get()).isEmpty();
        assertThat(model.careflexIdWarningProperty().get()).contains("16 Zeichen");
        assertThat(model.validBinding().get()).isTrue();
    }

    @Test
    void hexCareflexIdHasNoWarning() {
        model.careflexIdProperty().set("09ce3580d84bf087");

        assertThat(model.careflexIdWarningProperty().get()).isEmpty();
    }

    @Test
    void missingNameIsError() {
        model.careflexIdProperty().set("09ce3580d84bf087");

        assertThat(model.nameErrorProperty().get()).isNotEmpty();
        assertThat(model.validBinding().get()).isFalse();
    }

    @Test
    void firstCompanyBecomesManaging() {
        model.careflexIdProperty().set("09ce3580d84bf087");
        model.nameProperty().set("Chemie Holding");
        model.save();

        assertThat(model.companies()).singleElement().extracting(Company::managing).isEqualTo(true);
    }

    @Test
    void secondCompanyReportsThroughManaging() {
        addCompany("09ce3580d84bf087", "Chemie Holding");
        model.startNew();
        model.careflexIdProperty().set("1111222233334444");
        model.nameProperty().set("Werk Leuna");
        model.save();

        Company holding = store.companies().findByCareflexId("09ce3580d84bf087").orElseThrow();
        Company plant = store.companies().findByCareflexId("1111222233334444").orElseThrow();
        assertThat(plant.managing()).isFalse();
        assertThat(plant.managedBy()).isEqualTo(holding.id());
    }

    @Test
    void takenCareflexIdIsError() {
        addCompany("09ce3580d84bf087", "Chemie Holding");
        model.startNew();
        model.careflexIdProperty().set("09CE3580D84BF087");

        assertThat(model.careflexIdErrorProperty().get()).contains("schon");
    }

    @Test
    void renameKeepsId() {
        Company created = addCompany("09ce3580d84bf087", "Chemie Holding");
        model.edit(model.companies().get(0));
        model.nameProperty().set("Chemie Holding GmbH");
        model.save();

        assertThat(store.companies().findById(created.id()).orElseThrow().name()).isEqualTo("Chemie Holding GmbH");
        assertThat(model.companies()).hasSize(1);
    }

    @Test
    void unusedCompanyIsDeleted() {
        addCompany("09ce3580d84bf087", "Chemie Holding");
        model.edit(model.companies().get(0));

        model.delete();

        assertThat(store.companies().list(true)).isEmpty();
        assertThat(model.archiveOfferedProperty().get()).isFalse();
    }

    @Test
    void companyWithDataIsOfferedArchive() {
        Company created = addCompany("09ce3580d84bf087", "Chemie Holding");
        store.employees().upsert(created.id(), "85291703420", Employee.EMPTY, "test");
        model.edit(model.companies().get(0));

        model.delete();

        assertThat(model.archiveOfferedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("archivieren");
        assertThat(store.companies().findById(created.id())).isPresent();
    }

    @Test
    void archivedCompanyLeavesList() {
        Company created = addCompany("09ce3580d84bf087", "Chemie Holding");
        store.employees().upsert(created.id(), "85291703420", Employee.EMPTY, "test");
        model.edit(model.companies().get(0));
        model.delete();

        model.setArchived(true);

        assertThat(store.companies().findById(created.id()).orElseThrow().archived()).isTrue();
        assertThat(model.companies()).isEmpty();
        model.showArchivedProperty().set(true);
        assertThat(model.companies()).hasSize(1);
    }

    private Company addCompany(String careflexId, String name) {
        model.startNew();
        model.careflexIdProperty().set(careflexId);
        model.nameProperty().set(name);
        model.save();
        return store.companies().findByCareflexId(careflexId).orElseThrow();
    }
}
