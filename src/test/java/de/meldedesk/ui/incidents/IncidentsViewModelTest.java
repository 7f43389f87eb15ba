package de.meldedesk.ui.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Address;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.ImportService;
import de.meldedesk.ui.common.SameThreadRunner;
import de.meldedesk.ui.common.Workspace;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsViewModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @TempDir
    Path dataDir;

    private Store store;
    private Workspace workspace;
    private IncidentsViewModel model;
    private IncidentEditorModel editor;
    private Company company;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        company = store.companies().create("CF-1001", "Chemie Nord GmbH", false, null);
        workspace = new Workspace();
        model = new IncidentsViewModel(store, new ImportEngine(), new ImportService(store),
                IncidentTypeCatalogue.builtIn(), new SameThreadRunner(), workspace, () -> TODAY, Messages.GERMAN);
        editor = model.editor();
        model.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void set(IncidentField field, String text) {
        editor.form().field(field).set(text);
    }

    private void fillValidNew() {
        set(IncidentField.EMPLOYEE_ID, "85291703420");
        set(IncidentField.FIRST_NAME, "Käthe");
        set(IncidentField.LAST_NAME, "Öztürk");
        set(IncidentField.BIRTHDAY, "03.06.1993");
        set(IncidentField.SEX, "d");
        set(IncidentField.STREET, "Industriestraße");
        set(IncidentField.HOUSE_NUMBER, "7");
        set(IncidentField.ZIP_CODE, "01067");
        set(IncidentField.CITY, "Dresden");
        set(IncidentField.EMPLOYMENT_STATUS, "T");
        set(IncidentField.START_OF_EMPLOYMENT, "20.04.2022");
    }

    private List<StoredIncident> stored() {
        return store.incidents().list(IncidentFilter.ALL);
    }

    @Test
    void newIncidentHasDefaults() {
        assertThat(model.newIncident(null)).isTrue();

        assertThat(editor.form().field(IncidentField.TYPE).get()).isEqualTo("NEW");
        assertThat(editor.form().field(IncidentField.CREATED_AT).get()).isEqualTo("04.12.2026");
        assertThat(editor.form().field(IncidentField.VALID_FROM).get()).isEqualTo("01.01.2027");
        assertThat(editor.form().field(IncidentField.COUNTRY).get()).isEqualTo("DE");
        assertThat(editor.companyProperty().get()).isEqualTo(company);
        assertThat(editor.lockedProperty(MasterDataPart.ADDRESS).get()).isTrue();
        assertThat(editor.lockedProperty(MasterDataPart.CONTACT).get()).isFalse();
        assertThat(editor.includedProperty(MasterDataPart.CONTACT).get()).isFalse();
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void newIncidentWithoutCompanyIsRefused() throws Exception {
        store.companies().setArchived(company.id(), true);
        model.reload();

        assertThat(model.newIncident(null)).isFalse();
        assertThat(model.hasCompaniesProperty().get()).isFalse();
    }

    @Test
    void saveInsertsDraftWithReference() {
        model.newIncident(null);
        fillValidNew();
        assertThat(editor.dirtyProperty().get()).isTrue();

        editor.save();

        List<StoredIncident> all = stored();
        assertThat(all).hasSize(1);
        String expected = IncidentEditorModel.externalIdFor(all.get(0).id(), TODAY);
        assertThat(all.get(0).incident().externalId()).isEqualTo(expected);
        assertThat(expected).matches("MD-2026-\\d{6}");
        assertThat(editor.form().field(IncidentField.EXTERNAL_ID).get()).isEqualTo(expected);
        assertThat(editor.currentIdProperty().get()).isEqualTo(all.get(0).id());
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(model.visibleRows()).hasSize(1);
    }

    @Test
    void secondSaveUpdatesSameDraft() {
        model.newIncident(null);
        fillValidNew();
        editor.save();
        set(IncidentField.CITY, "Leipzig");
        editor.save();

        assertThat(stored()).singleElement()
                .satisfies(s -> assertThat(s.incident().employee().address().city()).isEqualTo("Leipzig"));
    }

    @Test
    void impossibleDateSurvivesSaveAndReload() {
        model.newIncident(null);
        fillValidNew();
        set(IncidentField.VALID_FROM, "31.02.2026");
        editor.save();

        StoredIncident saved = stored().get(0);
        assertThat(saved.invalidInput()).containsEntry("validFrom", "31.02.2026");
        assertThat(saved.errorCount()).isPositive();

        editor.clear();
        model.select(model.rowById(saved.id()));
        assertThat(editor.form().field(IncidentField.VALID_FROM).get()).isEqualTo("31.02.2026");
        assertThat(editor.form().problemsFor(IncidentField.VALID_FROM)).isNotEmpty();
    }

    @Test
    void markReadyBlockedWhileErrors() {
        model.newIncident(null);
        set(IncidentField.EMPLOYEE_ID, "85291703420");

        assertThat(editor.canMarkReadyBinding().get()).isFalse();
        assertThat(editor.markReady()).isFalse();
        assertThat(editor.statusProperty().get()).isEqualTo(IncidentStatus.DRAFT);
    }

    @Test
    void markReadyStoresReadyAndCounts() {
        model.newIncident(null);
        fillValidNew();

        assertThat(editor.markReady()).isTrue();

        assertThat(stored().get(0).status()).isEqualTo(IncidentStatus.READY);
        assertThat(workspace.readyCountProperty().get()).isEqualTo(1);
        assertThat(store.employees().find(company.id(), "85291703420")).isPresent();
    }

    @Test
    void readyFallsBackToDraftOnError() {
        model.newIncident(null);
        fillValidNew();
        editor.markReady();

        set(IncidentField.ZIP_CODE, "1234");
        editor.save();

        assertThat(stored().get(0).status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(workspace.readyCountProperty().get()).isZero();
    }

    @Test
    void warningsNeedAcknowledgement() {
        model.newIncident(null);
        fillValidNew();
        set(IncidentField.SEX, "q");

        assertThat(editor.canMarkReadyBinding().get()).isFalse();
        editor.warningsAcknowledgedProperty().set(true);
        assertThat(editor.canMarkReadyBinding().get()).isTrue();
    }

    @Test
    void untickedPartIsEmptiedAndRestored() {
        model.newIncident(null);
        editor.includedProperty(MasterDataPart.CONTACT).set(true);
        set(IncidentField.EMAIL_BUSINESS, "k.oeztuerk@chemie-nord.de");

        editor.includedProperty(MasterDataPart.CONTACT).set(false);
        assertThat(editor.form().field(IncidentField.EMAIL_BUSINESS).get()).isEmpty();

        editor.includedProperty(MasterDataPart.CONTACT).set(true);
        assertThat(editor.form().field(IncidentField.EMAIL_BUSINESS).get()).isEqualTo("k.oeztuerk@chemie-nord.de");
    }

    @Test
    void typeWithoutMasterDataUnlocksParts() {
        model.newIncident(null);
        set(IncidentField.TYPE, "WIK");

        assertThat(editor.lockedProperty(MasterDataPart.ADDRESS).get()).isFalse();
        set(IncidentField.TYPE, "NEW");
        assertThat(editor.lockedProperty(MasterDataPart.ADDRESS).get()).isTrue();
        assertThat(editor.includedProperty(MasterDataPart.ADDRESS).get()).isTrue();
    }

    @Test
    void duplicateIsReported() {
        model.newIncident(null);
        fillValidNew();
        editor.save();
        model.newIncident(null);
        fillValidNew();

        editor.save();

        assertThat(editor.duplicates()).hasSize(1);
    }

    @Test
    void employeeFromRegisterFillsForm() {
        Employee register = new Employee(null, "Thomas", "Wagner", LocalDate.of(1979, 1, 15), "m",
                new Address("Hauptstraße", "1", null, "04109", "Leipzig", "DE"),
                new Job(null, "T", LocalDate.of(2020, 1, 1), "P-77", false), Contact.EMPTY);
        store.employees().upsert(company.id(), "49239697103", register, "test");
        model.newIncident(null);

        editor.searchEmployees("Wag");
        assertThat(editor.employeeMatches()).hasSize(1);
        editor.applyEmployee(editor.employeeMatches().get(0));

        assertThat(editor.form().field(IncidentField.EMPLOYEE_ID).get()).isEqualTo("49239697103");
        assertThat(editor.form().field(IncidentField.LAST_NAME).get()).isEqualTo("Wagner");
        assertThat(editor.form().field(IncidentField.ZIP_CODE).get()).isEqualTo("04109");
        assertThat(editor.form().field(IncidentField.PERSONNEL_NUMBER).get()).isEqualTo("P-77");
        assertThat(editor.form().hasErrorsProperty().get()).isFalse();
    }

    @Test
    void companyChangeMovesDraft() {
        Company other = store.companies().create("CF-2002", "Chemie Süd AG", false, null);
        model.reload();
        model.newIncident(company);
        fillValidNew();
        editor.save();

        editor.companyProperty().set(other);
        editor.save();

        assertThat(stored()).singleElement().extracting(StoredIncident::companyId).isEqualTo(other.id());
        assertThat(model.visibleRows()).hasSize(1);
    }

    @Test
    void deleteAndUndo() {
        model.newIncident(null);
        fillValidNew();
        editor.save();
        long id = editor.currentIdProperty().get();

        model.delete(List.of(id));
        assertThat(stored()).isEmpty();
        assertThat(editor.openProperty().get()).isFalse();
        assertThat(model.canUndoProperty().get()).isTrue();

        model.undoDelete();
        assertThat(stored()).hasSize(1);
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void pasteStoresRowsAsDrafts() {
        String text = "Mitarbeiter-ID\tMeldeart\tGültig ab\tVorname\tNachname\n"
                + "49239697103\tWIK\t01.01.2027\t\t\n"
                + "85291703420\tWIK\t01.01.2027\t\t\n";

        model.paste(text, company);

        assertThat(stored()).hasSize(2);
        assertThat(model.visibleRows()).hasSize(2);
        assertThat(stored().get(0).source().fileName()).isEqualTo("Zwischenablage");
    }

    @Test
    void pastedRowErrorsAreListed() {
        String text = "Mitarbeiter-ID\tMeldeart\tGültig ab\n"
                + "4923969710\tWIK\t01.01.2027\n";

        model.paste(text, company);

        assertThat(stored()).singleElement().extracting(StoredIncident::status).isEqualTo(IncidentStatus.DRAFT);
        assertThat(model.pasteProblems()).anyMatch(line -> line.contains("Zeile 2"));
    }

    @Test
    void copyWritesHeaderAndRows() {
        model.newIncident(null);
        fillValidNew();
        editor.save();

        String text = model.copyText(new ArrayList<>(model.visibleRows()));

        String[] lines = text.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("CareFlex-ID\tEigene Referenz\tMeldeart\tMitarbeiter-ID");
        assertThat(lines[1]).startsWith("CF-1001\tMD-2026-").contains("\tNEW\t85291703420\t");
    }

    @Test
    void copiedRowsPasteBack() {
        model.newIncident(null);
        fillValidNew();
        editor.save();
        String text = model.copyText(new ArrayList<>(model.visibleRows()));

        model.paste(text, null);

        assertThat(stored()).hasSize(2);
        assertThat(stored().get(1).incident().employee().lastName()).isEqualTo("Öztürk");
    }

    @Test
    void filtersReloadTable() {
        model.newIncident(null);
        fillValidNew();
        editor.markReady();
        model.newIncident(null);
        set(IncidentField.EMPLOYEE_ID, "49239697103");
        editor.save();

        model.filterStatusProperty().set(IncidentStatus.READY);
        assertThat(model.visibleRows()).hasSize(1);

        model.filterStatusProperty().set(null);
        model.filterTextProperty().set("Öztürk");
        assertThat(model.visibleRows()).hasSize(1);
    }

    @Test
    void submitRequestsReadyIds() {
        List<Long> requested = new ArrayList<>();
        workspace.setSubmitHandler(requested::addAll);
        model.newIncident(null);
        fillValidNew();
        editor.markReady();

        model.requestSubmit(List.of());

        assertThat(requested).containsExactly(editor.currentIdProperty().get());
    }
}
