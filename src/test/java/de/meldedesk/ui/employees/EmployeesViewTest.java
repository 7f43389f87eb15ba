package de.meldedesk.ui.employees;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.testsupport.RunningApp;
import de.meldedesk.testsupport.Screenshots;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

class EmployeesViewTest {

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
    private TableView<StoredEmployee> table() {
        return robot.lookup("#employee-table").queryAs(TableView.class);
    }

    private void type(String query, String text) {
        robot.clickOn(query).write(text);
    }

    /** Sets the text of a form field that may lie below the visible part of the scrolled form. */
    private void fill(String query, String text) {
        Node node = robot.lookup(query).query();
        TextField field = node instanceof ComboBox<?> box ? box.getEditor() : (TextField) node;
        robot.interact(() -> field.setText(text));
    }

    private void addCompany() throws Exception {
        robot.clickOn("#nav-companies");
        type("#company-careflex-id", "09ce3580d84bf087");
        type("#company-name", "Chemie Holding");
        robot.clickOn("#company-save");
        RunningApp.waitUntil(10, () -> robot.lookup("#company-message").queryAs(Label.class).getText()
                .contains("Chemie Holding"));
    }

    private void saveEmployee(String employeeId, String first, String last) throws Exception {
        robot.clickOn("#employee-new");
        type("#field-employeeId", employeeId);
        type("#field-employee-firstName", first);
        type("#field-employee-lastName", last);
        fill("#field-employee-birthday", "03.06.1993");
        fill("#field-employee-job-personnelNumber", "P-4711");
        fill("#field-employee-job-employmentSite", "Leuna");
        fill("#field-employee-job-employmentStatus", "T");
        fill("#field-employee-job-startOfEmployment", "01.04.2020");
        robot.clickOn("#employee-save");
        RunningApp.waitUntil(10, () -> table().getItems().stream().anyMatch(e -> e.employeeId().equals(employeeId)));
    }

    @Test
    void savedEmployeeIsFoundBySearch() throws Exception {
        app = RunningApp.start(dataDir, "de");
        addCompany();
        robot.clickOn("#nav-employees");
        RunningApp.waitUntil(10, () -> table().isVisible());

        saveEmployee("85291703420", "Kaethe", "Mustermann");
        saveEmployee("85291703421", "Paul", "Schneider");
        robot.clickOn("#employee-search").write("Muster");
        RunningApp.waitUntil(10, () -> table().getItems().size() == 1);

        assertThat(table().getItems()).singleElement().extracting(StoredEmployee::employeeId).isEqualTo("85291703420");
        robot.clickOn("Mustermann, Kaethe");
        RunningApp.waitUntil(10, () -> "P-4711".equals(
                robot.lookup("#field-employee-job-personnelNumber").queryAs(TextField.class).getText()));
        fill("#field-employee-address-zipCode", "1067");
        assertThat(robot.lookup("#field-employee-address-zipCode-message").queryAs(Label.class).getText())
                .contains("01067");
        Screenshots.write(app.scene(), "employees-de");
    }

    @Test
    void englishScreen() throws Exception {
        app = RunningApp.start(dataDir, "en");
        robot.clickOn("#nav-companies");
        type("#company-careflex-id", "09ce3580d84bf087");
        type("#company-name", "Chemie Holding");
        robot.clickOn("#company-save");
        RunningApp.waitUntil(10, () -> robot.lookup("#company-message").queryAs(Label.class).getText()
                .contains("Chemie Holding"));
        robot.clickOn("#nav-employees");
        saveEmployee("85291703420", "Kaethe", "Mustermann");

        assertThat(robot.lookup("#employee-message").queryAs(Label.class).getText()).contains("was added");
        Screenshots.write(app.scene(), "employees-en");
    }
}
