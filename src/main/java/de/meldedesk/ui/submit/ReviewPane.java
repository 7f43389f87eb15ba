package de.meldedesk.ui.submit;

import de.meldedesk.i18n.Messages;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The review before sending: the requests grouped by company in parts of at
 * most 100 rows, the exact JSON of the chosen request with the API token
 * masked, and the incidents that will not be sent with the reason.
 */
final class ReviewPane {

    private final SubmitViewModel model;
    private final Locale locale;

    ReviewPane(SubmitViewModel model, Locale locale) {
        this.model = model;
        this.locale = locale;
    }

    Parent build(Runnable onSend, Runnable onCancel) {
        Label summary = new Label();
        summary.setId("review-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("title-4");
        Label error = errorLabel();

        ListView<SubmitViewModel.RequestLine> requests = new ListView<>(model.requests());
        requests.setId("review-requests");
        requests.setAccessibleText(text("submit.review.requests"));
        requests.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SubmitViewModel.RequestLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : Messages.format(locale, "submit.review.request",
                        line.company(), line.careflexId(), line.part(), line.partCount(), line.rows()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        TextArea json = new TextArea();
        json.setId("review-json");
        json.setEditable(false);
        json.getStyleClass().add("monospace");
        json.setStyle("-fx-font-family: monospace;");
        json.setAccessibleText(text("submit.review.json"));
        VBox.setVgrow(json, Priority.ALWAYS);
        requests.getSelectionModel().selectedItemProperty().addListener((obs, old, line) ->
                json.setText(line == null ? "" : line.maskedJson()));
        Button copy = new Button(text("submit.review.copy"));
        copy.setId("review-copy");
        copy.disableProperty().bind(json.textProperty().isEmpty());
        copy.setOnAction(e -> Clipboards.copy(json.getText()));
        Label jsonLabel = new Label(text("submit.review.json"));
        jsonLabel.setLabelFor(json);
        VBox jsonBox = new VBox(6, jsonLabel, json, copy);
        Label requestsLabel = new Label(text("submit.review.requests"));
        requestsLabel.setLabelFor(requests);
        VBox.setVgrow(requests, Priority.ALWAYS);
        VBox requestBox = new VBox(6, requestsLabel, requests);
        SplitPane split = new SplitPane(requestBox, jsonBox);
        split.setDividerPositions(0.36);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label blockedLabel = new Label();
        blockedLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.format(locale, "submit.review.blocked", model.blocked().size()), model.blocked()));
        ListView<SubmitViewModel.BlockedLine> blocked = new ListView<>(model.blocked());
        blocked.setId("review-blocked");
        blocked.setAccessibleText(text("submit.review.blockedAccessible"));
        blocked.setPrefHeight(130);
        blocked.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SubmitViewModel.BlockedLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.incident() + " – " + line.reason());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox blockedBox = new VBox(6, blockedLabel, blocked);
        blockedBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.blocked()));
        blockedBox.managedProperty().bind(blockedBox.visibleProperty());

        Button send = new Button(text("submit.review.send"));
        send.setId("review-send");
        send.setDefaultButton(true);
        send.setDisable(!model.hasRequests());
        send.setOnAction(e -> onSend.run());
        Button cancel = new Button(text("submit.close.cancel"));
        cancel.setId("review-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, send);

        VBox root = new VBox(12, summary, error, split, blockedBox, buttons);
        root.setPadding(new Insets(16));
        if (!model.requests().isEmpty()) {
            requests.getSelectionModel().selectFirst();
        }
        return root;
    }

    private Label errorLabel() {
        Label error = new Label();
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }

    private String text(String key) {
        return Messages.format(locale, key);
    }
}
