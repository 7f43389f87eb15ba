package de.meldedesk.ui.companies;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Company;
import de.meldedesk.testsupport.RunningApp;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

class CompaniesViewTest {

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

    @SuppressWarnings("unchecked")
    private TableView<Company> table() {
        return robot.lookup("#company-table").queryAs(TableView.class);
    }

    private void replaceText(String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private void addCompany(String careflexId, String name) throws Exception {
        robot.clickOn("#company-new");
        replaceText("#company-careflex-id", careflexId);
        replaceText("#company-name", name);
        robot.clickOn("#company-save");
        RunningApp.waitUntil(10, () -> table().getItems().stream().anyMatch(c -> c.name().equals(name)));
    }

    private String testMessage() {
        return robot.lookup("#profile-test-message").queryAs(Label.class).getText();
    }

    @Test
    void companyIsAddedAndRenamed() throws Exception {
        app = RunningApp.start(dataDir, "de");
        robot.clickOn("#nav-companies");

        addCompany("09ce3580d84bf087", "Chemie Holding");
        addCompany("4e1f0a7c2b9d3e55", "Werk Leuna");
        robot.clickOn("Werk Leuna");
        replaceText("#company-name", "Werk Leuna Nord");
        robot.clickOn("#company-save");
        RunningApp.waitUntil(10, () -> table().getItems().stream().anyMatch(c -> c.name().equals("Werk Leuna Nord")));

        assertThat(table().getItems()).extracting(Company::name).containsExactly("Chemie Holding", "Werk Leuna Nord");
        assertThat(robot.lookup("#company-message").queryAs(Label.class).getText()).contains("gespeichert");
        replaceText("#company-careflex-id", "4e1f 0a7c");
        assertThat(robot.lookup("#company-careflex-id-message").queryAs(Label.class).getText())
                .contains("Leerzeichen");
        robot.interact(() -> robot.lookup("#company-careflex-id").queryAs(TextField.class).setText("4e1f0a7c2b9d3e55"));
        Screenshots.write(app.scene(), "companies-de");
    }

    @Test
    void sandboxConnectionTestReportsSuccessAndWrongSecret() throws Exception {
        app = RunningApp.start(dataDir, "de");
        robot.clickOn("#nav-companies");
        robot.clickOn("Verbindung zu CareFlex");

        robot.clickOn("#profile-test");
        RunningApp.waitUntil(20, () -> testMessage().contains("funktioniert"));
        assertThat(testMessage()).contains("gültig bis");
        Screenshots.write(app.scene(), "companies-profiles-de");

        robot.clickOn("#profile-test-secret");
        robot.clickOn("#secret-field").write("not-the-secret");
        robot.type(KeyCode.ENTER);
        RunningApp.waitUntil(20, () -> testMessage().contains("falsch"));
        assertThat(testMessage()).contains("Service-User-ID oder Geheimnis");
    }

    @Test
    void englishScreens() throws Exception {
        app = RunningApp.start(dataDir, "en");
        robot.clickOn("#nav-companies");
        addCompany("09ce3580d84bf087", "Chemie Holding");
        addCompany("chemie-7", "Werk Leuna");

        assertThat(robot.lookup("#company-careflex-id-message").queryAs(Label.class).getText()).contains("16 characters");
        Screenshots.write(app.scene(), "companies-en");
        robot.clickOn("Connection to CareFlex");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(app.scene(), "companies-profiles-en");
    }
}
