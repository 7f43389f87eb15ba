package de.meldedesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.app.MeldedeskApp;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.persistence.Store;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DialogPane;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class MainWindowTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    private Stage start(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", dataDir.toString(), "--lang", lang);
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void opensInGermanWithNavigation() throws Exception {
        Stage stage = start("de");

        assertThat(stage.getTitle()).startsWith("Meldedesk");
        assertThat(robot.lookup("#nav-incidents").queryAs(ToggleButton.class).getText()).isEqualTo("Meldungen");
        assertThat(robot.lookup("#nav-history").queryAs(ToggleButton.class).getText()).isEqualTo("Übermittlungen");
        assertThat(robot.lookup("#nav-companies").queryAs(ToggleButton.class).getText()).isEqualTo("Firmen & Zugang");

        robot.clickOn("#nav-history");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-history").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#history-view").query().isVisible()).isTrue();

        Path shot = Screenshots.write(stage.getScene(), "main-window-de");
        assertThat(Files.size(shot)).isGreaterThan(1000);
    }

    @Test
    void startNoticeExplainsCutOffWork() throws Exception {
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            long company = store.companies().create("09ce3580d84bf087", "Muster GmbH", true, null).id();
            long batch = store.incidents().beginImport("maerz.csv");
            store.incidents().insertImportedDrafts(List.of(draft(company, "49239697103"), draft(company,
                    "49239697104")), batch);
            List<Long> sending = store.incidents().insertDrafts(List.of(draft(company, "49239697105"),
                    draft(company, "49239697106"), draft(company, "49239697107")));
            long submission = store.submissions().create(company, "Sandbox", "{}", sending.size());
            store.incidents().markSending(sending, submission);
        }

        start("de");
        DialogPane notice = robot.listTargetWindows().stream()
                .map(window -> window.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no start notice shown"));

        assertThat(notice.getContentText()).contains("2 Entwürfe wieder entfernt")
                .contains("3 Meldungen wurden gerade gesendet");
        Screenshots.write(notice.getScene(), "start-notice-de");
    }

    private static Draft draft(long company, String employeeId) {
        return Draft.of(company, new Incident(null, "WIK", employeeId, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1), Employee.EMPTY));
    }

    @Test
    void opensInEnglish() throws Exception {
        Stage stage = start("en");

        assertThat(robot.lookup("#nav-incidents").queryAs(ToggleButton.class).getText()).isEqualTo("Incidents");
        Screenshots.write(stage.getScene(), "main-window-en");
    }
}
