package de.meldedesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.MeldedeskApp;
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
    void opensInEnglish() throws Exception {
        Stage stage = start("en");

        assertThat(robot.lookup("#nav-incidents").queryAs(ToggleButton.class).getText()).isEqualTo("Incidents");
        Screenshots.write(stage.getScene(), "main-window-en");
    }
}
