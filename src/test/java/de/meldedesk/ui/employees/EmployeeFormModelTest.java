package de.meldedesk.ui.employees;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.EmployeeChange;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.Store;
import de.meldedesk.ui.common.SameThreadRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmployeeFormModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path dataDir;

    private Store store;
    private Company company;
    private EmployeeFormModel model;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        company = store.companies().create("09ce3580d84bf087", "Chemie Holding", true, null);
        model = new EmployeeFormModel(store.employees(), store.companies(), new SameThreadRunner(), Messages.GERMAN,
                () -> TODAY);
        model.loadCompanies();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void fillValid() {
        model.field(IncidentField.EMPLOYEE_ID).set("85291703420");
        model.field(IncidentField.FIRST_NAME).set("Käthe");
        model.field(IncidentField.LAST_NAME).set("Öztürk");
        model.field(IncidentField.BIRTHDAY).set("03.06.1993");
        model.field(IncidentField.SEX).set("w");
        model.field(IncidentField.STREET).set("Industriestraße");
        model.field(IncidentField.HOUSE_NUMBER).set("7-52");
        model.field(IncidentField.ZIP_CODE).set("01067");
        model.field(IncidentField.CITY).set("Dresden");
        model.field(IncidentField.EMPLOYMENT_SITE).set("Leuna");
        model.field(IncidentField.EMPLOYMENT_STATUS).set("T");
        model.field(IncidentField.START_OF_EMPLOYMENT).set("01.04.2020");
        model.field(IncidentField.PERSONNEL_NUMBER).set("P-4711");
    }

    @Test
    void firstCompanyIsChosen() {
        assertThat(model.companyProperty().get()).isEqualTo(company);
    }

    @Test
    void countryDefaultsToGermany() {
        assertThat(model.field(IncidentField.COUNTRY).get()).isEqualTo("DE");
    }

    @Test
    void presetCountryAloneNeedsNoAddress() {
        model.field(IncidentField.EMPLOYEE_ID).set("85291703420");
        model.field(IncidentField.FIRST_NAME).set("Paul");
        model.field(IncidentField.LAST_NAME).set("Schneider");

        assertThat(model.hasErrorsProperty().get()).isFalse();
        assertThat(model.read().incident().employee().address().isEmpty()).isTrue();
    }

    @Test
    void emptyFormNeedsIdAndNames() {
        assertThat(model.problemsFor(IncidentField.EMPLOYEE_ID)).anyMatch(Problem::isError);
        assertThat(model.problemsFor(IncidentField.LAST_NAME)).anyMatch(Problem::isError);
        assertThat(model.hasErrorsProperty().get()).isTrue();
    }

    @Test
    void validFormHasNoErrors() {
        fillValid();

        assertThat(model.problems()).noneMatch(Problem::isError);
        assertThat(model.hasErrorsProperty().get()).isFalse();
    }

    @Test
    void lostZeroOfZipIsShownAsTyped() {
        fillValid();
        model.field(IncidentField.ZIP_CODE).set("1067");

        assertThat(model.problemsFor(IncidentField.ZIP_CODE)).singleElement()
                .extracting(p -> p.message(Messages.GERMAN)).asString().contains("01067");
    }

    @Test
    void impossibleDateIsError() {
        fillValid();
        model.field(IncidentField.BIRTHDAY).set("31.02.1990");

        assertThat(model.problemsFor(IncidentField.BIRTHDAY)).anyMatch(Problem::isError);
    }

    @Test
    void unknownSexCodeIsWarning() {
        fillValid();
        model.field(IncidentField.SEX).set("q");

        assertThat(model.problemsFor(IncidentField.SEX)).singleElement().extracting(Problem::isError).isEqualTo(false);
    }

    @Test
    void lowerCaseCountryIsError() {
        fillValid();
        model.field(IncidentField.COUNTRY).set("de");

        assertThat(model.problemsFor(IncidentField.COUNTRY)).anyMatch(Problem::isError);
    }

    @Test
    void partlyFilledJobNeedsStatusAndStart() {
        fillValid();
        model.field(IncidentField.EMPLOYMENT_STATUS).set("");

        assertThat(model.problemsFor(IncidentField.EMPLOYMENT_STATUS)).anyMatch(Problem::isError);
    }

    @Test
    void invalidFormIsNotSaved() {
        model.field(IncidentField.EMPLOYEE_ID).set("123");

        model.save();

        assertThat(store.employees().search(null, "", 10)).isEmpty();
        assertThat(model.messageProperty().get()).contains("korrigieren");
    }

    @Test
    void savedEmployeeIsFoundBySearch() {
        fillValid();
        model.save();

        model.searchTextProperty().set("Özt");
        model.search();

        assertThat(model.results()).singleElement().extracting(StoredEmployee::employeeId).isEqualTo("85291703420");
        StoredEmployee stored = store.employees().find(company.id(), "85291703420").orElseThrow();
        assertThat(stored.employee().birthday()).isEqualTo(LocalDate.of(1993, 6, 3));
        assertThat(stored.changedSource()).isEqualTo("typed");
    }

    @Test
    void changeIsListedInHistory() {
        fillValid();
        model.save();
        model.field(IncidentField.CITY).set("Leipzig");
        model.field(IncidentField.ZIP_CODE).set("04109");

        model.save();

        assertThat(model.changes()).anyMatch(change -> change.field().equals("employee.address.city")
                && "Leipzig".equals(change.newValue()));
        assertThat(model.changes()).extracting(EmployeeChange::source).containsOnly("typed");
        assertThat(model.messageProperty().get()).contains("2 Felder");
    }

    @Test
    void editFillsFormFromStore() {
        fillValid();
        model.save();
        model.startNew();

        model.edit(store.employees().find(company.id(), "85291703420").orElseThrow());

        assertThat(model.field(IncidentField.BIRTHDAY).get()).isEqualTo("03.06.1993");
        assertThat(model.field(IncidentField.PERSONNEL_NUMBER).get()).isEqualTo("P-4711");
    }
}
