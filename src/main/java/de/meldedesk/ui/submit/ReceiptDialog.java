package de.meldedesk.ui.submit;

import de.meldedesk.domain.Submission;
import de.meldedesk.i18n.Messages;
import de.meldedesk.wire.CareflexJson;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The stored receipt of one request: time, profile and outcome, the request
 * as sent with the API token masked and the response as received, both
 * pretty-printed and copyable.
 */
final class ReceiptDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private ReceiptDialog() {
    }

    static Dialog<ButtonType> show(Submission submission, Locale locale, ZoneId zone, Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(Messages.format(locale, "submit.receipt.title", submission.id()));
        dialog.setHeaderText(Messages.format(locale, "submit.receipt.header",
                submission.startedAt() == null ? "-" : TIME.format(submission.startedAt().atZone(zone)),
                submission.profileName(),
                submission.outcome() == null ? Messages.format(locale, "submit.receipt.open")
                        : Messages.format(locale, "submit.outcome." + submission.outcome()),
                submission.httpStatus() == null ? "-" : submission.httpStatus().toString()));
        SplitPane bodies = new SplitPane(
                body(locale, "submit.receipt.request", "receipt-request", submission.requestBody()),
                body(locale, "submit.receipt.response", "receipt-response", submission.responseBody()));
        bodies.setPrefSize(900, 520);
        dialog.getDialogPane().setContent(bodies);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(
                Messages.format(locale, "submit.results.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
        return dialog;
    }

    private static VBox body(Locale locale, String key, String id, String text) {
        TextArea area = new TextArea(text == null ? "" : CareflexJson.pretty(text));
        area.setId(id);
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace;");
        Label label = new Label(Messages.format(locale, key));
        label.setLabelFor(area);
        area.setAccessibleText(label.getText());
        Button copy = new Button(Messages.format(locale, "submit.review.copy"));
        copy.setOnAction(e -> Clipboards.copy(area.getText()));
        VBox.setVgrow(area, Priority.ALWAYS);
        return new VBox(6, label, area, copy);
    }
}
