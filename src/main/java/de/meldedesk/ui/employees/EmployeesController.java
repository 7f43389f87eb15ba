package de.meldedesk.ui.employees;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.EmployeeChange;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.domain.validation.FieldRules;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.ui.common.DateField;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The "Mitarbeiter" screen: search on the left, the master-data form and its change history on the right. */
public class EmployeesController {

    /** The form groups and their fields, in the order the clerk reads them. */
    private static final Map<String, List<IncidentField>> GROUPS = Map.of(
            "employees.group.person", List.of(IncidentField.EMPLOYEE_ID, IncidentField.TITLE,
                    IncidentField.FIRST_NAME, IncidentField.LAST_NAME, IncidentField.BIRTHDAY, IncidentField.SEX),
            "employees.group.address", List.of(IncidentField.STREET, IncidentField.HOUSE_NUMBER,
                    IncidentField.ADDRESS_SUFFIX, IncidentField.ZIP_CODE, IncidentField.CITY, IncidentField.COUNTRY),
            "employees.group.job", List.of(IncidentField.EMPLOYMENT_SITE, IncidentField.EMPLOYMENT_STATUS,
                    IncidentField.START_OF_EMPLOYMENT, IncidentField.PERSONNEL_NUMBER, IncidentField.MANAGEMENT),
            "employees.group.contact", List.of(IncidentField.EMAIL_BUSINESS, IncidentField.MOBILE_BUSINESS,
                    IncidentField.LANDLINE_BUSINESS));
    private static final List<String> GROUP_ORDER = List.of(
            "employees.group.person", "employees.group.address", "employees.group.job", "employees.group.contact");

    private final Locale locale;
    private final EmployeeFormModel model;
    private final Map<IncidentField, Label> messages = new EnumMap<>(IncidentField.class);
    private final Map<IncidentField, Control> inputs = new EnumMap<>(IncidentField.class);
    /** The node laid out for a field whose input control sits inside another node, such as a date field. */
    private final Map<IncidentField, Node> wrapInputs = new EnumMap<>(IncidentField.class);

    @FXML private ComboBox<Company> companyBox;
    @FXML private TextField searchField;
    @FXML private Button newButton;
    @FXML private TableView<StoredEmployee> table;
    @FXML private TableColumn<StoredEmployee, String> nameColumn;
    @FXML private TableColumn<StoredEmployee, String> employeeIdColumn;
    @FXML private TableColumn<StoredEmployee, String> personnelNumberColumn;
    @FXML private TableColumn<StoredEmployee, String> companyColumn;
    @FXML private TableColumn<StoredEmployee, String> siteColumn;
    @FXML private Label formTitle;
    @FXML private VBox groups;
    @FXML private Button saveButton;
    @FXML private Label message;
    @FXML private TableView<EmployeeChange> historyTable;
    @FXML private TableColumn<EmployeeChange, String> changedAtColumn;
    @FXML private TableColumn<EmployeeChange, String> fieldColumn;
    @FXML private TableColumn<EmployeeChange, String> oldColumn;
    @FXML private TableColumn<EmployeeChange, String> newColumn;
    @FXML private TableColumn<EmployeeChange, String> sourceColumn;

    public EmployeesController(AppContext context) {
        this.locale = context.locale();
        this.model = new EmployeeFormModel(context.store().employees(), context.store().companies(),
                context.runner(), locale, () -> LocalDate.now(context.clock()));
    }

