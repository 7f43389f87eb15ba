package de.meldedesk.ui.submit;

import de.meldedesk.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Sign-in with the service user and the API tokens. The dialog stays open
 * while the token is requested and shows why a sign-in failed; its password
 * fields are emptied when it closes.
 */
final class SignInDialog {

    private final SignInViewModel model;
    private final Locale locale;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final List<PasswordField> passwordFields = new ArrayList<>();

    SignInDialog(SignInViewModel model, Locale locale, Window owner) {
        this.model = model;
        this.locale = locale;
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(text("submit.signIn.title"));
        dialog.setHeaderText(text("submit.signIn.header"));
        dialog.setResizable(true);
    }

    /** Shows the dialog without blocking; {@code onSignedIn} runs after a successful sign-in. */
    void show(Runnable onSignedIn) {
        model.load(this::build);
        dialog.getDialogPane().setContent(new ProgressIndicator());
        ButtonType signIn = new ButtonType(text("submit.signIn.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(signIn,
                new ButtonType(text("submit.close.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button signInButton = (Button) dialog.getDialogPane().lookupButton(signIn);
        signInButton.setId("signin-ok");
        signInButton.disableProperty().bind(model.busyProperty());
        signInButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.signIn(() -> {
                dialog.setResult(signIn);
                dialog.close();
                onSignedIn.run();
            });
        });
        dialog.setOnHidden(event -> {
            model.clearSecrets();
            passwordFields.forEach(PasswordField::clear);
        });
        dialog.show();
    }

    /** Returns the dialog, e.g. for a screenshot of its pane. */
    Dialog<ButtonType> dialog() {
        return dialog;
    }

    private void build() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(220);
        labels.setMaxWidth(260);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(320);
        grid.getColumnConstraints().setAll(labels, fields);

        int row = 0;
        grid.add(new Label(text("submit.signIn.profile")), 0, row);
        Label profile = new Label();
        profile.textProperty().bind(model.profileNameProperty());
        profile.setId("signin-profile");
        grid.add(profile, 1, row++);

        TextField userId = new TextField();
        userId.setId("signin-userId");
        userId.textProperty().bindBidirectional(model.userIdProperty());
        addField(grid, row++, "submit.signIn.userId", userId);

        PasswordField secret = new PasswordField();
        secret.setId("signin-secret");
        secret.textProperty().bindBidirectional(model.secretProperty());
        passwordFields.add(secret);
        addField(grid, row++, "submit.signIn.secret", secret);

        for (SignInViewModel.TokenEntry entry : model.tokens()) {
            PasswordField token = new PasswordField();
            token.setId("signin-token-" + entry.company().careflexId());
            token.textProperty().bindBidirectional(entry.token());
            passwordFields.add(token);
            Label label = new Label(Messages.format(locale, "submit.signIn.apiToken", entry.company().name(),
                    entry.company().careflexId()));
            label.setLabelFor(token);
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            token.setAccessibleText(label.getText());
            grid.add(label, 0, row);
            grid.add(token, 1, row++);
        }
        Label none = new Label(text("submit.signIn.noCompanies"));
        none.setWrapText(true);
        none.setMinHeight(Region.USE_PREF_SIZE);
        none.setVisible(model.tokens().isEmpty());
        none.setManaged(none.isVisible());

        CheckBox persist = new CheckBox(text("submit.signIn.persist"));
        persist.setId("signin-persist");
        persist.selectedProperty().bindBidirectional(model.persistProperty());
        persist.setDisable(!model.keyStoreAvailable());

        Label note = new Label(text(model.keyStoreAvailable() ? "submit.signIn.persistNote"
                : "submit.signIn.sessionOnly"));
        note.setId("signin-keystore-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("text-muted");


        Label error = new Label();
        error.setId("signin-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(24, 24);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(model.busyProperty());

        VBox content = new VBox(12, grid, none, persist, note, error, busy);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
        if (userId.getText().isEmpty()) {
            userId.requestFocus();
        } else {
            secret.requestFocus();
        }
    }

    private void addField(GridPane grid, int row, String key, Node field) {
        Label label = new Label(text(key));
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    private String text(String key) {
        return Messages.format(locale, key);
    }
}
