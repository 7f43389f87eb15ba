package de.meldedesk.testsupport;

import de.meldedesk.app.MeldedeskApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole desktop app started by TestFX on a data folder, for robot tests; close it after each test. */
public final class RunningApp implements AutoCloseable {

    private final Stage stage;
    private final Application app;

    private RunningApp(Stage stage, Application app) {
        this.stage = stage;
        this.app = app;
    }

    public static RunningApp start(Path dataDir, String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", dataDir.toString(),
                "--lang", lang);
        WaitForAsyncUtils.waitForFxEvents();
        return new RunningApp(stage, app);
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return stage.getScene();
    }

    /** Waits until a condition read on the JavaFX thread holds, for background jobs such as a sign-in. */
    public static void waitUntil(int seconds, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::get).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
