package de.meldedesk.ui.submit;

import de.meldedesk.i18n.Messages;
import java.net.URL;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window of one review-and-send run. It shows the review, then the
 * progress, then the results, and cannot be closed while a request is on its
 * way.
 */
final class SubmitWindow {

    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Locale locale;

    SubmitWindow(Window owner, Locale locale, SubmitViewModel model) {
        this.locale = locale;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.format(locale, "submit.window.title"));
        root.setId("submit-window");
        Scene scene = new Scene(root, 1220, 760);
        URL css = SubmitWindow.class.getResource("/de/meldedesk/ui/meldedesk.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (model.busyProperty().get()) {
                event.consume();
            }
        });
    }

    Stage stage() {
        return stage;
    }

    void showWaiting(String key) {
        Label label = new Label(Messages.format(locale, key));
        VBox box = new VBox(12, new ProgressIndicator(), label);
        box.setAlignment(Pos.CENTER);
        show(box);
    }

    void show(Parent page) {
        root.setCenter(page);
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
    }

    void close() {
        stage.close();
    }

    boolean isShowing() {
        return stage.isShowing();
    }
}
