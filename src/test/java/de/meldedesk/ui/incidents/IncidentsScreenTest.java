package de.meldedesk.ui.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import de.meldedesk.app.AppPaths;
import de.meldedesk.app.MeldedeskApp;
import de.meldedesk.domain.Address;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class IncidentsScreenTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private Stage stage;
    private final List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void start(String lang) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", dataDir.toString(), "--lang", lang);
        // The app shows uncaught errors in a modal dialog, which would block the robot; collect them instead.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            uncaught.add(error);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window the way a clerk does, which saves the open incident, and stops the app. */
    private void closeApp() throws Exception {
        robot.interact(() -> stage.hide());
        FxToolkit.cleanupApplication(app);
        app = null;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            closeApp();
        }
        FxToolkit.cleanupStages();
        assertThat(uncaught).as("uncaught errors").isEmpty();
    }

    private Company seedCompany() throws Exception {
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            return store.companies().create("CF-1001", "Chemie Nord GmbH", false, null);
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<DraftRow> table() {
        return robot.lookup("#drafts-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<Problem> problemList() {
        return robot.lookup("#incident-problems").queryAs(ListView.class);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertFocusOn(IncidentField field) {
        Node focused = stage.getScene().getFocusOwner();
        Node input = robot.lookup("#" + field.nodeId()).query();
        boolean inside = false;
        for (Node n = focused; n != null; n = n.getParent()) {
            inside |= n == input;
        }
        assertThat(inside).as("focus on %s but was %s", field, focused).isTrue();
    }

    /** Types into the focused field after checking it is the expected one, then moves on with Tab. */
    private void typeField(IncidentField field, String text) {
        assertFocusOn(field);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.push(KeyCode.TAB);
    }

    private void shortcut(KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.push(all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keyboardEntrySurvivesRestart() throws Exception {
        seedCompany();
        start("de");

        shortcut(KeyCode.N);
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("employee-search");
        robot.push(KeyCode.TAB);
        typeField(IncidentField.EMPLOYEE_ID, "85291703420");
        typeField(IncidentField.TYPE, "");
        typeField(IncidentField.CREATED_AT, "");
        typeField(IncidentField.VALID_FROM, "");
        typeField(IncidentField.EXTERNAL_ID, "");
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("part-contact");
        robot.push(KeyCode.SPACE);
        robot.push(KeyCode.TAB);
        typeField(IncidentField.FIRST_NAME, "Käthe");
        typeField(IncidentField.LAST_NAME, "Öztürk");
        typeField(IncidentField.TITLE, "Dr.");
        typeField(IncidentField.BIRTHDAY, "03.06.93");
        typeField(IncidentField.SEX, "w");
        typeField(IncidentField.STREET, "Industriestraße");
        typeField(IncidentField.HOUSE_NUMBER, "7-52");
        typeField(IncidentField.ADDRESS_SUFFIX, "");
        typeField(IncidentField.ZIP_CODE, "01067");
        typeField(IncidentField.CITY, "Dresden");
        typeField(IncidentField.COUNTRY, "");
        typeField(IncidentField.EMPLOYMENT_SITE, "Werk Dresden");
        typeField(IncidentField.EMPLOYMENT_STATUS, "T");
        typeField(IncidentField.START_OF_EMPLOYMENT, "20.04.2022");
        typeField(IncidentField.PERSONNEL_NUMBER, "P-4711");
        typeField(IncidentField.MANAGEMENT, "nein");
        typeField(IncidentField.EMAIL_BUSINESS, "k.oeztuerk@chemie-nord.de");
        typeField(IncidentField.MOBILE_BUSINESS, "");
        assertFocusOn(IncidentField.LANDLINE_BUSINESS);
        robot.write("+49 351 123456");

        assertThat(problemList().getItems()).noneMatch(Problem::isError);
        shortcut(KeyCode.ENTER);
        waitUntil(() -> table().getItems().size() == 1
                && table().getItems().get(0).stored().status() == IncidentStatus.READY);
        assertThat(robot.lookup("#status-ready").queryAs(Label.class).getText()).isEqualTo("1 sendebereit");

        robot.write(" ");
        robot.push(KeyCode.BACK_SPACE);
        closeApp();

        start("de");
        waitUntil(() -> table().getItems().size() == 1);
        StoredIncident saved = table().getItems().get(0).stored();
        assertThat(saved.incident().employee().lastName()).isEqualTo("Öztürk");
        assertThat(saved.incident().employee().birthday()).isEqualTo(LocalDate.of(1993, 6, 3));
        assertThat(saved.incident().employee().contact().landlineBusiness()).isEqualTo("+49 351 123456");
        assertThat(saved.incident().employee().address().country()).isEqualTo("DE");
        assertThat(saved.incident().externalId()).matches("MD-\\d{4}-\\d{6}");
        assertThat(saved.status()).isEqualTo(IncidentStatus.READY);
    }

    @Test
    void badInputShowsErrors() throws Exception {
        seedCompany();
        start("de");

        shortcut(KeyCode.N);
        robot.push(KeyCode.TAB);
        typeField(IncidentField.EMPLOYEE_ID, "85291703420");
        typeField(IncidentField.TYPE, "");
        typeField(IncidentField.CREATED_AT, "");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        typeField(IncidentField.VALID_FROM, "31.02.2026");
        for (int i = 0; i < 2; i++) {
            robot.push(KeyCode.TAB);
        }
        typeField(IncidentField.FIRST_NAME, "Käthe");
        typeField(IncidentField.LAST_NAME, "");
        for (int i = 0; i < 6; i++) {
            robot.push(KeyCode.TAB);
        }
        typeField(IncidentField.ZIP_CODE, "1234");
        WaitForAsyncUtils.waitForFxEvents();

        List<String> fields = problemList().getItems().stream().filter(Problem::isError).map(Problem::field).toList();
        assertThat(fields).contains("validFrom", "employee.lastName", "employee.address.zipCode");
        Node zip = robot.lookup("#" + IncidentField.ZIP_CODE.nodeId()).query();
        assertThat(zip.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        Node lastName = robot.lookup("#" + IncidentField.LAST_NAME.nodeId()).query();
        assertThat(lastName.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(robot.lookup("#mark-ready").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#ready-reason").queryAs(Label.class).getText()).contains("Fehler");

        waitUntil(() -> table().getItems().size() == 1);
        StoredIncident saved = table().getItems().get(0).stored();
        assertThat(saved.invalidInput()).containsEntry("validFrom", "31.02.2026");

        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#incident-help").queryAs(Label.class).getText()).startsWith("Ort:");

        Path shot = Screenshots.write(stage.getScene(), "incidents-editor-errors-de");
        assertThat(Files.size(shot)).isGreaterThan(1000);
    }

    @Test
    void pasteCreatesDrafts() throws Exception {
        seedCompany();
        start("de");
        String text = "Mitarbeiter-ID\tMeldeart\tGültig ab\n"
                + "49239697103\tWIK\t01.01.2027\n"
                + "85291703420\tWIK\t01.01.2027\n";
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });

        robot.interact(() -> table().requestFocus());
        shortcut(KeyCode.V);

        waitUntil(() -> table().getItems().size() == 2);
        assertThat(table().getItems()).allMatch(row -> row.stored().source().fileName().equals("Zwischenablage"));
    }

    @Test
    void deleteAsksAndUndoes() throws Exception {
        Company company = seedCompany();
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            store.incidents().insertDraft(Draft.of(company.id(), new Incident(null, "WIK", "49239697103",
                    LocalDate.now(), LocalDate.now(), Employee.EMPTY)));
        }
        start("de");
        waitUntil(() -> table().getItems().size() == 1);

        robot.interact(() -> {
            table().requestFocus();
            table().getSelectionModel().select(0);
        });
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ENTER);
        waitUntil(() -> table().getItems().isEmpty());

        robot.interact(() -> table().requestFocus());
        shortcut(KeyCode.Z);
        waitUntil(() -> table().getItems().size() == 1);
    }

    @Test
    void noCompanyShowsHint() throws Exception {
        start("de");

        waitUntil(() -> robot.lookup("#no-company-hint").query().isVisible());
        robot.clickOn("#create-company");
        WaitForAsyncUtils.waitForFxEvents();
        // Headless Monocle does not move keyboard focus to a new dialog window, so a click focuses it.
        robot.clickOn("#company-careflex-id");
        robot.write("CF-3003");
        robot.push(KeyCode.TAB);
        robot.write("Chemie West KG");
        assertThat(robot.lookup("#company-name").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("Chemie West KG");
        robot.push(KeyCode.ENTER);

        waitUntil(() -> !robot.lookup("#no-company-hint").query().isVisible());
    }

    private void seedScreenshotData() throws Exception {
        Company company = seedCompany();
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            Company second = store.companies().create("CF-2002", "Chemie Süd AG", false, null);
            LocalDate validFrom = LocalDate.of(2027, 1, 1);
            Employee full = new Employee(null, "Thomas", "Wagner", LocalDate.of(1979, 1, 15), "m",
                    new Address("Hauptstraße", "1", null, "04109", "Leipzig", "DE"),
                    new Job("Werk Leipzig", "T", LocalDate.of(2020, 1, 1), "P-77", false), Contact.EMPTY);
            Incident accepted = new Incident("MD-2026-000001", "NEW", "49239697103", LocalDate.of(2026, 11, 20),
                    LocalDate.of(2026, 12, 1), full);
            Incident broken = new Incident("MD-2026-000002", "NEW", "85291703420", LocalDate.of(2026, 12, 4),
                    null, full.withAddress(new Address("Industriestraße", "7", null, "1234", "Dresden", "DE")));
            Incident ready = new Incident("MD-2026-000003", "WIK", "11223344556", LocalDate.of(2026, 12, 4),
                    validFrom, Employee.EMPTY);
            List<Long> ids = store.incidents().insertDrafts(List.of(
                    new Draft(company.id(), accepted, IncidentStatus.READY, List.of(), null, Map.of(), null),
                    new Draft(company.id(), broken, IncidentStatus.DRAFT, List.of(
                            Problem.error("validFrom", "date.invalidDay"),
                            Problem.error("employee.address.zipCode", "problem.zipCode.lostZero", "1234", "01234")),
                            null, Map.of("validFrom", "31.02.2026"), null),
                    new Draft(second.id(), ready, IncidentStatus.READY, List.of(), null, Map.of(), null)));
            long submission = store.submissions().create(company.id(), "Sandbox", "{}", 1);
            store.incidents().markSending(List.of(ids.get(0)), submission);
            store.incidents().recordAccepted(submission, "IMP-2026-0815", Map.of(ids.get(0), "INC-7F3A-19C2"));
        }
    }

    @Test
    void screenshotsInBothLanguages() throws Exception {
        seedScreenshotData();
        for (String lang : new String[] {"de", "en"}) {
            start(lang);
            waitUntil(() -> table().getItems().size() == 3);
            assertThat(table().getItems().get(0).stored().incidentId()).isEqualTo("INC-7F3A-19C2");
            robot.interact(() -> table().getSelectionModel().select(1));
            waitUntil(() -> !problemList().getItems().isEmpty());

            Path shot = Screenshots.write(stage.getScene(), "incidents-" + lang);
            assertThat(Files.size(shot)).isGreaterThan(1000);
            closeApp();
        }
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            assertThat(store.incidents().list(IncidentFilter.ALL)).hasSize(3);
        }
    }

    @SuppressWarnings("unused")
    private static PseudoClass danger() {
        return Styles.STATE_DANGER;
    }
}
