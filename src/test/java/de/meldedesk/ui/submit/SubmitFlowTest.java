package de.meldedesk.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppContext;
import de.meldedesk.app.AppPaths;
import de.meldedesk.app.MeldedeskApp;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Source;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.persistence.Store;
import de.meldedesk.sandbox.SandboxEndpoint;
import de.meldedesk.sandbox.SandboxJournal;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.testsupport.Samples;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app on a fresh data folder: sign in, review, send and results against the embedded sandbox. */
class SubmitFlowTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private SubmitFlow flow;
    private long companyId;

    /** Creates the company and three ready drafts before the app opens the data folder. */
    private List<Long> prepareStore() throws Exception {
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            Company company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Musterfirma GmbH", true, null);
            companyId = company.id();
            return store.incidents().insertDrafts(readyDrafts());
        }
    }

    private List<Draft> readyDrafts() {
        List<Draft> drafts = new ArrayList<>();
        int row = 2;
        for (var incident : ExcerptReport.build().incidents()) {
            drafts.add(new Draft(companyId, incident, IncidentStatus.READY, List.of(),
                    new Source("personal.csv", null, row++, "abc"), Map.of(), null));
        }
        return drafts;
    }

    private void start(String lang) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", dataDir.toString(), "--lang", lang);
        WaitForAsyncUtils.waitForFxEvents();
        flow = SubmitFlow.current().orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private AppContext context() {
        return flow.context();
    }

    private SandboxServer sandbox() {
        return context().connections().sandbox().orElseThrow();
    }

    private void waitFor(String selector) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(selector).tryQuery().isPresent()
                && robot.lookup(selector).query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node node(String selector) {
        return robot.lookup(selector).query();
    }

    @SuppressWarnings("unchecked")
    private List<SubmitViewModel.ResultRow> resultRows() {
        return new ArrayList<>(((TableView<SubmitViewModel.ResultRow>) node("#results-rows")).getItems());
    }

    private void signInThroughDialog() throws Exception {
        waitFor("#signin-userId");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#signin-userId")
                .queryTextInputControl().getText().isEmpty());
        robot.clickOn("#signin-ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context().workspace().clientProperty().get() != null);
    }

    /** Starts a submission, sends after the review and waits for the results. */
    private void submitAndSend(List<Long> ids) throws Exception {
        robot.interact(() -> context().workspace().requestSubmit(ids));
        waitFor("#review-send");
        robot.clickOn("#review-send");
        waitFor("#results-rows");
    }

    private List<Long> insertReadyDrafts() {
        return context().store().incidents().insertDrafts(readyDrafts());
    }

    @Test
    void sendShowsIncidentIdsOfSandbox() throws Exception {
        List<Long> ids = prepareStore();
        start("de");
        waitFor("#empty-report-reminder");
        Screenshots.write(node("#empty-report-reminder").getScene(), "submit-reminder-de");
        robot.clickOn("#reminder-dismiss");

        robot.interact(() -> context().workspace().requestSubmit(ids));
        waitFor("#signin-userId");
        Screenshots.write(node("#signin-userId").getScene(), "submit-signin-de");
        signInThroughDialog();

        waitFor("#review-send");
        String json = ((TextArea) node("#review-json")).getText();
        assertThat(json).contains("\"careflexId\" : \"" + ExcerptReport.CAREFLEX_ID + "\"");
        assertThat(json).doesNotContain(SignInViewModel.SANDBOX_API_TOKEN);
        Screenshots.write(node("#review-send").getScene(), "submit-review-de");

        sandbox().delayNext(Duration.ofMillis(2500), 1);
        robot.clickOn("#review-send");
        waitFor("#progress-bar");
        Screenshots.write(node("#progress-bar").getScene(), "submit-progress-de");
        waitFor("#results-rows");
        Screenshots.write(node("#results-rows").getScene(), "submit-results-de");

        SandboxJournal.Report journaled = sandbox().journal().reports().get(0);
        List<SubmitViewModel.ResultRow> rows = resultRows();
        assertThat(rows).extracting(SubmitViewModel.ResultRow::incidentId)
                .containsExactlyElementsOf(journaled.rows().stream().map(SandboxJournal.Row::incidentId).toList());
        assertThat(rows).extracting(SubmitViewModel.ResultRow::source)
                .containsExactly("personal.csv, Zeile 2", "personal.csv, Zeile 3", "personal.csv, Zeile 4");
        assertThat(context().workspace().draftsVersionProperty().get()).isPositive();
    }

    @Test
    void failuresAreHandledAndEmptyReportIsSent() throws Exception {
        List<Long> first = prepareStore();
        start("de");
        robot.interact(() -> flow.signIn(() -> { }));
        signInThroughDialog();
        submitAndSend(first);

        List<Long> rejectedIds = insertReadyDrafts();
        sandbox().rejectNext(1);
        submitAndSend(rejectedIds);
        List<SubmitViewModel.ResultRow> rejected = resultRows();
        assertThat(rejected).extracting(SubmitViewModel.ResultRow::status).containsOnly(IncidentStatus.REJECTED);
        assertThat(rejected.get(0).message()).contains("rejected by the sandbox on request");
        assertThat(rejected.get(0).statusText()).isEqualTo("Abgelehnt – bitte korrigieren");

        List<Long> unknownIds = insertReadyDrafts();
        sandbox().dropNext(1);
        submitAndSend(unknownIds);
        assertThat(resultRows()).extracting(SubmitViewModel.ResultRow::status).containsOnly(IncidentStatus.UNKNOWN);
        int requestsBefore = sandbox().journal().requestCount(SandboxEndpoint.INCIDENT_NEW);
        int reportsBefore = sandbox().journal().reports().size();

        robot.clickOn("#results-resend");
        waitFor("#unknown-cancel");
        robot.clickOn("#unknown-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);

        assertThat(sandbox().journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(requestsBefore);
        assertThat(sandbox().journal().reports()).hasSize(reportsBefore);
        assertThat(context().store().incidents().findById(unknownIds.get(0)).orElseThrow().status())
                .isEqualTo(IncidentStatus.UNKNOWN);

        robot.clickOn("#results-empty-reports");
        waitFor("#empty-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !((TableView<?>) node("#empty-table")).getItems().isEmpty());
        robot.interact(() -> ((TableView<?>) node("#empty-table")).getSelectionModel().select(0));
        robot.clickOn("#empty-send");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sandbox().journal().emptyReports().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#empty-message")
                .queryLabeled().getText().contains("angenommen"));
        Screenshots.write(node("#empty-table").getScene(), "empty-reports-de");

        assertThat(sandbox().journal().emptyReports().get(0).careflexId()).isEqualTo(ExcerptReport.CAREFLEX_ID);
    }

    @Test
    void importedRequestExampleIsAccepted() throws Exception {
        prepareStore();
        start("en");
        AppContext context = context();
        ImportedFile file = context.importEngine().read(Samples.file("careflex-request-example.json"),
                ImportOptions.defaults());
        List<Long> ids = context.imports().store(file, null, false, false).draftIds();
        assertThat(ids).hasSize(3);

        robot.interact(() -> context.workspace().requestSubmit(ids));
        signInThroughDialog();
        waitFor("#review-send");
        Screenshots.write(node("#review-send").getScene(), "submit-review-en");
        robot.clickOn("#review-send");
        waitFor("#results-rows");
        Screenshots.write(node("#results-rows").getScene(), "submit-results-en");

        SandboxJournal.Report journaled = sandbox().journal().reports().get(0);
        assertThat(resultRows()).extracting(SubmitViewModel.ResultRow::incidentId)
                .containsExactlyElementsOf(journaled.rows().stream().map(SandboxJournal.Row::incidentId).toList());
        assertThat(resultRows()).extracting(SubmitViewModel.ResultRow::status).containsOnly(IncidentStatus.ACCEPTED);
    }
}
