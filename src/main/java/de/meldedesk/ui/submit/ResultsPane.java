package de.meldedesk.ui.submit;

import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The results of a send: what happened and what to do next, every request
 * with its outcome and import ID, and every incident with its incident ID
 * next to the file and row it came from.
 */
final class ResultsPane {

    /** What the buttons of the results start; the flow supplies them. */
    record Actions(Runnable resend, Runnable signIn, Runnable emptyReports, Runnable close,
                   Consumer<Long> showReceipt) {
    }

    private final SubmitViewModel model;
    private final Locale locale;
    private final Clock clock;

    ResultsPane(SubmitViewModel model, Locale locale, Clock clock) {
        this.model = model;
        this.locale = locale;
        this.clock = clock;
    }

    Parent build(Actions actions) {
        VBox notes = new VBox(6);
        notes.setId("results-notes");
        for (String note : model.notes()) {
            Label label = new Label(note);
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.getStyleClass().add("results-note");
            notes.getChildren().add(label);
        }
        Label error = new Label();
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        TableView<SubmitViewModel.RequestResultLine> requests = new TableView<>(model.requestResults());
        requests.setId("results-requests");
        requests.setAccessibleText(text("submit.results.requests"));
        requests.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        requests.getColumns().add(column("submit.results.col.company", 180, SubmitViewModel.RequestResultLine::company));
        requests.getColumns().add(column("submit.results.col.part", 70, l -> Messages.format(locale,
                "submit.results.part", l.part(), l.partCount())));
        requests.getColumns().add(column("submit.results.col.rows", 70, l -> Integer.toString(l.rows())));
        requests.getColumns().add(column("submit.results.col.outcome", 160,
                SubmitViewModel.RequestResultLine::outcomeText));
        requests.getColumns().add(column("submit.results.col.importId", 330,
                l -> l.importId() == null ? "" : l.importId()));
        requests.setRowFactory(table -> {
            TableRow<SubmitViewModel.RequestResultLine> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, line) -> row.setTooltip(line == null ? null
                    : new javafx.scene.control.Tooltip(line.detail())));
            return row;
        });
        requests.setPrefHeight(150);
        requests.getSelectionModel().selectFirst();

        Button copyImport = new Button(text("submit.results.copyImportId"));
        copyImport.setId("results-copy-import");
        copyImport.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SubmitViewModel.RequestResultLine line = requests.getSelectionModel().getSelectedItem();
            return line == null || line.importId() == null;
        }, requests.getSelectionModel().selectedItemProperty()));
        copyImport.setOnAction(e -> Clipboards.copy(requests.getSelectionModel().getSelectedItem().importId()));
        Button receipt = new Button(text("submit.results.receipt"));
        receipt.setId("results-receipt");
        receipt.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SubmitViewModel.RequestResultLine line = requests.getSelectionModel().getSelectedItem();
            return line == null || line.submissionId() == null;
        }, requests.getSelectionModel().selectedItemProperty()));
        receipt.setOnAction(e -> actions.showReceipt().accept(
                requests.getSelectionModel().getSelectedItem().submissionId()));
        HBox requestButtons = new HBox(8, copyImport, receipt);

        TableView<SubmitViewModel.ResultRow> rows = new TableView<>(model.rows());
        rows.setId("results-rows");
        rows.setAccessibleText(text("submit.results.rows"));
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.getColumns().add(column("submit.results.col.source", 150, SubmitViewModel.ResultRow::source));
        rows.getColumns().add(column("submit.results.col.employee", 170, SubmitViewModel.ResultRow::employee));
        rows.getColumns().add(column("submit.results.col.incidentId", 330, SubmitViewModel.ResultRow::incidentId));
        rows.getColumns().add(column("submit.results.col.status", 200, SubmitViewModel.ResultRow::statusText));
        rows.getColumns().add(column("submit.results.col.message", 240, SubmitViewModel.ResultRow::message));
        rows.setRowFactory(table -> {
            TableRow<SubmitViewModel.ResultRow> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, item) -> {
                row.getStyleClass().removeAll("result-accepted", "result-problem");
                if (item != null) {
                    row.getStyleClass().add(item.status() == IncidentStatus.ACCEPTED
                            ? "result-accepted" : "result-problem");
                }
            });
            return row;
        });
        VBox.setVgrow(rows, Priority.ALWAYS);

        Button resend = new Button(text("submit.results.resend"));
        resend.setId("results-resend");
        boolean candidates = !model.resendCandidates().isEmpty();
        Label retryNote = new Label();
        retryNote.setId("results-retry-note");
        Instant notBefore = model.resendNotBeforeProperty().get();
        Instant now = clock.instant();
        if (!candidates) {
            resend.setDisable(true);
        } else if (!model.resendAllowedAt(now)) {
            resend.setDisable(true);
            retryNote.setText(Messages.format(locale, "submit.results.resendAt",
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(notBefore.atZone(clock.getZone()))));
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(
                    Math.max(0, Duration.between(now, notBefore).toMillis()) + 200));
            wait.setOnFinished(e -> {
                resend.setDisable(false);
                retryNote.setText("");
            });
            wait.play();
        }
        resend.setOnAction(e -> actions.resend().run());
        Button signIn = new Button(text("submit.results.signIn"));
        signIn.setId("results-signin");
        signIn.visibleProperty().bind(model.authFailedProperty());
        signIn.managedProperty().bind(signIn.visibleProperty());
        signIn.setOnAction(e -> actions.signIn().run());
        Button emptyReports = new Button(text("submit.results.emptyReports"));
        emptyReports.setId("results-empty-reports");
        emptyReports.setOnAction(e -> actions.emptyReports().run());
        Button close = new Button(text("submit.results.close"));
        close.setId("results-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> actions.close().run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, resend, retryNote, signIn, emptyReports, spacer, close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label requestsLabel = new Label(text("submit.results.requests"));
        requestsLabel.setLabelFor(requests);
        requestsLabel.getStyleClass().add("title-4");
        Label rowsLabel = new Label(text("submit.results.rows"));
        rowsLabel.setLabelFor(rows);
        rowsLabel.getStyleClass().add("title-4");
        VBox root = new VBox(10, notes, error, requestsLabel, requests, requestButtons, rowsLabel, rows, buttons);
        root.setPadding(new Insets(16));
        return root;
    }

    private <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(text(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private String text(String key) {
        return Messages.format(locale, key);
    }
}
