package de.meldedesk.bench;

import de.meldedesk.app.MeldedeskApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;

/**
 * Child JVM of the start and memory benchmarks, run headless with Monocle.
 * {@code app <data folder>} starts Meldedesk; {@code minimal} starts a window
 * with one label. After the first pulse that rendered the first showing
 * window, it prints {@code RENDERED}, then {@code VMHWM <kB>} (peak resident
 * memory from /proc/self/status, Linux only, else -1) and exits.
 */
public final class StartProbe {

    private StartProbe() {
    }

    /** The floor: the smallest JavaFX window. */
    public static final class MinimalApp extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Meldedesk"), 1280, 800));
            stage.show();
        }
    }

    public static void main(String[] args) throws Exception {
        FxToolkit.registerPrimaryStage();
        if (args[0].equals("app")) {
            FxToolkit.setupApplication(MeldedeskApp.class, "--data-dir", args[1], "--lang", "de");
        } else {
            FxToolkit.setupApplication(MinimalApp.class);
        }
        CountDownLatch rendered = new CountDownLatch(1);
        Platform.runLater(() -> awaitRender(rendered));
        if (!rendered.await(120, TimeUnit.SECONDS)) {
            System.out.println("TIMEOUT");
            System.exit(2);
        }
        System.out.println("RENDERED");
        System.out.println("VMHWM " + peakResidentKilobytes());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Waits on the FX thread until a window shows a scene, then for the pulse after it. */
    private static void awaitRender(CountDownLatch rendered) {
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (window.isShowing() && scene != null && scene.getRoot() != null) {
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    Platform.runLater(rendered::countDown);
                };
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
                return;
            }
        }
        Platform.runLater(() -> awaitRender(rendered));
    }

    static long peakResidentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
