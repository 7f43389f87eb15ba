package de.meldedesk.app;

import atlantafx.base.theme.PrimerLight;
import de.meldedesk.i18n.Messages;
import de.meldedesk.ui.common.ErrorReporter;
import de.meldedesk.ui.submit.SubmitFlow;
import de.meldedesk.persistence.AlreadyRunningException;
import de.meldedesk.persistence.InstanceHandshake;
import de.meldedesk.persistence.Settings;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.ui.main.WindowPlacement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application. Started through {@link Launcher}, or by TestFX with the same arguments. */
public class MeldedeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(MeldedeskApp.class);

    private AppContext context;
    private AppPaths paths;
    private Locale locale;
    private Settings startSettings;
    private StoreOpenException openFailure;

    static void launchWith(String[] args) {
        Application.launch(MeldedeskApp.class, args);
    }

    @Override
    public void init() {
        GlobalOptions options = GlobalOptions.parse(getParameters().getRaw().toArray(String[]::new));
        paths = AppPaths.resolve(options.dataDir(), System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
        startSettings = new SettingsStore(paths.storePaths()).load();
        locale = chooseLocale(options, startSettings);
        LOG.info("Meldedesk {} starting, data folder {}", Version.get(), paths.dataDir());
        try {
            context = AppContext.open(paths, locale);
        } catch (StoreOpenException e) {
            openFailure = e;
            if (e instanceof AlreadyRunningException) {
                LOG.info("Another Meldedesk has the data folder open; asking it to come to the front");
                InstanceHandshake.requestFocus(paths.dataDir());
            } else {
                LOG.error("The store could not be opened", e);
            }
        }
    }

    /** Chooses German unless {@code --lang} or the settings name English, whatever the system language. */
    static Locale chooseLocale(GlobalOptions options, Settings settings) {
        if (options.locale() != null) {
            return Messages.supported(options.locale());
        }
        if (settings.language() != null) {
            return Messages.supported(Locale.forLanguageTag(settings.language()));
        }
        return Messages.GERMAN;
    }

    @Override
    public void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        if (openFailure != null) {
            showOpenFailure(openFailure);
            Platform.exit();
            return;
        }
        ErrorReporter errors = new ErrorReporter(context.locale());
        errors.setOwner(stage);
        errors.installAsDefaultHandler();
        Parent root = new ControllerFactory(context).load("/de/meldedesk/ui/main/MainWindow.fxml");

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MeldedeskApp.class.getResource("/de/meldedesk/ui/meldedesk.css").toExternalForm());
        stage.setTitle(Messages.format(context.locale(), "app.title", Version.get()));
        stage.getIcons().setAll(WindowIcons.load());
        stage.setScene(scene);
        WindowPlacement.restore(stage, startSettings.window());
        stage.setOnHiding(e -> saveWindow(stage));
        context.store().onFocusRequested(() -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }));
        stage.show();
        SubmitFlow.install(context, stage);
        showStartNotice(stage);
    }

    /**
     * Tells the clerk what the store cleaned up after the last run ended
     * abruptly: drafts of an import that did not complete, and incidents whose
     * sending was cut off. Both show in the lists, but not why.
     */
    private void showStartNotice(Stage owner) {
        List<String> notes = new ArrayList<>();
        if (context.store().discardedAtStart() > 0) {
            notes.add(Messages.format(locale, "start.importDiscarded", context.store().discardedAtStart()));
        }
        if (context.store().interruptedAtStart() > 0) {
            notes.add(Messages.format(locale, "start.sendInterrupted", context.store().interruptedAtStart()));
        }
        if (notes.isEmpty()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(Messages.format(locale, "app.name"));
        alert.setHeaderText(Messages.format(locale, "start.header"));
        alert.setContentText(String.join("\n\n", notes));
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }

    /** Stores the window placement for the next start; a failure only costs the placement. */
    private void saveWindow(Stage stage) {
        SettingsStore settings = context.settings();
        synchronized (settings) {
            Settings current = settings.load();
            try {
                settings.save(current.withWindow(WindowPlacement.capture(stage, current.window())));
            } catch (IOException e) {
                LOG.warn("The window placement could not be saved: {}", e.getMessage());
            }
        }
    }

    /** Tells the clerk in plain words why Meldedesk cannot start, without a stack trace. */
    private void showOpenFailure(StoreOpenException failure) {
        Alert alert = new Alert(failure instanceof AlreadyRunningException
                ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR);
        alert.setTitle(Messages.format(locale, "app.name"));
        alert.setHeaderText(null);
        alert.setContentText(failure.userMessage(locale));
        alert.getDialogPane().setMinWidth(520);
        alert.showAndWait();
    }

    @Override
    public void stop() {
        LOG.info("Meldedesk stopping");
        if (context != null) {
            context.close();
        }
    }
}
