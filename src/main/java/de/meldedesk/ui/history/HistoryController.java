package de.meldedesk.ui.history;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.AuditEntry;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.i18n.Messages;
import de.meldedesk.service.history.HistoryEntry;
import de.meldedesk.service.history.HistoryService;
import de.meldedesk.service.history.Outcome;
import de.meldedesk.service.history.ReceiptPdf;
import de.meldedesk.service.history.SentIncident;
import de.meldedesk.service.history.SubmissionDetail;
import de.meldedesk.ui.common.BackgroundRunner;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The "Übermittlungen" screen: requests and empty reports, sent incidents and the audit log. */
public class HistoryController {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryController.class);

    /** Months offered in the month filter, counted back from the current one. */
    private static final int MONTHS_OFFERED = 36;

    private final AppContext context;
    private final Locale locale;
    private final ZoneId zone;
    private final HistoryViewModel model;
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(250));

    @FXML
    private Label searchLabel;
    @FXML
    private TextField searchField;
    @FXML
    private ComboBox<YearMonth> monthBox;
    @FXML
    private ComboBox<Company> companyBox;
    @FXML
    private ComboBox<String> typeBox;
    @FXML
    private ComboBox<Outcome> outcomeBox;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab incidentsTab;
    @FXML
    private Tab auditTab;
    @FXML
    private TableView<HistoryEntry> entriesTable;
    @FXML
    private Label entriesInfo;
    @FXML
    private Button moreButton;
    @FXML
    private Label detailTitle;
    @FXML
    private Button saveReceiptButton;
    @FXML
    private Button printReceiptButton;
    @FXML
    private Button copyRequestButton;
    @FXML
    private Button copyResponseButton;
    @FXML
    private TableView<SentIncident> detailTable;
    @FXML
    private TextArea requestArea;
    @FXML
    private TextArea responseArea;
    @FXML
    private TableView<SentIncident> incidentsTable;
    @FXML
    private Button previousButton;
    @FXML
    private Label pageInfo;
    @FXML
    private Button nextButton;
    @FXML
    private Button copyButton;
    @FXML
    private TextField auditAction;
    @FXML
    private TextField auditObject;
    @FXML
    private TextField auditFrom;
    @FXML
    private TextField auditTo;
    @FXML
    private TableView<AuditEntry> auditTable;
    @FXML
    private Label messageLabel;

    public HistoryController(AppContext context) {
        this.context = context;
        this.locale = context.locale();
        this.zone = context.clock().getZone();
        this.model = new HistoryViewModel(new HistoryService(context.store(), context.catalogue(), context.clock()),
                context.runner(), locale);
    }

    /** Returns the ViewModel, for tests. */
    public HistoryViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        searchLabel.setLabelFor(searchField);
        searchField.setAccessibleText(Messages.format(locale, "history.search.prompt"));
        setUpFilters();
        setUpEntries();
        setUpDetail();
        setUpIncidents();
        setUpAudit();
        messageLabel.textProperty().bind(model.messageProperty());

        searchField.textProperty().bindBidirectional(model.searchTextProperty());
        searchPause.setOnFinished(e -> model.reload());
        searchField.textProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                tabs.getSelectionModel().select(incidentsTab);
            }
            searchPause.playFromStart();
        });
        // Sending changes drafts and adds history, so a new send shows up without a restart.
        context.workspace().draftsVersionProperty().addListener((obs, old, now) -> model.reload());
        model.select(null);
        model.start();
    }

    private void setUpFilters() {
        List<YearMonth> months = new ArrayList<>();
        months.add(null);
        YearMonth current = YearMonth.now(context.clock());
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            months.add(current.minusMonths(i));
        }
        monthBox.getItems().setAll(months);
        setConverter(monthBox, month -> HistoryFormat.month(month, locale));
        monthBox.valueProperty().bindBidirectional(model.monthProperty());

        companyBox.getItems().add(null);
        model.companies().addListener((javafx.collections.ListChangeListener<Company>) change -> {
            List<Company> items = new ArrayList<>();
            items.add(null);
            items.addAll(model.companies());
            companyBox.getItems().setAll(items);
        });
        setConverter(companyBox, company -> company.name() + " (" + company.careflexId() + ")");
        companyBox.valueProperty().bindBidirectional(model.companyProperty());

        List<String> types = new ArrayList<>();
        types.add(null);
        for (IncidentType type : context.catalogue().all()) {
            types.add(type.code());
        }
        typeBox.getItems().setAll(types);
        setConverter(typeBox, code -> code);
        typeBox.valueProperty().bindBidirectional(model.typeProperty());
        typeBox.setTooltip(new javafx.scene.control.Tooltip(Messages.format(locale, "history.filter.typeNote")));

        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(null);
        outcomes.addAll(List.of(Outcome.values()));
        outcomeBox.getItems().setAll(outcomes);
        setConverter(outcomeBox, outcome -> Messages.format(locale, "history.outcomeFilter." + outcome.name()));
        outcomeBox.valueProperty().bindBidirectional(model.outcomeProperty());

        for (ComboBox<?> box : List.of(monthBox, companyBox, typeBox, outcomeBox)) {
            box.setOnAction(e -> model.reload());
        }
        monthBox.setAccessibleText(Messages.format(locale, "history.filter.month"));
        companyBox.setAccessibleText(Messages.format(locale, "history.filter.company"));
        typeBox.setAccessibleText(Messages.format(locale, "history.filter.type"));
        outcomeBox.setAccessibleText(Messages.format(locale, "history.filter.outcome"));
    }

    /** Shows {@code null} as "All" and every other value through {@code text}, in the list and the button. */
    private <T> void setConverter(ComboBox<T> box, Function<T, String> text) {
        String all = Messages.format(locale, "history.filter.all");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? all : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        });
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty) {
                    setText(null);
                } else {
                    setText(item == null ? all : text.apply(item));
                }
            }
        });
    }

    private void setUpEntries() {
        entriesTable.setItems(model.entries());
        entriesTable.getColumns().setAll(List.of(
                column("history.column.sentAt", 150, e -> HistoryFormat.dateTime(e.sentAt(), zone)),
                column("history.column.kind", 190, this::kindText),
                column("history.column.company", 190, HistoryEntry::companyName),
                column("history.column.profile", 110, HistoryEntry::profileName),
                column("history.column.rows", 100, e -> e.kind() == HistoryEntry.Kind.SUBMISSION
                        ? Integer.toString(e.rowCount()) : ""),
                column("history.column.outcome", 140, e -> HistoryFormat.outcome(e.outcome(), locale)),
                column("history.column.importId", 130, e -> e.importId() == null ? "" : e.importId())));
        entriesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entriesTable.setPlaceholder(new Label(Messages.format(locale, "history.requests.empty")));
        entriesTable.setAccessibleText(Messages.format(locale, "history.tab.requests"));
        entriesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));
        moreButton.visibleProperty().bind(model.moreEntriesProperty());
        model.entries().addListener((javafx.collections.ListChangeListener<HistoryEntry>) change ->
                entriesInfo.setText(Messages.format(locale, "history.requests.count", model.entries().size())));
    }

    private String kindText(HistoryEntry entry) {
        if (entry.kind() == HistoryEntry.Kind.EMPTY_REPORT) {
            return Messages.format(locale, "history.kind.EMPTY_REPORT", HistoryFormat.month(entry.reportMonth(),
                    locale));
        }
        return Messages.format(locale, "history.kind.SUBMISSION");
    }

    private void setUpDetail() {
        detailTitle.textProperty().bind(model.detailTextProperty());
        detailTable.getColumns().setAll(List.of(
                column("history.column.employee", 135, SentIncident::employeeName),
                column("history.column.employeeId", 120, s -> text(s.stored().incident().employeeId())),
                column("history.column.type", 85, s -> text(s.stored().incident().type())),
                column("history.column.validFrom", 100, s -> HistoryFormat.date(s.stored().incident().validFrom())),
                column("history.column.incidentId", 335, s -> text(s.stored().incidentId())),
                column("history.column.source", 130, s -> HistoryFormat.source(s.stored().source(), locale)),
                column("history.column.outcome", 115, s -> HistoryFormat.outcome(s.stored().status().name(),
                        locale))));
        detailTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        detailTable.setPlaceholder(new Label(Messages.format(locale, "history.detail.none")));
        detailTable.setAccessibleText(Messages.format(locale, "history.detail.incidents"));
        model.detailProperty().addListener((obs, old, now) -> showDetail(now));
        showDetail(null);
    }

    private void showDetail(SubmissionDetail detail) {
        boolean none = detail == null;
        detailTable.getItems().setAll(none ? List.of() : detail.incidents());
        requestArea.setText(none ? "" : detail.prettyRequest());
        responseArea.setText(none ? "" : detail.prettyResponse().isEmpty()
                ? Messages.format(locale, "history.detail.noResponse") : detail.prettyResponse());
        boolean accepted = !none && "ACCEPTED".equals(detail.submission().outcome());
        saveReceiptButton.setDisable(!accepted);
        printReceiptButton.setDisable(!accepted);
        copyRequestButton.setDisable(none);
        copyResponseButton.setDisable(none || detail.prettyResponse().isEmpty());
    }

    private void setUpIncidents() {
        incidentsTable.setItems(model.incidents());
        incidentsTable.getColumns().setAll(List.of(
                column("history.column.sentAt", 145, s -> HistoryFormat.dateTime(s.sentAt(), zone)),
                column("history.column.company", 200, SentIncident::companyName),
                column("history.column.employee", 170, SentIncident::employeeName),
                column("history.column.employeeId", 125, s -> text(s.stored().incident().employeeId())),
                column("history.column.personnelNumber", 145,
                        s -> text(s.stored().incident().employee().job().personnelNumber())),
                column("history.column.type", 90, s -> text(s.stored().incident().type())),
                column("history.column.validFrom", 100, s -> HistoryFormat.date(s.stored().incident().validFrom())),
                column("history.column.incidentId", 310, s -> text(s.stored().incidentId())),
                column("history.column.importId", 310, s -> text(s.stored().importId())),
                column("history.column.externalId", 120, s -> text(s.stored().incident().externalId())),
                column("history.column.outcome", 150, s -> HistoryFormat.outcome(s.stored().status().name(),
                        locale))));
        incidentsTable.setPlaceholder(new Label(Messages.format(locale, "history.page.empty")));
        incidentsTable.setAccessibleText(Messages.format(locale, "history.tab.incidents"));
        Runnable updatePaging = () -> {
            pageInfo.setText(model.pageInfo());
            previousButton.setDisable(model.pageOffsetProperty().get() == 0);
            nextButton.setDisable(model.pageOffsetProperty().get() + HistoryViewModel.PAGE_SIZE
                    >= model.incidentTotalProperty().get());
        };
        model.incidentTotalProperty().addListener((obs, old, now) -> updatePaging.run());
        model.pageOffsetProperty().addListener((obs, old, now) -> updatePaging.run());
        model.incidents().addListener((javafx.collections.ListChangeListener<SentIncident>) c -> updatePaging.run());
        copyButton.disableProperty().bind(incidentsTable.getSelectionModel().selectedItemProperty().isNull());
        updatePaging.run();
    }

    private void setUpAudit() {
        auditTable.setItems(model.auditEntries());
        auditTable.getColumns().setAll(List.of(
                column("history.audit.column.loggedAt", 150, (AuditEntry a) -> HistoryFormat.dateTime(a.loggedAt(),
                        zone)),
                column("history.audit.column.user", 110, AuditEntry::osUser),
                column("history.audit.column.action", 180, AuditEntry::action),
                column("history.audit.column.objectType", 120, AuditEntry::objectType),
                column("history.audit.column.objectId", 140, AuditEntry::objectId),
                column("history.audit.column.details", 200, AuditEntry::details)));
        auditTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        auditTable.setAccessibleText(Messages.format(locale, "history.tab.audit"));
        auditTab.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                loadAudit();
            }
        });
    }

    private <S> TableColumn<S, String> column(String key, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(Messages.format(locale, key));
        column.setPrefWidth(width);
        // The constrained tables would otherwise squeeze dates and IDs until they are cut off.
        column.setMinWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text(value.apply(cell.getValue()))));
        return column;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @FXML
    private void resetFilters() {
        model.resetFilters();
    }

    @FXML
    private void loadMore() {
        model.loadMoreEntries();
    }

    @FXML
    private void previousPage() {
        model.previousPage();
    }

    @FXML
    private void nextPage() {
        model.nextPage();
    }

    @FXML
    private void copyAsDraft() {
        model.copyAsDraft(incidentsTable.getSelectionModel().getSelectedItem(),
                () -> context.workspace().draftsChanged());
    }

    @FXML
    private void copyRequest() {
        copyToClipboard(requestArea.getText());
    }

    @FXML
    private void copyResponse() {
        copyToClipboard(responseArea.getText());
    }

    private void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        model.setMessage(Messages.format(locale, "history.detail.copied"));
    }

    private Long selectedSubmission() {
        SubmissionDetail detail = model.detailProperty().get();
        return detail == null ? null : detail.submission().id();
    }

    @FXML
    private void saveReceipt() {
        Long id = selectedSubmission();
        if (id == null) {
            return;
        }
        String importId = model.detailProperty().get().submission().importId();
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(Messages.format(locale, "history.receipt.fileName", importId == null ? id : importId));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.saveReceipt(id, file.toPath());
        }
    }

    @FXML
    private void printReceipt() {
        Long id = selectedSubmission();
        if (id == null) {
            return;
        }
        if (Printer.getDefaultPrinter() == null) {
            model.setMessage(Messages.format(locale, "history.receipt.noPrinter"));
            return;
        }
        BackgroundRunner runner = context.runner();
        model.buildReceipt(id, pdf -> runner.run(progress -> ReceiptPdf.render(pdf, 150), this::print, error -> {
            LOG.warn("Rendering receipt {} for printing failed", id, error);
            model.setMessage(Messages.format(locale, "history.receipt.printFailed"));
        }));
    }

    private void print(List<BufferedImage> pages) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            model.setMessage(Messages.format(locale, "history.receipt.noPrinter"));
            return;
        }
        if (!job.showPrintDialog(window())) {
            job.cancelJob();
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        boolean printed = true;
        for (BufferedImage page : pages) {
            ImageView view = new ImageView(toFxImage(page));
            view.setPreserveRatio(true);
            view.setFitWidth(layout.getPrintableWidth());
            view.setFitHeight(layout.getPrintableHeight());
            printed &= job.printPage(view);
        }
        printed &= job.endJob();
        LOG.info("Printed receipt with {} pages, success {}", pages.size(), printed);
        model.setMessage(Messages.format(locale, printed ? "history.receipt.printed" : "history.receipt.printFailed"));
    }

    private static WritableImage toFxImage(BufferedImage image) {
        WritableImage fx = new WritableImage(image.getWidth(), image.getHeight());
        PixelWriter writer = fx.getPixelWriter();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                writer.setArgb(x, y, image.getRGB(x, y));
            }
        }
        return fx;
    }

    @FXML
    private void exportCsv() {
        export("*.csv", ".csv");
    }

    @FXML
    private void exportXlsx() {
        export("*.xlsx", ".xlsx");
    }

    private void export(String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(Messages.format(locale, "history.export.fileName") + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.substring(1).toUpperCase(
                Locale.ROOT), pattern));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportIncidents(file.toPath());
        }
    }

    @FXML
    private void loadAudit() {
        model.loadAudit(auditAction.getText(), auditObject.getText(), auditFrom.getText(), auditTo.getText());
    }

    @FXML
    private void exportAudit() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(Messages.format(locale, "history.audit.fileName") + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path path = file.toPath();
            model.exportAudit(path);
        }
    }

    private Window window() {
        return tabs.getScene() == null ? null : tabs.getScene().getWindow();
    }
}
