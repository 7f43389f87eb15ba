package de.meldedesk.ui.incidents;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.ui.common.ErrorReporter;
import de.meldedesk.ui.submit.SubmitFlow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Meldungen" screen: the drafts table with its filters above, the editor
 * of the selected incident below. Keyboard: Ctrl+N new, Ctrl+S save, Ctrl+F
 * search, Ctrl+Enter mark ready, Ctrl+Shift+S send, F1 help for the focused
 * field. In the table, Delete, Ctrl+C, Ctrl+V and Ctrl+Z also work.
 */
public class IncidentsController {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentsController.class);
    /** Time without typing after which the editor saves; keeps saves within about a second of a change. */
    static final Duration AUTOSAVE_DELAY = Duration.millis(600);

    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination READY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    private final Locale locale;
    private final Supplier<LocalDate> today;
    private final IncidentTypeCatalogue catalogue;
    private final IncidentsViewModel model;
    private final IncidentEditorModel editor;
    private final ErrorReporter errors;
    private final PauseTransition autosave = new PauseTransition(AUTOSAVE_DELAY);
    private IncidentEditorView editorView;
    private boolean syncingSelection;

    @FXML
    private BorderPane root;
    @FXML
    private HBox noCompanyBox;
    @FXML
    private Button newButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button undoButton;
    @FXML
    private Button submitButton;
    @FXML
    private TextField searchField;
    @FXML
    private ComboBox<Choice<Company>> companyFilter;
    @FXML
    private ComboBox<Choice<IncidentStatus>> statusFilter;
    @FXML
    private ComboBox<Choice<String>> typeFilter;
    @FXML
    private ComboBox<Choice<YearMonth>> monthFilter;
    @FXML
    private TableView<DraftRow> table;
    @FXML
    private ListView<String> pasteProblems;
    @FXML
    private ScrollPane formScroll;
    @FXML
    private VBox form;
    @FXML
    private Label editorTitle;
    @FXML
    private Label helpText;
    @FXML
    private ListView<Problem> problemList;
    @FXML
    private Label duplicateWarning;
    @FXML
    private CheckBox acknowledgeWarnings;
    @FXML
    private Button readyButton;
    @FXML
    private Label readyReason;
    @FXML
    private Label messageLabel;

    public IncidentsController(AppContext context) {
        this.locale = context.locale();
        this.catalogue = context.catalogue();
        this.today = () -> LocalDate.now(context.clock());
        this.model = new IncidentsViewModel(context.store(), context.importEngine(), context.imports(),
                context.catalogue(), context.runner(), context.workspace(), today, locale);
        this.editor = model.editor();
        this.errors = new ErrorReporter(locale);
    }

    /** Returns the ViewModel, for tests that drive the screen. */
    public IncidentsViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        model.setOnFailure(errors::report);
        noCompanyBox.visibleProperty().bind(model.hasCompaniesProperty().not());
        noCompanyBox.managedProperty().bind(noCompanyBox.visibleProperty());
        undoButton.disableProperty().bind(model.canUndoProperty().not());
        messageLabel.textProperty().bind(model.messageProperty());
        newButton.setAccessibleHelp(text("incidents.shortcut.new"));
        submitButton.getStyleClass().add("accent");

        setUpFilters();
        setUpTable();
        setUpPasteProblems();

        editorView = new IncidentEditorView(editor, model.companies(), catalogue, today, locale);
        editorView.build(form);
        setUpSidePanel();

        autosave.setOnFinished(e -> editor.save());
        editor.editCountProperty().addListener((obs, old, now) -> autosave.playFromStart());
        editor.lastSaveProperty().addListener((obs, old, now) -> selectEditedRow());

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::handleShortcut);
        root.sceneProperty().addListener((obs, old, scene) -> attach(scene));
        model.reload();
    }

    private void attach(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.windowProperty().addListener((obs, old, window) -> hookWindow(window));
        hookWindow(scene.getWindow());
        Platform.runLater(() -> table.requestFocus());
    }

    private void hookWindow(Window window) {
        if (window != null) {
            window.addEventHandler(WindowEvent.WINDOW_HIDING, e -> saveBeforeClosing());
        }
    }

    /** Writes unsaved text at once, because the background runner stops right after the window closes. */
    void saveBeforeClosing() {
        autosave.stop();
        try {
            editor.saveNow();
        } catch (RuntimeException e) {
            LOG.error("Saving the open incident while closing failed", e);
        }
    }

    private void setUpFilters() {
        companyFilter.setAccessibleText(text("incidents.filter.company"));
        statusFilter.setAccessibleText(text("incidents.filter.status"));
        typeFilter.setAccessibleText(text("incidents.filter.type"));
        monthFilter.setAccessibleText(text("incidents.filter.month"));
        searchField.setAccessibleText(text("incidents.filter.search"));

        Runnable fillCompanies = () -> {
            Company chosen = companyFilter.getValue() == null ? null : companyFilter.getValue().value();
            List<Choice<Company>> choices = new ArrayList<>();
            choices.add(new Choice<>(null, text("incidents.filter.allCompanies")));
            Choice<Company> keep = choices.get(0);
            for (Company company : model.companies()) {
                Choice<Company> choice = new Choice<>(company, company.name());
                choices.add(choice);
                if (chosen != null && chosen.id() == company.id()) {
                    keep = choice;
                }
            }
            companyFilter.getItems().setAll(choices);
            companyFilter.setValue(keep);
        };
        fillCompanies.run();
        model.companies().addListener((ListChangeListener<Company>) change -> fillCompanies.run());
        companyFilter.valueProperty().addListener((obs, old, now) -> {
            Company wanted = now == null ? null : now.value();
            Company current = model.filterCompanyProperty().get();
            if (wanted == null ? current != null : current == null || current.id() != wanted.id()) {
                model.filterCompanyProperty().set(wanted);
            }
        });

        statusFilter.getItems().add(new Choice<>(null, text("incidents.filter.allStatuses")));
        for (IncidentStatus status : IncidentStatus.values()) {
            statusFilter.getItems().add(new Choice<>(status, text("incidents.status." + status.name())));
        }
        statusFilter.getSelectionModel().selectFirst();
        statusFilter.valueProperty().addListener((obs, old, now) ->
                model.filterStatusProperty().set(now == null ? null : now.value()));

        typeFilter.getItems().add(new Choice<>(null, text("incidents.filter.allTypes")));
        for (IncidentType type : catalogue.all()) {
            typeFilter.getItems().add(new Choice<>(type.code(), type.code() + " – " + type.label(locale)));
        }
        typeFilter.getSelectionModel().selectFirst();
        typeFilter.valueProperty().addListener((obs, old, now) ->
                model.filterTypeProperty().set(now == null ? null : now.value()));

        monthFilter.getItems().add(new Choice<>(null, text("incidents.filter.allMonths")));
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        YearMonth current = YearMonth.from(today.get());
        for (int offset = 3; offset >= -12; offset--) {
            YearMonth month = current.plusMonths(offset);
            monthFilter.getItems().add(new Choice<>(month, monthFormat.format(month)));
        }
        monthFilter.getSelectionModel().selectFirst();
        monthFilter.valueProperty().addListener((obs, old, now) ->
                model.filterMonthProperty().set(now == null ? null : now.value()));

        searchField.textProperty().bindBidirectional(model.filterTextProperty());
    }

    private void setUpTable() {
        table.setItems(model.visibleRows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setAccessibleText(text("incidents.table"));
        table.setPlaceholder(new Label(text("incidents.table.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("company", 110, this::companyText));
        table.getColumns().add(column("employee", 170, IncidentsController::employeeText));
        table.getColumns().add(column("type", 130, this::typeText));
        table.getColumns().add(column("validFrom", 85, IncidentsController::validFromText));
        table.getColumns().add(column("status", 110, s -> text("incidents.status." + s.status().name())));
        table.getColumns().add(column("problems", 105, this::problemsText));
        table.getColumns().add(column("source", 110, this::sourceText));
        table.getColumns().add(column("incidentId", 110, StoredIncident::incidentId));
        table.getColumns().add(column("importId", 100, StoredIncident::importId));

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncingSelection && now != null) {
                model.select(now);
            }
        });
        deleteButton.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            } else if (COPY.match(e)) {
                copySelected();
                e.consume();
            } else if (PASTE.match(e)) {
                pasteFromClipboard();
                e.consume();
            } else if (UNDO.match(e)) {
                undoDelete();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && editor.openProperty().get()) {
                editorView.firstInput().requestFocus();
                e.consume();
            }
        });
        MenuItem copyIncidentId = new MenuItem(text("incidents.action.copyIncidentId"));
        copyIncidentId.setOnAction(e -> {
            DraftRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && row.stored().incidentId() != null) {
                putOnClipboard(row.stored().incidentId());
            }
        });
        MenuItem copyRows = new MenuItem(text("incidents.action.copy"));
        copyRows.setOnAction(e -> copySelected());
        // Resending goes through the submit flow, which requests a confirmation before it resends an outcome-unknown incident.
        MenuItem resend = new MenuItem(text("incidents.action.resend"));
        resend.setId("incidents-resend");
        resend.setOnAction(e -> {
            List<Long> ids = table.getSelectionModel().getSelectedItems().stream().map(DraftRow::id).toList();
            if (!ids.isEmpty()) {
                SubmitFlow.current().ifPresent(flow -> flow.resend(ids));
            }
        });
        table.setContextMenu(new ContextMenu(copyIncidentId, copyRows, resend));
        model.visibleRows().addListener((ListChangeListener<DraftRow>) change -> Platform.runLater(this::selectEditedRow));
    }

    private TableColumn<DraftRow, String> column(String key, double width, Function<StoredIncident, String> value) {
        TableColumn<DraftRow, String> column = new TableColumn<>(text("incidents.column." + key));
        column.setId("column-" + key);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> {
            ObservableValue<StoredIncident> stored = cell.getValue().storedProperty();
            return Bindings.createStringBinding(() -> value.apply(stored.getValue()), stored);
        });
        return column;
    }

    private String companyText(StoredIncident stored) {
        Company company = model.company(stored.companyId());
        return company == null ? stored.careflexId() : company.name();
    }

    private static String employeeText(StoredIncident stored) {
        Employee employee = stored.incident().employee();
        String name = employee.lastName() == null ? "" : employee.lastName();
        if (employee.firstName() != null) {
            name = name.isEmpty() ? employee.firstName() : name + ", " + employee.firstName();
        }
        String id = stored.incident().employeeId();
        if (id == null) {
            return name;
        }
        return name.isEmpty() ? id : name + " (" + id + ")";
    }

    private String typeText(StoredIncident stored) {
        String code = stored.incident().type();
        if (code == null) {
            return "";
        }
        return catalogue.find(code).map(type -> code + " – " + type.label(locale)).orElse(code);
    }

    private static String validFromText(StoredIncident stored) {
        String typed = stored.invalidInput().get(IncidentField.VALID_FROM.path());
        return typed != null ? typed : DateText.german(stored.incident().validFrom());
    }

    private String problemsText(StoredIncident stored) {
        if (stored.errorCount() == 0 && stored.warningCount() == 0) {
            return text("incidents.problems.none");
        }
        return Messages.format(locale, "incidents.problems.count", stored.errorCount(), stored.warningCount());
    }

    private String sourceText(StoredIncident stored) {
        if (stored.source().isTyped()) {
            return text("incidents.source.typed");
        }
        if (stored.source().rowNumber() == null) {
            return stored.source().fileName();
        }
        return Messages.format(locale, "incidents.source.row", stored.source().fileName(), stored.source().rowNumber());
    }

    private void setUpPasteProblems() {
        pasteProblems.setItems(model.pasteProblems());
        pasteProblems.setAccessibleText(text("incidents.paste.problems"));
        pasteProblems.visibleProperty().bind(Bindings.isNotEmpty(model.pasteProblems()));
        pasteProblems.managedProperty().bind(pasteProblems.visibleProperty());
    }

    private void setUpSidePanel() {
        editorTitle.textProperty().bind(Bindings.createStringBinding(this::editorTitleText,
                editor.openProperty(), editor.statusProperty(), editor.currentIdProperty(),
                editor.form().field(IncidentField.EXTERNAL_ID)));
        // An empty form has "required" errors for every field; they mean nothing until an incident is open.
        problemList.setItems(editor.openProperty().get() ? editor.form().problems() : FXCollections.observableArrayList());
        editor.openProperty().addListener((obs, was, open) ->
                problemList.setItems(open ? editor.form().problems() : FXCollections.observableArrayList()));
        problemList.setAccessibleText(text("incidents.problems.title"));
        problemList.setPlaceholder(new Label(text("incidents.problems.empty")));
        problemList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                getStyleClass().add(item.isError() ? "problem-error" : "problem-warning");
                // A plain cell does not wrap inside a list; a label as graphic with a bound width does.
                Label line = new Label(Messages.format(locale, "incidents.problems.line", item.fieldLabel(locale),
                        item.message(locale), text("severity." + item.severity().name())));
                line.setWrapText(true);
                line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                line.prefWidthProperty().bind(problemList.widthProperty().subtract(30));
                line.getStyleClass().add(item.isError() ? "problem-error" : "problem-warning");
                setText(null);
                setGraphic(line);
            }
        });
        problemList.setOnKeyPressed(e -> {
            Problem problem = problemList.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && problem != null) {
                focusProblem(problem);
                e.consume();
            }
        });
        problemList.setOnMouseClicked(e -> {
            Problem problem = problemList.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && problem != null) {
                focusProblem(problem);
            }
        });

        duplicateWarning.textProperty().bind(Bindings.createStringBinding(this::duplicateText, editor.duplicates()));
        duplicateWarning.visibleProperty().bind(Bindings.isNotEmpty(editor.duplicates()));
        duplicateWarning.managedProperty().bind(duplicateWarning.visibleProperty());

        acknowledgeWarnings.selectedProperty().bindBidirectional(editor.warningsAcknowledgedProperty());
        acknowledgeWarnings.visibleProperty().bind(editor.hasWarningsBinding().and(editor.editableProperty()));
        acknowledgeWarnings.managedProperty().bind(acknowledgeWarnings.visibleProperty());

        readyButton.disableProperty().bind(editor.canMarkReadyBinding().not());
        readyButton.setAccessibleHelp(text("incidents.shortcut.ready"));
        readyReason.textProperty().bind(Bindings.createStringBinding(this::readyReasonText,
                editor.openProperty(), editor.editableProperty(), editor.statusProperty(),
                editor.form().hasErrorsProperty(), editor.hasWarningsBinding(), editor.warningsAcknowledgedProperty()));
        helpText.setText(text("incidents.help.hint"));
    }

    private String editorTitleText() {
        if (!editor.openProperty().get()) {
            return text("incidents.editor.none");
        }
        String status = editor.statusProperty().get() == null ? "" : text("incidents.status." + editor.statusProperty().get().name());
        String reference = editor.form().field(IncidentField.EXTERNAL_ID).get();
        if (editor.currentIdProperty().get() == null) {
            return Messages.format(locale, "incidents.editor.titleNew", status);
        }
        return Messages.format(locale, "incidents.editor.title", reference == null ? "" : reference, status);
    }

    private String duplicateText() {
        if (editor.duplicates().isEmpty()) {
            return "";
        }
        StoredIncident earlier = editor.duplicates().get(0);
        return Messages.format(locale, "incidents.duplicate", earlier.incident().type(),
                DateText.german(earlier.incident().validFrom()), text("incidents.status." + earlier.status().name()),
                earlier.incident().externalId() == null ? "" : earlier.incident().externalId());
    }

    private String readyReasonText() {
        if (!editor.openProperty().get()) {
            return "";
        }
        if (!editor.editableProperty().get()) {
            return text("incidents.ready.notEditable");
        }
        if (editor.statusProperty().get() == IncidentStatus.READY) {
            return text("incidents.ready.already");
        }
        if (editor.form().hasErrorsProperty().get()) {
            return text("incidents.ready.hasErrors");
        }
        if (editor.hasWarningsBinding().get() && !editor.warningsAcknowledgedProperty().get()) {
            return text("incidents.ready.acknowledge");
        }
        return "";
    }

    private void focusProblem(Problem problem) {
        try {
            editorView.focus(IncidentField.byPath(problem.field()));
        } catch (IllegalArgumentException e) {
            // A problem about a whole part, e.g. "employee.address", has no single input.
            LOG.debug("No input for problem field {}", problem.field());
        }
    }

    private void handleShortcut(KeyEvent e) {
        if (SUBMIT.match(e)) {
            submit();
        } else if (SAVE.match(e)) {
            autosave.stop();
            editor.save();
        } else if (NEW.match(e)) {
            newIncident();
        } else if (FIND.match(e)) {
            searchField.requestFocus();
            searchField.selectAll();
        } else if (READY.match(e)) {
            markReady();
        } else if (HELP.match(e)) {
            showHelp();
        } else if (UNDO.match(e) && !(root.getScene().getFocusOwner() instanceof TextInputControl)) {
            undoDelete();
        } else {
            return;
        }
        e.consume();
    }

    private void showHelp() {
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        IncidentField field = focused == null ? null : editorView.fieldOf(focused);
        if (field == null) {
            helpText.setText(text("incidents.help.general"));
            return;
        }
        helpText.setText(Messages.format(locale, "incidents.help.field", text(field.labelKey()),
                text(field.helpKey())));
    }

    private void selectEditedRow() {
        Long id = editor.currentIdProperty().get();
        if (id == null) {
            return;
        }
        DraftRow row = model.rowById(id);
        if (row == null || !model.visibleRows().contains(row)
                || table.getSelectionModel().getSelectedItems().contains(row)) {
            return;
        }
        syncingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
        } finally {
            syncingSelection = false;
        }
    }

    @FXML
    private void newIncident() {
        autosave.stop();
        Company preferred = editor.companyProperty().get();
        if (!model.newIncident(preferred)) {
            createCompany();
            return;
        }
        syncingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
        } finally {
            syncingSelection = false;
        }
        formScroll.setVvalue(0);
        editorView.firstInput().requestFocus();
    }

    @FXML
    private void markReady() {
        autosave.stop();
        if (!editor.markReady()) {
            model.messageProperty().set(readyReasonText());
        }
    }

    @FXML
    private void deleteSelected() {
        List<Long> ids = table.getSelectionModel().getSelectedItems().stream()
                .filter(row -> row.stored().status().isEditable())
                .map(DraftRow::id)
                .toList();
        if (ids.isEmpty()) {
            if (!table.getSelectionModel().getSelectedItems().isEmpty()) {
                model.messageProperty().set(text("incidents.delete.onlyDrafts"));
            }
            return;
        }
        Alert question = new Alert(Alert.AlertType.CONFIRMATION);
        question.initOwner(root.getScene().getWindow());
        question.setTitle(text("incidents.delete.title"));
        question.setHeaderText(null);
        question.setContentText(Messages.format(locale, "incidents.delete.question", ids.size()));
        ButtonType delete = new ButtonType(text("incidents.action.delete"), ButtonBar.ButtonData.OK_DONE);
        question.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        question.showAndWait().filter(delete::equals).ifPresent(b -> {
            autosave.stop();
            editor.save();
            model.delete(ids);
            table.requestFocus();
        });
    }

    @FXML
    private void undoDelete() {
        model.undoDelete();
    }

    @FXML
    private void copySelected() {
        List<DraftRow> rows = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            return;
        }
        putOnClipboard(model.copyText(rows));
        model.messageProperty().set(Messages.format(locale, "incidents.copied", rows.size()));
    }

    private static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void pasteFromClipboard() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (!clipboard.hasString()) {
            model.messageProperty().set(text("incidents.paste.nothing"));
            return;
        }
        Company owner = model.filterCompanyProperty().get();
        if (owner == null) {
            owner = editor.companyProperty().get();
        }
        if (owner == null && !model.companies().isEmpty()) {
            owner = model.companies().get(0);
        }
        model.paste(clipboard.getString(), owner);
    }

    @FXML
    private void submit() {
        autosave.stop();
        model.requestSubmit(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
    }

    /** Asks for CareFlex ID and name and creates the company, so the screen works without the company screen. */
    @FXML
    private void createCompany() {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.setTitle(text("incidents.company.title"));
        TextField careflexId = new TextField();
        careflexId.setId("company-careflex-id");
        careflexId.setAccessibleText(text("field.careflexId"));
        TextField name = new TextField();
        name.setId("company-name");
        name.setAccessibleText(text("incidents.company.name"));
        Label problem = new Label();
        problem.getStyleClass().add("problem-error");
        problem.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(text("field.careflexId")), careflexId);
        grid.addRow(1, new Label(text("incidents.company.name")), name);
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType create = new ButtonType(text("incidents.company.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        dialog.setOnShown(e -> Platform.runLater(careflexId::requestFocus));
        Button createButton = (Button) dialog.getDialogPane().lookupButton(create);
        createButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            model.createCompany(careflexId.getText(), name.getText(), company -> {
                dialog.setResult(create);
                dialog.close();
                model.messageProperty().set(Messages.format(locale, "incidents.company.created", company.name()));
            }, problem::setText);
        });
        dialog.showAndWait();
    }

    private String text(String key) {
        return Messages.format(locale, key);
    }
}
