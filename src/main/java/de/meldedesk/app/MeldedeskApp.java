package de.meldedesk.app;

import atlantafx.base.theme.PrimerLight;
import de.meldedesk.i18n.Messages;
import de.meldedesk.ui.common.ErrorReporter;
import de.meldedesk.ui.main.MainWindowController;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop application. Started through {@link Launcher}, or by TestFX with the same arguments. */
public class MeldedeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(MeldedeskApp.class);

    private AppContext context;

    static void launchWith(String[] args) {
        Application.launch(MeldedeskApp.class, args);
    }

    @Override
    public void init() {
        GlobalOptions options = GlobalOptions.parse(getParameters().getRaw().toArray(String[]::new));
        AppPaths paths = AppPaths.resolve(options.dataDir(), System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
        // The desktop app speaks German unless told otherwise, whatever the system language.
        context = new AppContext(paths, Messages.supported(options.localeOr(Messages.GERMAN)));
        LOG.info("Meldedesk {} starting, data folder {}", Version.get(), paths.dataDir());
    }

    @Override
    public void start(Stage stage) throws IOException {
        ErrorReporter errors = new ErrorReporter(context.locale());
        errors.setOwner(stage);
        errors.installAsDefaultHandler();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ResourceBundle bundle = Messages.bundle(context.locale());
        FXMLLoader loader = new FXMLLoader(MainWindowController.class.getResource("MainWindow.fxml"), bundle);
        loader.setControllerFactory(type -> ControllerFactory.create(type, context));
        Parent root = loader.load();

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MeldedeskApp.class.getResource("/de/meldedesk/ui/meldedesk.css").toExternalForm());
        stage.setTitle(Messages.format(context.locale(), "app.title", Version.get()));
        stage.getIcons().setAll(WindowIcons.load());
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        LOG.info("Meldedesk stopping");
        if (context != null) {
            context.close();
        }
    }
}
