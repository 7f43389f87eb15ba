package de.meldedesk.ui.incidents;

import atlantafx.base.theme.Styles;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.domain.validation.FieldRules;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.ui.common.DateField;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Builds the editor's inputs into the form box and keeps them in step with
 * the {@link IncidentEditorModel}: one input per {@link IncidentField}, in tab
 * order, each decorated with the problems of its field.
 */
final class IncidentEditorView {

    private final IncidentEditorModel model;
    private final Locale locale;
    private final IncidentTypeCatalogue catalogue;
    private final Supplier<LocalDate> today;
    private final Map<IncidentField, Region> inputs = new EnumMap<>(IncidentField.class);
    private final Map<IncidentField, Node> focusTargets = new EnumMap<>(IncidentField.class);
    private final ComboBox<Company> companyBox = new ComboBox<>();
    private final TextField employeeSearch = new TextField();
    private final ListView<StoredEmployee> employeeMatches = new ListView<>();

    IncidentEditorView(IncidentEditorModel model, ObservableList<Company> companies, IncidentTypeCatalogue catalogue,
            Supplier<LocalDate> today, Locale locale) {
        this.model = model;
        this.locale = locale;
        this.catalogue = catalogue;
        this.today = today;
        companyBox.setItems(companies);
    }

    /** Fills {@code box} with the sections of the form. */
    void build(VBox box) {
        BooleanExpression editable = model.openProperty().and(model.editableProperty());

        GridPane incident = grid();
        companyBox.setId("editor-company");
        companyBox.setAccessibleText(text("incidents.editor.company"));
        companyBox.setMaxWidth(Double.MAX_VALUE);
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
        companyBox.valueProperty().bindBidirectional(model.companyProperty());
        companyBox.disableProperty().bind(editable.not());
        employeeSearch.setId("employee-search");
        employeeSearch.setPromptText(text("incidents.editor.employeeSearch.prompt"));
        employeeSearch.setAccessibleText(text("incidents.editor.employeeSearch"));
        employeeSearch.textProperty().addListener((obs, old, now) -> {
            if (employeeSearch.isFocused()) {
                model.searchEmployees(now);
            }
        });
        employeeSearch.disableProperty().bind(editable.not());
        employeeSearch.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !employeeMatches.getItems().isEmpty()) {
                employeeMatches.requestFocus();
                employeeMatches.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        employeeMatches.setId("employee-matches");
        employeeMatches.setItems(model.employeeMatches());
        employeeMatches.setPrefHeight(96);
        employeeMatches.visibleProperty().bind(Bindings.isNotEmpty(model.employeeMatches()));
        employeeMatches.managedProperty().bind(employeeMatches.visibleProperty());
        employeeMatches.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(StoredEmployee item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Messages.format(locale, "incidents.editor.employeeMatch",
                        item.employee().lastName(), item.employee().firstName(), item.employeeId(),
                        item.employee().job().personnelNumber() == null ? "–" : item.employee().job().personnelNumber()));
            }
        });
        employeeMatches.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && employeeMatches.getSelectionModel().getSelectedItem() != null) {
                model.applyEmployee(employeeMatches.getSelectionModel().getSelectedItem());
                employeeSearch.clear();
                focus(IncidentField.VALID_FROM);
                e.consume();
            }
        });
        employeeMatches.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && employeeMatches.getSelectionModel().getSelectedItem() != null) {
                model.applyEmployee(employeeMatches.getSelectionModel().getSelectedItem());
                employeeSearch.clear();
            }
        });

        int row = 0;
        addPair(incident, row, 0, text("incidents.editor.company"), companyBox);
        addPair(incident, row++, 2, text("incidents.editor.employeeSearch"), employeeSearch);
        incident.add(employeeMatches, 1, row++, 3, 1);
        addField(incident, row, 0, IncidentField.EMPLOYEE_ID, textInput(IncidentField.EMPLOYEE_ID), editable);
        addField(incident, row++, 2, IncidentField.TYPE, typeInput(), editable);
        addField(incident, row, 0, IncidentField.CREATED_AT, dateInput(IncidentField.CREATED_AT, DateText.Kind.NEAR_TODAY),
                editable);
        addField(incident, row++, 2, IncidentField.VALID_FROM, dateInput(IncidentField.VALID_FROM, DateText.Kind.NEAR_TODAY),
                editable);
        addField(incident, row++, 0, IncidentField.EXTERNAL_ID, textInput(IncidentField.EXTERNAL_ID), editable);

        FlowPane parts = new FlowPane(12, 4);
        parts.getStyleClass().add("parts-box");
        for (MasterDataPart part : MasterDataPart.values()) {
            CheckBox check = new CheckBox(text("incidents.part." + part.name()));
            check.setId("part-" + part.name().toLowerCase(Locale.ROOT));
            check.selectedProperty().bindBidirectional(model.includedProperty(part));
            check.disableProperty().bind(editable.not().or(model.lockedProperty(part)));
            parts.getChildren().add(check);
        }
        Label partsLabel = fieldLabel(text("incidents.editor.parts"));
        incident.add(partsLabel, 0, row);
        incident.add(parts, 1, row, 3, 1);

        box.getChildren().add(section(text("incidents.section.incident")));
        box.getChildren().add(incident);

        GridPane person = grid();
        addField(person, 0, 0, IncidentField.FIRST_NAME, textInput(IncidentField.FIRST_NAME), partEditable(MasterDataPart.NAMES, editable));
        addField(person, 0, 2, IncidentField.LAST_NAME, textInput(IncidentField.LAST_NAME), partEditable(MasterDataPart.NAMES, editable));
        BooleanExpression personal = partEditable(MasterDataPart.PERSONAL, editable);
        addField(person, 1, 0, IncidentField.TITLE, textInput(IncidentField.TITLE), personal);
        addField(person, 1, 2, IncidentField.BIRTHDAY, dateInput(IncidentField.BIRTHDAY, DateText.Kind.PAST), personal);
        addField(person, 2, 0, IncidentField.SEX, codeInput(IncidentField.SEX, FieldRules.KNOWN_SEX_CODES,
                code -> code + " – " + text("incidents.sex." + code)), personal);
        box.getChildren().addAll(section(text("incidents.section.person")), person);

        GridPane address = grid();
        BooleanExpression addressEditable = partEditable(MasterDataPart.ADDRESS, editable);
        addField(address, 0, 0, IncidentField.STREET, textInput(IncidentField.STREET), addressEditable);
        addField(address, 0, 2, IncidentField.HOUSE_NUMBER, textInput(IncidentField.HOUSE_NUMBER), addressEditable);
        addField(address, 1, 0, IncidentField.ADDRESS_SUFFIX, textInput(IncidentField.ADDRESS_SUFFIX), addressEditable);
        addField(address, 1, 2, IncidentField.ZIP_CODE, textInput(IncidentField.ZIP_CODE), addressEditable);
        addField(address, 2, 0, IncidentField.CITY, textInput(IncidentField.CITY), addressEditable);
        addField(address, 2, 2, IncidentField.COUNTRY, countryInput(), addressEditable);
        box.getChildren().addAll(section(text("incidents.section.address")), address);

        GridPane job = grid();
        BooleanExpression jobEditable = partEditable(MasterDataPart.JOB, editable);
        addField(job, 0, 0, IncidentField.EMPLOYMENT_SITE, textInput(IncidentField.EMPLOYMENT_SITE), jobEditable);
        addField(job, 0, 2, IncidentField.EMPLOYMENT_STATUS, codeInput(IncidentField.EMPLOYMENT_STATUS,
                FieldRules.KNOWN_EMPLOYMENT_STATUS_CODES, code -> code),
                jobEditable);
        addField(job, 1, 0, IncidentField.START_OF_EMPLOYMENT,
                dateInput(IncidentField.START_OF_EMPLOYMENT, DateText.Kind.NEAR_TODAY), jobEditable);
        addField(job, 1, 2, IncidentField.PERSONNEL_NUMBER, textInput(IncidentField.PERSONNEL_NUMBER), jobEditable);
        addField(job, 2, 0, IncidentField.MANAGEMENT, codeInput(IncidentField.MANAGEMENT,
                List.of(text("incidents.yes"), text("incidents.no")), code -> code), jobEditable);
        box.getChildren().addAll(section(text("incidents.section.job")), job);

        GridPane contact = grid();
        BooleanExpression contactEditable = partEditable(MasterDataPart.CONTACT, editable);
        addField(contact, 0, 0, IncidentField.EMAIL_BUSINESS, textInput(IncidentField.EMAIL_BUSINESS), contactEditable);
        addField(contact, 0, 2, IncidentField.MOBILE_BUSINESS, textInput(IncidentField.MOBILE_BUSINESS), contactEditable);
        addField(contact, 1, 0, IncidentField.LANDLINE_BUSINESS, textInput(IncidentField.LANDLINE_BUSINESS),
                contactEditable);
        box.getChildren().addAll(section(text("incidents.section.contact")), contact);

        model.form().problems().addListener((ListChangeListener<Problem>) change -> decorate());
        model.openProperty().addListener((obs, was, open) -> decorate());
        decorate();
    }

    private BooleanExpression partEditable(MasterDataPart part, BooleanExpression editable) {
        return editable.and(model.includedProperty(part));
    }

    /** Returns the node that takes the focus for a field: the text editor inside date and combo inputs. */
    Node focusTarget(IncidentField field) {
        return focusTargets.get(field);
    }

    /** Returns the field whose input contains {@code node}, or null. */
    IncidentField fieldOf(Node node) {
        for (Map.Entry<IncidentField, Node> entry : focusTargets.entrySet()) {
            for (Node n = node; n != null; n = n.getParent()) {
                if (n == entry.getValue() || n == inputs.get(entry.getKey())) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    void focus(IncidentField field) {
        Node target = focusTargets.get(field);
        if (target != null) {
            target.requestFocus();
        }
    }

    Node firstInput() {
        return employeeSearch;
    }

    private void decorate() {
        for (Map.Entry<IncidentField, Region> entry : inputs.entrySet()) {
            // Without an open incident the empty form's "required" errors would paint every field red.
            List<Problem> problems = model.openProperty().get() ? model.form().problemsFor(entry.getKey()) : List.of();
            Node target = focusTargets.get(entry.getKey());
            boolean error = problems.stream().anyMatch(Problem::isError);
            boolean warning = !error && !problems.isEmpty();
            target.pseudoClassStateChanged(Styles.STATE_DANGER, error);
            target.pseudoClassStateChanged(Styles.STATE_WARNING, warning);
            entry.getValue().pseudoClassStateChanged(Styles.STATE_DANGER, error);
            entry.getValue().pseudoClassStateChanged(Styles.STATE_WARNING, warning);
            // A combo box binds its editor's tooltip to its own, so the tooltip goes on the outer control.
            Control control = entry.getValue() instanceof Control outer ? outer : (Control) target;
            if (problems.isEmpty()) {
                control.setTooltip(null);
                control.setAccessibleHelp(null);
            } else {
                StringBuilder text = new StringBuilder();
                for (Problem problem : problems) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(problem.message(locale));
                }
                control.setTooltip(new Tooltip(text.toString()));
                control.setAccessibleHelp(text.toString());
            }
        }
    }

    private TextField textInput(IncidentField field) {
        TextField input = new TextField();
        input.textProperty().bindBidirectional(model.form().field(field));
        focusTargets.put(field, input);
        return input;
    }

    private DateField dateInput(IncidentField field, DateText.Kind kind) {
        DateField input = new DateField(kind, locale);
        input.setToday(today);
        input.textProperty().bindBidirectional(model.form().field(field));
        focusTargets.put(field, input.editor());
        return input;
    }

    private ComboBox<String> typeInput() {
        List<String> codes = catalogue.all().stream().map(IncidentType::code).toList();
        return codeInput(IncidentField.TYPE, codes, code -> catalogue.find(code)
                .map(type -> type.code() + " – " + type.label(locale)).orElse(code));
    }

    /** Creates an editable list of known codes that also accepts other text; the list shows each code's meaning. */
    private ComboBox<String> codeInput(IncidentField field, List<String> codes, Function<String, String> label) {
        ComboBox<String> input = new ComboBox<>(FXCollections.observableArrayList(codes));
        input.setEditable(true);
        input.setMaxWidth(Double.MAX_VALUE);
        input.getEditor().textProperty().bindBidirectional(model.form().field(field));
        input.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        });
        focusTargets.put(field, input.getEditor());
        return input;
    }

    /** Creates the country list. The editor takes the ISO code, and typing narrows the open list by code or name. */
    private ComboBox<String> countryInput() {
        FilteredList<String> codes = new FilteredList<>(FXCollections.observableArrayList(Countries.codes(locale)));
        ComboBox<String> input = new ComboBox<>(codes);
        input.setEditable(true);
        input.setMaxWidth(Double.MAX_VALUE);
        input.getEditor().textProperty().bindBidirectional(model.form().field(IncidentField.COUNTRY));
        input.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Countries.label(item, locale));
            }
        });
        input.getEditor().textProperty().addListener((obs, old, now) -> {
            if (!input.isShowing()) {
                return;
            }
            String wanted = now == null ? "" : now.strip().toLowerCase(locale);
            codes.setPredicate(code -> wanted.isEmpty() || code.toLowerCase(Locale.ROOT).startsWith(wanted)
                    || Countries.name(code, locale).toLowerCase(locale).contains(wanted));
        });
        input.setOnHidden(e -> codes.setPredicate(null));
        focusTargets.put(IncidentField.COUNTRY, input.getEditor());
        return input;
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints label = new ColumnConstraints(120, 140, 170);
        ColumnConstraints input = new ColumnConstraints(140, 200, Double.MAX_VALUE);
        input.setHgrow(Priority.ALWAYS);
        ColumnConstraints label2 = new ColumnConstraints(120, 140, 170);
        ColumnConstraints input2 = new ColumnConstraints(140, 200, Double.MAX_VALUE);
        input2.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, input, label2, input2);
        return grid;
    }

    private void addField(GridPane grid, int row, int column, IncidentField field, Region input,
            BooleanExpression enabled) {
        String labelText = text(field.labelKey());
        input.setId(field.nodeId());
        input.setMaxWidth(Double.MAX_VALUE);
        input.disableProperty().bind(enabled.not());
        Node target = focusTargets.get(field);
        target.setAccessibleText(labelText);
        inputs.put(field, input);
        addPair(grid, row, column, labelText, input);
    }

    private void addPair(GridPane grid, int row, int column, String labelText, Region input) {
        Label label = fieldLabel(labelText);
        label.setLabelFor(input);
        grid.add(label, column, row);
        grid.add(input, column + 1, row);
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        return label;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-heading");
        return label;
    }

    private String text(String key) {
        return Messages.format(locale, key);
    }
}