    /** Returns the form model, for tests. */
    public EmployeeFormModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        initSearch();
        initForm();
        initHistory();
        // The main window adds the screen to the scene each time it is shown; companies may have changed meanwhile.
        table.sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.loadCompanies();
            }
        });
        model.loadCompanies();
    }

    private void initSearch() {
        companyBox.setItems(model.companies());
        companyBox.valueProperty().bindBidirectional(model.companyProperty());
        companyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Company company) {
                return company == null ? "" : company.name() + " (" + company.careflexId() + ")";
            }

            @Override
            public Company fromString(String text) {
                return null;
            }
        });
        companyBox.setAccessibleText(Messages.format(locale, "employees.company"));
        companyBox.valueProperty().addListener((obs, old, now) -> model.search());
        searchField.textProperty().bindBidirectional(model.searchTextProperty());
        searchField.textProperty().addListener((obs, old, now) -> model.search());
        searchField.setAccessibleText(Messages.format(locale, "employees.searchPrompt"));
        newButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));

        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(displayName(c.getValue())));
        employeeIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().employeeId()));
        personnelNumberColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                nullToEmpty(c.getValue().employee().job().personnelNumber())));
        companyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(companyName(c.getValue().companyId())));
        siteColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                nullToEmpty(c.getValue().employee().job().employmentSite())));
        table.setItems(model.results());
        table.setPlaceholder(new Label(Messages.format(locale, "employees.list.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.edit(now);
            }
        });
    }

    private void initForm() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Control.USE_PREF_SIZE);
        ColumnConstraints inputsColumn = new ColumnConstraints();
        inputsColumn.setHgrow(Priority.ALWAYS);
        inputsColumn.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputsColumn);
        int row = 0;
        for (String group : GROUP_ORDER) {
            row = addGroup(grid, row, group, GROUPS.get(group));
        }
        groups.getChildren().add(grid);
        model.problems().addListener((ListChangeListener<Problem>) change -> showProblems());
        showProblems();
        inputs.get(IncidentField.EMPLOYEE_ID).disableProperty().bind(model.editingProperty().isNotNull());
        formTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            StoredEmployee editing = model.editingProperty().get();
            return editing == null ? Messages.format(locale, "employees.form.newTitle")
                    : Messages.format(locale, "employees.form.editTitle", displayName(editing), editing.employeeId());
        }, model.editingProperty()));
        saveButton.disableProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
    }

    /** Adds one group to the form grid: its title across both columns, then label, input and message per field. */
    private int addGroup(GridPane grid, int firstRow, String titleKey, List<IncidentField> fields) {
        Label title = new Label(Messages.format(locale, titleKey));
        title.getStyleClass().add("group-title");
        grid.add(title, 0, firstRow, 2, 1);
        int row = firstRow + 1;
        for (IncidentField field : fields) {
            Label label = new Label(Messages.format(locale, field.labelKey()));
            Control input = input(field);
            input.setId(field.nodeId());
            input.setAccessibleText(label.getText());
            input.setMaxWidth(Double.MAX_VALUE);
            if (Messages.has(locale, field.helpKey())) {
                input.setTooltip(new Tooltip(Messages.format(locale, field.helpKey())));
            }
            label.setLabelFor(input);
            Label problem = new Label();
            problem.setId(field.nodeId() + "-message");
            problem.setWrapText(true);
            problem.getStyleClass().add("field-message");
            problem.managedProperty().bind(problem.textProperty().isNotEmpty());
            problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
            messages.put(field, problem);
            inputs.put(field, input);
            grid.add(label, 0, row);
            grid.add(wrapInputs.getOrDefault(field, input), 1, row);
            grid.add(problem, 1, row + 1);
            row += 2;
        }
        return row;
    }

    private Control input(IncidentField field) {
        StringProperty text = model.field(field);
        switch (field) {
            case SEX:
                return choice(text, FieldRules.KNOWN_SEX_CODES, "employees.sex.");
            case EMPLOYMENT_STATUS:
                return choice(text, FieldRules.KNOWN_EMPLOYMENT_STATUS_CODES, "employees.employmentStatus.");
            case COUNTRY:
                return country(text);
            case MANAGEMENT:
                return management(text);
            default:
                break;
        }
        if (field.isDate()) {
            DateField date = new DateField(field.kind() == IncidentField.Kind.BIRTHDAY
                    ? DateText.Kind.PAST : DateText.Kind.NEAR_TODAY, locale);
            date.textProperty().bindBidirectional(text);
            // The DateField is an HBox; its editor is the control that takes focus and the id.
            TextField editor = date.editor();
            date.setMaxWidth(Double.MAX_VALUE);
            wrapInputs.put(field, date);
            return editor;
        }
        TextField textField = new TextField();
        textField.textProperty().bindBidirectional(text);
        return textField;
    }

    /** Creates an editable choice of the known codes that also accepts any other code. */
    private ComboBox<String> choice(StringProperty text, List<String> codes, String labelPrefix) {
        ComboBox<String> box = new ComboBox<>();
        box.setEditable(true);
        box.getItems().setAll(codes);
        box.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String code, boolean empty) {
                super.updateItem(code, empty);
                setText(empty || code == null ? null : Messages.has(locale, labelPrefix + code)
                        ? Messages.format(locale, labelPrefix + code) : code);
            }
        });
        box.getEditor().textProperty().bindBidirectional(text);
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(text.get())) {
                text.set(now);
            }
        });
        return box;
    }

    private SearchableComboBox<String> country(StringProperty text) {
        SearchableComboBox<String> box = new SearchableComboBox<>();
        box.getItems().setAll(CountryChoices.codes(locale));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return CountryChoices.label(code, locale);
            }

            @Override
            public String fromString(String label) {
                return label == null ? null : label.split(" ", 2)[0];
            }
        });
        box.setValue(text.get());
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(text.get())) {
                text.set(now);
            }
        });
        text.addListener((obs, old, now) -> {
            if (now == null || now.isBlank()) {
                box.setValue(null);
            } else if (!now.equals(box.getValue())) {
                box.setValue(box.getItems().contains(now) ? now : null);
            }
        });
        return box;
    }

    private ComboBox<String> management(StringProperty text) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll("", "ja", "nein");
        StringConverter<String> converter = new StringConverter<>() {
            @Override
            public String toString(String value) {
                if (value == null || value.isEmpty()) {
                    return Messages.format(locale, "employees.management.unknown");
                }
                return Messages.format(locale, "ja".equals(value) ? "employees.management.yes" : "employees.management.no");
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        };
        box.setConverter(converter);
        box.setValue(text.get());
        box.valueProperty().addListener((obs, old, now) -> text.set(now == null ? "" : now));
        text.addListener((obs, old, now) -> {
            String normalized = now == null ? "" : now;
            if (!normalized.equals(box.getValue())) {
                box.setValue(normalized);
            }
        });
        return box;
    }

    private void showProblems() {
        for (Map.Entry<IncidentField, Label> entry : messages.entrySet()) {
            List<Problem> found = model.problemsFor(entry.getKey());
            Label label = entry.getValue();
            label.setText(found.stream().map(p -> p.message(locale)).collect(Collectors.joining(" ")));
            boolean error = found.stream().anyMatch(Problem::isError);
            label.getStyleClass().removeAll("error", "warning");
            label.getStyleClass().add(error ? "error" : "warning");
            Control input = inputs.get(entry.getKey());
            if (input != null) {
                input.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, error);
                input.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_WARNING,
                        !error && !found.isEmpty());
            }
        }
    }

    private void initHistory() {
        DateTimeFormatter formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(Messages.supported(locale)).withZone(ZoneId.systemDefault());
        changedAtColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().changedAt() == null ? "" : formatter.format(c.getValue().changedAt())));
        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(fieldLabel(c.getValue().field())));
        oldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(nullToEmpty(c.getValue().oldValue())));
        newColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(nullToEmpty(c.getValue().newValue())));
        sourceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(sourceLabel(c.getValue().source())));
        historyTable.setItems(model.changes());
        historyTable.setPlaceholder(new Label(Messages.format(locale, "employees.history.empty")));
    }

    private String fieldLabel(String path) {
        String key = "field." + path;
        return Messages.has(locale, key) ? Messages.format(locale, key) : path;
    }

    private String sourceLabel(String source) {
        return EmployeeFormModel.SOURCE.equals(source) ? Messages.format(locale, "employees.history.typed")
                : nullToEmpty(source);
    }

    private String companyName(long companyId) {
        return model.companies().stream().filter(c -> c.id() == companyId).map(Company::name).findFirst().orElse("");
    }

    private static String displayName(StoredEmployee stored) {
        String last = nullToEmpty(stored.employee().lastName());
        String first = nullToEmpty(stored.employee().firstName());
        if (last.isEmpty() || first.isEmpty()) {
            return last + first;
        }
        return last + ", " + first;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @FXML
    private void newEmployee() {
        table.getSelectionModel().clearSelection();
        model.startNew();
        inputs.get(IncidentField.EMPLOYEE_ID).requestFocus();
    }

    @FXML
    private void save() {
        model.save();
    }
}
