package de.meldedesk.ui.submit;

import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.service.EmptyReportService;
import java.net.URL;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The monthly overview of the empty report ("Leermeldung") per company, with
 * a month picker and sending an empty report for the selected company. Sending
 * asks first when the month has drafts or sent incidents for that company.
 */
final class EmptyReportView {

    private final EmptyReportViewModel model;
    private final Locale locale;
    private final Stage stage = new Stage();

    /**
     * @param send sends the empty report of a company once the clerk has confirmed; the flow signs in first
     */
    EmptyReportView(EmptyReportViewModel model, Locale locale, Window owner, Consumer<Company> send) {
        this.model = model;
        this.locale = locale;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(text("submit.empty.title"));

        ComboBox<YearMonth> month = new ComboBox<>();
        month.setId("empty-month");
        YearMonth latest = model.monthProperty().get().plusMonths(1);
        for (int i = 0; i < 24; i++) {
            month.getItems().add(latest.minusMonths(i));
        }
        month.setCellFactory(list -> monthCell());
        month.setButtonCell(monthCell());
        month.valueProperty().bindBidirectional(model.monthProperty());
        month.valueProperty().addListener((obs, old, now) -> model.load());
        Label monthLabel = new Label(text("submit.empty.month"));
        monthLabel.setLabelFor(month);
        month.setAccessibleText(monthLabel.getText());
        HBox top = new HBox(10, monthLabel, month);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<EmptyReportService.MonthLine> table = new TableView<>(model.lines());
        table.setId("empty-table");
        table.setAccessibleText(text("submit.empty.title"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("submit.empty.col.company", 240, l -> l.company().name()));
        table.getColumns().add(column("submit.empty.col.careflexId", 160, l -> l.company().careflexId()));
        table.getColumns().add(column("submit.empty.col.state", 300, model::describe));
        table.getColumns().add(column("submit.empty.col.drafts", 140,
                l -> text(l.hasOpenDrafts() ? "submit.empty.drafts.yes" : "submit.empty.drafts.no")));
        table.setPlaceholder(new Label(text("submit.empty.none")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.setId("empty-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());

        Button sendButton = new Button(text("submit.empty.send"));
        sendButton.setId("empty-send");
        sendButton.disableProperty().bind(Bindings.or(table.getSelectionModel().selectedItemProperty().isNull(),
                model.busyProperty()));
        sendButton.setOnAction(e -> {
            Company company = table.getSelectionModel().getSelectedItem().company();
            model.warnings(company, warnings -> {
                if (warnings.isEmpty() || confirm(company, warnings)) {
                    send.accept(company);
                }
            });
        });
        Button close = new Button(text("submit.results.close"));
        close.setId("empty-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, sendButton, spacer, close);

        Label intro = new Label(text("submit.empty.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox root = new VBox(12, intro, top, table, message, buttons);
        root.setId("empty-reports");
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 960, 600);
        URL css = EmptyReportView.class.getResource("/de/meldedesk/ui/meldedesk.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
    }

    void show() {
        model.load();
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    private boolean confirm(Company company, List<String> warnings) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(stage);
        alert.setTitle(text("submit.empty.title"));
        alert.setHeaderText(Messages.format(locale, "submit.empty.confirm.header", company.name(),
                model.formatMonth(model.monthProperty().get())));
        alert.setContentText(String.join("\n\n", warnings));
        ButtonType sendAnyway = new ButtonType(text("submit.empty.confirm.send"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text("submit.close.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(cancel, sendAnyway);
        alert.getDialogPane().lookupButton(sendAnyway).setId("empty-confirm-send");
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(sendAnyway)).setDefaultButton(false);
        return alert.showAndWait().filter(sendAnyway::equals).isPresent();
    }

    private ListCell<YearMonth> monthCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(YearMonth item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.formatMonth(item));
            }
        };
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
