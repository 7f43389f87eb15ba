package de.meldedesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.persistence.Settings;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.testsupport.RunningApp;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Path;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class MainWindowPolishTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private RunningApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private boolean selected(String id) {
        return robot.lookup("#nav-" + id).queryAs(ToggleButton.class).isSelected();
    }

    @Test
    void shortcutsChooseSections() throws Exception {
        app = RunningApp.start(dataDir, "de");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected("companies")).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected("employees")).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected("import")).isTrue();
    }

    @Test
    void windowPlacementIsRestoredAndSaved() throws Exception {
        SettingsStore settings = new SettingsStore(new AppPaths(dataDir).storePaths());
        settings.save(Settings.DEFAULTS.withWindow(new Settings.Window(40, 30, 1000, 700, false)));
        app = RunningApp.start(dataDir, "de");

        assertThat(app.stage().getWidth()).isEqualTo(1000);
        assertThat(app.stage().getX()).isEqualTo(40);

        robot.interact(() -> app.stage().setWidth(1100));
        app.close();
        app = null;
        assertThat(settings.load().window().width()).isEqualTo(1100);
    }

    @Test
    void doubledFontStillLaysOut() throws Exception {
        app = RunningApp.start(dataDir, "de");
        robot.interact(() -> {
            app.stage().setWidth(1280);
            app.stage().setHeight(800);
            app.scene().getRoot().setStyle("-fx-font-size: 26px");
        });
        robot.clickOn("#nav-companies");
        WaitForAsyncUtils.waitForFxEvents();

        Screenshots.write(app.scene(), "main-200-percent");
        assertThat(selected("companies")).isTrue();
    }
}
