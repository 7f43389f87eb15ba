package de.meldedesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.MeldedeskApp;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.service.history.HistoryEntry;
import de.meldedesk.service.history.HistoryFixture;
import de.meldedesk.service.history.SentIncident;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The history screen in the whole app on a store filled through the sandbox, with screenshots. */
class HistoryViewTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private SubmissionService.SentRequest accepted;

    private Stage start(String lang) throws Exception {
        try (HistoryFixture fixture = new HistoryFixture(dataDir)) {
            fixture.recordFiller(250, 100);
            accepted = fixture.sendAccepted();
            fixture.sendRejected();
            fixture.recordEmptyReport();
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", dataDir.toString(), "--lang", lang);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.clickOn("#nav-history");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> entries().getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    @SuppressWarnings("unchecked")
    private TableView<HistoryEntry> entries() {
        return robot.lookup("#history-entries").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<SentIncident> incidents() {
        return robot.lookup("#history-incidents").queryAs(TableView.class);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void listAndDetailInGerman() throws Exception {
        Stage stage = start("de");

        Screenshots.write(stage.getScene(), "history-de");

        int row = 0;
        while (entries().getItems().get(row).id() != accepted.submissionId()
                || entries().getItems().get(row).kind() != HistoryEntry.Kind.SUBMISSION) {
            row++;
        }
        int acceptedRow = row;
        robot.interact(() -> entries().getSelectionModel().select(acceptedRow));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#history-detail-incidents")
                .queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(stage.getScene(), "history-detail-de");

        assertThat(robot.lookup("#history-detail-incidents").queryAs(TableView.class).getItems()).hasSize(3);
        assertThat(robot.lookup("#history-request").queryAs(TextArea.class).getText()).contains("********");
        assertThat(robot.lookup("#history-detail-title").queryAs(Label.class).getText())
                .contains("Bäckerei Weiß & Söhne GmbH");

        robot.clickOn("#history-tab-audit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#history-audit")
                .queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(stage.getScene(), "history-audit-de");
    }

    @Test
    void searchSwitchesToIncidentsInEnglish() throws Exception {
        Stage stage = start("en");
        Screenshots.write(stage.getScene(), "history-en");

        robot.clickOn("#history-search").write("Weiß");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> incidents().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#history-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("history-tab-incidents");
        assertThat(incidents().getItems().get(0).employeeName()).isEqualTo("Weiß, Jürgen");
        assertThat(robot.lookup("#history-page-info").queryAs(Label.class).getText()).isEqualTo("1–1 of 1");
        Screenshots.write(stage.getScene(), "history-search-en");
    }
}
