package de.meldedesk.ui.submit;

import de.meldedesk.i18n.Messages;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The progress while sending: requests and rows done, and a button that stops before the next request. */
final class SendProgressPane {

    private final SubmitViewModel model;
    private final Locale locale;

    SendProgressPane(SubmitViewModel model, Locale locale) {
        this.model = model;
        this.locale = locale;
    }

    Parent build() {
        Label title = new Label(Messages.format(locale, "submit.progress.title"));
        title.getStyleClass().add("title-3");
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefHeight(18);
        bar.progressProperty().bind(model.progressProperty());
        bar.setAccessibleText(Messages.format(locale, "submit.progress.title"));
        Label status = new Label();
        status.setId("progress-text");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.progressTextProperty());
        Label hint = new Label(Messages.format(locale, "submit.progress.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        Button cancel = new Button(Messages.format(locale, "submit.progress.cancel"));
        cancel.setId("progress-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.cancelRequestedProperty());
        cancel.setOnAction(e -> model.cancel());
        VBox root = new VBox(16, title, bar, status, hint, cancel);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(40));
        return root;
    }
}
