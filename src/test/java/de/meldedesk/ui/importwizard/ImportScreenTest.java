package de.meldedesk.ui.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.app.MeldedeskApp;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.testsupport.Samples;
import de.meldedesk.testsupport.Screenshots;
import de.meldedesk.ui.main.MainWindowController;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ImportScreenTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private Stage stage;

    private void start(String lang) throws Exception {
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            store.companies().create(ImportWizardModelTest.CAREFLEX_ID, "Chemie Nord GmbH", false, null);
        }
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", dataDir.toString(), "--lang", lang);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-import");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @SuppressWarnings("unchecked")
    private void open(Path file) {
        Node root = robot.lookup("#import-root").query();
        Consumer<Path> handler = (Consumer<Path>) root.getProperties().get(MainWindowController.OPEN_FILE_HANDLER);
        robot.interact(() -> handler.accept(file));
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean visible(String id) {
        return robot.lookup(id).query().isVisible();
    }

    private Path crafted() throws Exception {
        Path file = dataDir.resolve("lohnexport-dezember.csv");
        Files.writeString(file, ImportWizardModelTest.CRAFTED, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void sampleImportedThroughWizard() throws Exception {
        start("de");
        assertThat(visible("#import-file-pane")).isTrue();

        open(Samples.file("personal-export-50.csv"));
        waitUntil(() -> visible("#import-options-pane") && !visible("#import-progress-box"));
        assertThat(robot.lookup("#import-guess-delimiter").queryAs(Label.class).getText()).isEqualTo("Semikolon (;)");
        Screenshots.write(stage.getScene(), "import-options-de");

        robot.clickOn("#import-next");
        waitUntil(() -> visible("#import-mapping-pane"));
        Screenshots.write(stage.getScene(), "import-mapping-de");

        robot.clickOn("#import-next");
        waitUntil(() -> visible("#import-preview-pane"));
        assertThat(robot.lookup("#import-preview-summary").queryAs(Label.class).getText())
                .startsWith("50 Zeilen, davon 0 mit Fehlern");

        robot.clickOn("#import-valid");
        waitUntil(() -> visible("#import-result-pane"));
        assertThat(robot.lookup("#import-outcome").queryAs(Label.class).getText())
                .startsWith("50 Entwürfe gespeichert, davon 50 sendebereit.");

        FxToolkit.cleanupApplication(app);
        app = null;
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            assertThat(store.incidents().count(IncidentFilter.ALL.statuses(IncidentStatus.READY))).isEqualTo(50);
        }
    }

    @Test
    void previewMarksProblemsAndCommitsEditOnFocusLoss() throws Exception {
        start("de");
        open(crafted());
        waitUntil(() -> visible("#import-options-pane") && !visible("#import-progress-box"));
        robot.clickOn("#import-next");
        robot.clickOn("#import-next");
        waitUntil(() -> visible("#import-preview-pane"));

        assertThat(robot.lookup(".import-cell-error").queryAll()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(robot.lookup(".import-cell-warning").queryAll()).isNotEmpty();
        robot.clickOn(cellWithText("31.02.1985"));
        Screenshots.write(stage.getScene(), "import-preview-de");

        robot.doubleClickOn(cellWithText("31.02.1985"));
        robot.write("28.02.1985");
        robot.clickOn("#import-detail-list");
        waitUntil(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .anyMatch(cell -> "28.02.1985".equals(cell.getText())));

        assertThat(robot.lookup("#import-preview-summary").queryAs(Label.class).getText())
                .startsWith("4 Zeilen, davon 1 mit Fehlern");
    }

    @Test
    void previewInEnglish() throws Exception {
        start("en");
        open(crafted());
        waitUntil(() -> visible("#import-options-pane") && !visible("#import-progress-box"));
        robot.clickOn("#import-next");
        robot.clickOn("#import-next");
        waitUntil(() -> visible("#import-preview-pane"));
        robot.clickOn(cellWithText("5,12346E+10"));

        assertThat(robot.lookup("#import-preview-summary").queryAs(Label.class).getText())
                .startsWith("4 rows, 2 with errors");
        Screenshots.write(stage.getScene(), "import-preview-en");
    }

    private Node cellWithText(String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> text.equals(cell.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no grid cell shows " + text));
    }
}
