package de.meldedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.persistence.IncidentTypeFile;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.testsupport.RunningApp;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

class SettingsViewTest {

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

    @Test
    void languageIsSaved() throws Exception {
        app = RunningApp.start(dataDir, "de");
        robot.clickOn("#nav-settings");
        @SuppressWarnings("unchecked")
        ComboBox<String> language = robot.lookup("#settings-language").queryAs(ComboBox.class);

        robot.interact(() -> language.setValue("en"));
        robot.clickOn("#settings-language-save");
        RunningApp.waitUntil(10, () -> !robot.lookup("#settings-language-message").queryAs(Label.class)
                .getText().isEmpty());

        assertThat(new SettingsStore(new AppPaths(dataDir).storePaths()).load().language()).isEqualTo("en");
        assertThat(robot.lookup("#settings-language-message").queryAs(Label.class).getText()).contains("English");
    }

    @Test
    void addedTypeAppearsInTable() throws Exception {
        app = RunningApp.start(dataDir, "de");
        robot.clickOn("#nav-settings");
        @SuppressWarnings("unchecked")
        TableView<IncidentType> table = robot.lookup("#settings-types").queryAs(TableView.class);

        robot.clickOn("#settings-type-code").write("AUS");
        robot.clickOn("#settings-type-label-de").write("Austritt");
        robot.clickOn("#settings-type-label-en").write("Leaver");
        robot.clickOn("#settings-type-add");
        RunningApp.waitUntil(10, () -> table.getItems().size() == 4);

        assertThat(new IncidentTypeFile(dataDir).load()).extracting(IncidentType::code).containsExactly("AUS");
        Screenshots.write(app.scene(), "settings-de");
    }

    @Test
    void englishScreen() throws Exception {
        app = RunningApp.start(dataDir, "en");
        robot.clickOn("#nav-settings");

        assertThat(robot.lookup("#settings-language-save").queryButton().getText()).isEqualTo("Save language");
        Screenshots.write(app.scene(), "settings-en");
    }
}
