package de.meldedesk.ui.importwizard;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ColumnMapping;
import de.meldedesk.importing.ImportField;
import de.meldedesk.importing.ImportFormat;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.service.ImportService;
import de.meldedesk.ui.common.DateField;
import de.meldedesk.ui.main.MainWindowController;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Import screen: a wizard from the file over reading options, column
 * mapping and a correctable preview to the stored drafts. The state lives in
 * {@link ImportWizardModel}, and this class binds the controls to it.
 */
public class ImportWizardController {

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"),
            StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16);
    private static final List<Character> DELIMITERS = List.of(';', ',', '\t', '|');
    private static final List<String> DATE_FORMATS = List.of("dd.MM.yyyy", "d.M.yy", "yyyy-MM-dd", "MM/dd/yyyy",
            "dd/MM/yyyy");
    private static final int HEADER_ROW_CHOICES = 10;

    private final ImportWizardModel model;
    private final Locale locale;
    private final List<Label> stepLabels = new ArrayList<>();
    private final DateField createdAtField;
    private final DateField validFromField;
    private List<ColumnMapping> previewColumns = List.of();
    private boolean fillingSheets;

    @FXML private BorderPane root;
    @FXML private Label fileLabel;
    @FXML private HBox stepBar;
    @FXML private VBox filePane;
    @FXML private ScrollPane optionsPane;
    @FXML private VBox mappingPane;
    @FXML private VBox previewPane;
    @FXML private VBox resultPane;
    @FXML private Button chooseFileButton;

    @FXML private Label formatGuess;
    @FXML private Label encodingLabel;
    @FXML private Label encodingGuess;
    @FXML private ComboBox<Choice<Charset>> encodingChoice;
    @FXML private Label delimiterLabel;
    @FXML private Label delimiterGuess;
    @FXML private ComboBox<Choice<Character>> delimiterChoice;
    @FXML private Label sheetLabel;
    @FXML private Label sheetGuess;
    @FXML private ComboBox<Choice<String>> sheetChoice;
    @FXML private Label headerRowLabel;
    @FXML private Label headerRowGuess;
    @FXML private ComboBox<Choice<Integer>> headerRowChoice;
    @FXML private Label dateFormatLabel;
    @FXML private Label dateFormatGuess;
    @FXML private ComboBox<Choice<String>> dateFormatChoice;
    @FXML private GridPane defaultsGrid;
    @FXML private Label companyLabel;
    @FXML private ComboBox<Company> companyChoice;
    @FXML private Label companyHint;
    @FXML private Label typeLabel;
    @FXML private ComboBox<Choice<String>> typeChoice;
    @FXML private Label createdAtLabel;
    @FXML private Label validFromLabel;
    @FXML private Label dateError;
    @FXML private ListView<String> fileProblemList;

    @FXML private Label profileNote;
    @FXML private TableView<MappingItem> mappingTable;
    @FXML private TableColumn<MappingItem, String> mappingLetterColumn;
    @FXML private TableColumn<MappingItem, String> mappingHeaderColumn;
    @FXML private TableColumn<MappingItem, String> mappingSamplesColumn;
    @FXML private TableColumn<MappingItem, MappingItem> mappingFieldColumn;
    @FXML private TableColumn<MappingItem, String> mappingSourceColumn;
    @FXML private Label profileNameLabel;
    @FXML private TextField profileName;
    @FXML private Button saveProfileButton;

    @FXML private Label previewSummary;
    @FXML private CheckBox onlyProblems;
    @FXML private CheckBox skipDuplicates;
    @FXML private TableView<PreviewRow> previewTable;
    @FXML private Label detailTitle;
    @FXML private ListView<String> detailList;

    @FXML private Label outcomeText;
    @FXML private ListView<ImportService.LeftOut> reworkList;
    @FXML private Button exportReworkButton;

    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private Button cancelButton;
    @FXML private Label messageLabel;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button importValidButton;
    @FXML private Button importAllButton;

    public ImportWizardController(AppContext context) {
        this.locale = context.locale();
        LocalDate today = LocalDate.now(context.clock());
        ImportWizardModel.Services services = new ImportWizardModel.Services(context.importEngine(),
                context.imports(), new ImportProfileStore(context.paths().dataDir().resolve("import-profiles")),
                context.store().companies(), context.store().incidents(), context.settings(), context.catalogue());
        this.model = new ImportWizardModel(services, context.runner(), locale, today);
        model.setOnDraftsChanged(context.workspace()::draftsChanged);
        createdAtField = new DateField(DateText.Kind.NEAR_TODAY, locale);
        validFromField = new DateField(DateText.Kind.NEAR_TODAY, locale);
        createdAtField.setToday(() -> today);
        validFromField.setToday(() -> today);
    }

    /** Returns the state behind the screen. */
    public ImportWizardModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        root.getProperties().put(MainWindowController.OPEN_FILE_HANDLER, (Consumer<Path>) model::open);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
        buildStepBar();
        bindNavigation();
        bindReadingOptions();
        bindDefaults();
        bindMapping();
        bindPreview();
        bindResult();
        model.fileProperty().addListener((obs, old, now) -> fileChanged(now));
        model.loadCompanies();
    }

    private void buildStepBar() {
        for (ImportWizardModel.Step step : ImportWizardModel.Step.values()) {
            Label label = new Label(Messages.format(locale, "importwizard.step." + step.name().toLowerCase(Locale.ROOT),
                    step.ordinal() + 1));
            label.setId("import-step-" + step.name().toLowerCase(Locale.ROOT));
            label.getStyleClass().add("import-step");
            stepLabels.add(label);
            stepBar.getChildren().add(label);
        }
    }

    private void bindNavigation() {
        ObjectProperty<ImportWizardModel.Step> step = model.stepProperty();
        filePane.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.FILE));
        optionsPane.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.OPTIONS));
        mappingPane.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.MAPPING));
        previewPane.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.PREVIEW));
        resultPane.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.RESULT));
        step.addListener((obs, old, now) -> showStep(now));
        showStep(step.get());

        backButton.visibleProperty().bind(step.isNotEqualTo(ImportWizardModel.Step.FILE)
                .and(step.isNotEqualTo(ImportWizardModel.Step.RESULT)));
        nextButton.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.OPTIONS)
                .or(step.isEqualTo(ImportWizardModel.Step.MAPPING)));
        importValidButton.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.PREVIEW));
        importAllButton.visibleProperty().bind(step.isEqualTo(ImportWizardModel.Step.PREVIEW));
        for (Button button : List.of(backButton, nextButton, importValidButton, importAllButton)) {
            button.managedProperty().bind(button.visibleProperty());
            button.disableProperty().bind(model.busyProperty());
        }
        chooseFileButton.disableProperty().bind(model.busyProperty());
        progressBox.visibleProperty().bind(model.busyProperty());
        progressBox.managedProperty().bind(model.busyProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        progressText.textProperty().bind(model.progressTextProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.managedProperty().bind(model.messageProperty().isNotEmpty());
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> model.pathProperty().get() == null ? ""
                : model.pathProperty().get().getFileName().toString(), model.pathProperty()));

        chooseFileButton.setAccessibleText(Messages.format(locale, "importwizard.file.choose"));
        cancelButton.setAccessibleText(Messages.format(locale, "importwizard.cancel"));
        importValidButton.setAccessibleText(Messages.format(locale, "importwizard.importValid"));
        importAllButton.setAccessibleText(Messages.format(locale, "importwizard.importAll"));
    }

    private void showStep(ImportWizardModel.Step now) {
        for (int i = 0; i < stepLabels.size(); i++) {
            Label label = stepLabels.get(i);
            label.getStyleClass().removeAll("import-step-active", "import-step-done");
            if (i == now.ordinal()) {
                label.getStyleClass().add("import-step-active");
            } else if (i < now.ordinal()) {
                label.getStyleClass().add("import-step-done");
            }
        }
    }

    private void bindReadingOptions() {
        String detect = Messages.format(locale, "importwizard.options.detect");
        List<Choice<Charset>> encodings = new ArrayList<>();
        encodings.add(new Choice<>(null, detect));
        ENCODINGS.forEach(charset -> encodings.add(new Choice<>(charset, charset.name())));
        Choice.bind(encodingChoice, encodings, model.encodingProperty());

        List<Choice<Character>> delimiters = new ArrayList<>();
        delimiters.add(new Choice<>(null, detect));
        DELIMITERS.forEach(c -> delimiters.add(new Choice<>(c, delimiterName(c))));
        Choice.bind(delimiterChoice, delimiters, model.delimiterProperty());

        List<Choice<Integer>> headerRows = new ArrayList<>();
        headerRows.add(new Choice<>(null, detect));
        headerRows.add(new Choice<>(0, Messages.format(locale, "importwizard.options.noHeader")));
        for (int row = 1; row <= HEADER_ROW_CHOICES; row++) {
            headerRows.add(new Choice<>(row, Messages.format(locale, "importwizard.options.row", row)));
        }
        Choice.bind(headerRowChoice, headerRows, model.headerRowProperty());

        List<Choice<String>> dateFormats = new ArrayList<>();
        dateFormats.add(new Choice<>(null, detect));
        DATE_FORMATS.forEach(pattern -> dateFormats.add(new Choice<>(pattern, pattern)));
        Choice.bind(dateFormatChoice, dateFormats, model.dateFormatProperty());

        Choice.bind(sheetChoice, List.of(new Choice<>(null, detect)), model.sheetProperty());

        labelFor(encodingLabel, encodingChoice);
        labelFor(delimiterLabel, delimiterChoice);
        labelFor(sheetLabel, sheetChoice);
        labelFor(headerRowLabel, headerRowChoice);
        labelFor(dateFormatLabel, dateFormatChoice);
        fileProblemList.setItems(model.fileProblems());
        fileProblemList.setCellFactory(list -> wrappingCell());
        fileProblemList.setPlaceholder(new Label(Messages.format(locale, "importwizard.options.noProblems")));
    }

    private void bindDefaults() {
        companyChoice.setItems(model.companies());
        companyChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Company company) {
                return company == null ? "" : Messages.format(locale, "importwizard.options.companyEntry",
                        company.name(), company.careflexId());
            }

            @Override
            public Company fromString(String text) {
                return null;
            }
        });
        companyChoice.valueProperty().bindBidirectional(model.companyProperty());
        companyHint.textProperty().bind(Bindings.createStringBinding(() -> model.companies().isEmpty()
                ? Messages.format(locale, "importwizard.options.noCompanies") : "", model.companies()));

        List<Choice<String>> types = new ArrayList<>();
        for (IncidentType type : model.catalogue().all()) {
            types.add(new Choice<>(type.code(), type.code() + " – " + type.label(locale)));
        }
        Choice.bind(typeChoice, types, model.typeProperty());

        defaultsGrid.add(createdAtField, 1, 2);
        defaultsGrid.add(validFromField, 1, 3);
        createdAtField.setId("import-created-at");
        validFromField.setId("import-valid-from");
        createdAtField.textProperty().set(DateText.german(model.createdAtProperty().get()));
        validFromField.textProperty().set(DateText.german(model.validFromProperty().get()));
        commitDateOnLeave(createdAtField, createdAtLabel, model.createdAtProperty());
        commitDateOnLeave(validFromField, validFromLabel, model.validFromProperty());

        labelFor(companyLabel, companyChoice);
        labelFor(typeLabel, typeChoice);
    }

    /** Hands a typed date to the model when the field is left or Enter is pressed, so a half-typed date is not read. */
    private void commitDateOnLeave(DateField field, Label label, ObjectProperty<LocalDate> property) {
        Runnable commit = () -> {
            DateText.Result result = DateText.parse(field.textProperty().get(), DateText.Kind.NEAR_TODAY,
                    property.get() == null ? LocalDate.now() : property.get());
            if (result.ok()) {
                dateError.setText("");
                property.set(result.date());
            } else {
                dateError.setText(Messages.format(locale, "importwizard.options.dateInvalid", label.getText(),
                        field.textProperty().get()));
            }
        };
        field.editor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        field.editor().setOnAction(e -> commit.run());
        field.editor().setAccessibleText(label.getText());
        label.setLabelFor(field.editor());
    }

    private void bindMapping() {
        profileNote.textProperty().bind(model.profileNoteProperty());
        profileNote.managedProperty().bind(model.profileNoteProperty().isNotEmpty());
        mappingTable.setItems(model.mapping());
        mappingTable.setPlaceholder(new Label(Messages.format(locale, "importwizard.mapping.empty")));
        mappingLetterColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().letter()));
        mappingHeaderColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().header()));
        mappingSamplesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(" · ",
                c.getValue().samples())));
        mappingSourceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(UiTexts.source(locale,
                c.getValue().source())));
        mappingFieldColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        List<Choice<ImportField>> fields = new ArrayList<>();
        fields.add(new Choice<>(null, UiTexts.fieldChoice(locale, null)));
        for (ImportField field : ImportField.values()) {
            fields.add(new Choice<>(field, UiTexts.fieldChoice(locale, field)));
        }
        mappingFieldColumn.setCellFactory(column -> new FieldCell(fields));
        saveProfileButton.disableProperty().bind(profileName.textProperty().isEmpty()
                .or(model.busyProperty()));
        labelFor(profileNameLabel, profileName);
    }

    /** The mapping table's field column: a combo box per row that maps the column and re-reads. */
    private final class FieldCell extends TableCell<MappingItem, MappingItem> {
        private final ComboBox<Choice<ImportField>> box = new ComboBox<>();
        private boolean updating;

        FieldCell(List<Choice<ImportField>> fields) {
            box.getItems().setAll(fields);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setVisibleRowCount(14);
            box.setOnAction(e -> {
                MappingItem item = getItem();
                if (!updating && item != null && box.getValue() != null && box.getValue().value() != item.field()) {
                    model.mapColumn(item.letter(), box.getValue().value());
                }
            });
        }

        @Override
        protected void updateItem(MappingItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            updating = true;
            Choice.select(box, item.field());
            updating = false;
            box.setAccessibleText(Messages.format(locale, "importwizard.mapping.fieldFor", item.letter(),
                    item.header()));
            setGraphic(box);
        }
    }

    private void bindPreview() {
        previewTable.setItems(model.visibleRows());
        previewTable.getSelectionModel().setCellSelectionEnabled(true);
        previewTable.setPlaceholder(new Label(Messages.format(locale, "importwizard.preview.empty")));
        onlyProblems.selectedProperty().bindBidirectional(model.onlyProblemsProperty());
        skipDuplicates.selectedProperty().bindBidirectional(model.skipDuplicatesProperty());
        previewSummary.textProperty().bind(Bindings.createStringBinding(() -> Messages.format(locale,
                "importwizard.preview.summary", model.rows().size(), model.errorRowsProperty().get(),
                model.duplicateRowsProperty().get(), model.visibleRows().size()),
                model.rows(), model.visibleRows(), model.errorRowsProperty(), model.duplicateRowsProperty()));
        previewTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showDetails(now));
        model.rows().addListener((ListChangeListener<PreviewRow>) change ->
                showDetails(previewTable.getSelectionModel().getSelectedItem()));
        detailList.setCellFactory(list -> wrappingCell());
        detailList.setPlaceholder(new Label(Messages.format(locale, "importwizard.preview.selectRow")));
        showDetails(null);
    }

    private void showDetails(PreviewRow row) {
        if (row == null) {
            detailTitle.setText(Messages.format(locale, "importwizard.preview.detailNone"));
            detailList.getItems().clear();
            return;
        }
        List<String> problems = row.problemTexts(locale);
        List<String> changes = row.changeTexts(locale);
        detailTitle.setText(Messages.format(locale, "importwizard.preview.detailTitle", row.rowNumber(),
                problems.size(), changes.size()));
        List<String> lines = new ArrayList<>(problems);
        lines.addAll(changes);
        detailList.getItems().setAll(lines);
    }

    /** Rebuilds the grid's columns when the file's columns change; rows alone change through the list. */
    private void buildPreviewColumns(ImportedFile file) {
        List<ColumnMapping> columns = file == null ? List.of() : file.mapping();
        if (columns.equals(previewColumns)) {
            return;
        }
        previewColumns = columns;
        List<TableColumn<PreviewRow, ?>> all = new ArrayList<>();

        TableColumn<PreviewRow, Number> number = new TableColumn<>(Messages.format(locale,
                "importwizard.preview.column.row"));
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rowNumber()));
        number.setPrefWidth(60);
        number.setEditable(false);
        all.add(number);

        TableColumn<PreviewRow, String> status = new TableColumn<>(Messages.format(locale,
                "importwizard.preview.column.status"));
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(statusText(c.getValue())));
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(130);
        status.setEditable(false);
        all.add(status);

        for (ColumnMapping column : columns) {
            String title = column.field() == null ? column.header()
                    : column.header() + "\n→ " + UiTexts.fieldLabel(locale, column.field().path());
            TableColumn<PreviewRow, String> tableColumn = new TableColumn<>(title);
            String header = column.header();
            tableColumn.setId("import-preview-col-" + column.letter());
            tableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(header)));
            tableColumn.setCellFactory(c -> new PreviewCell(column, locale,
                    (row, text) -> model.editCell(row, header, text)));
            int titleLength = column.field() == null ? header.length()
                    : Math.max(header.length(), UiTexts.fieldLabel(locale, column.field().path()).length() + 2);
            tableColumn.setPrefWidth(Math.max(90, Math.min(230, 24 + 8 * titleLength)));
            tableColumn.setEditable(true);
            all.add(tableColumn);
        }
        previewTable.getColumns().setAll(all);
    }

    private String statusText(PreviewRow row) {
        if (row.hasErrors()) {
            return Messages.format(locale, "importwizard.preview.status.errors", row.row().errors().size());
        }
        if (row.row().duplicateOf() != null) {
            return Messages.format(locale, "importwizard.preview.status.duplicateRow", row.row().duplicateOf());
        }
        if (row.earlier() != null) {
            return Messages.format(locale, "importwizard.preview.status.duplicateStore");
        }
        if (!row.row().problems().isEmpty()) {
            return Messages.format(locale, "importwizard.preview.status.notes", row.row().problems().size());
        }
        return Messages.format(locale, "importwizard.preview.status.ok");
    }

    /** The status column: marked like a problem cell, with the row's problems that no column shows as tooltip. */
    private final class StatusCell extends TableCell<PreviewRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(PreviewCell.ERROR_CLASS, PreviewCell.WARNING_CLASS);
            PreviewRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(item);
            if (row.hasErrors()) {
                getStyleClass().add(PreviewCell.ERROR_CLASS);
            } else if (row.hasProblems()) {
                getStyleClass().add(PreviewCell.WARNING_CLASS);
            }
            List<String> texts = row.problemTexts(locale);
            if (texts.isEmpty()) {
                setTooltip(null);
            } else {
                javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip(String.join("\n", texts));
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(560);
                setTooltip(tooltip);
            }
        }
    }

    private void bindResult() {
        outcomeText.textProperty().bind(model.outcomeTextProperty());
        reworkList.setItems(model.rework());
        reworkList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ImportService.LeftOut item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.reasonText(item));
                setWrapText(true);
            }
        });
        reworkList.setPlaceholder(new Label(Messages.format(locale, "importwizard.rework.none")));
        exportReworkButton.disableProperty().bind(Bindings.isEmpty(model.rework()).or(model.busyProperty()));
    }

    private void fileChanged(ImportedFile file) {
        buildPreviewColumns(file);
        if (file == null) {
            return;
        }
        formatGuess.setText(Messages.format(locale, "importwizard.format." + file.format().name()));
        encodingGuess.setText(file.encoding() == null ? Messages.format(locale, "importwizard.options.notUsed")
                : file.encoding());
        delimiterGuess.setText(file.delimiter() == null ? Messages.format(locale, "importwizard.options.notUsed")
                : delimiterName(file.delimiter()));
        sheetGuess.setText(file.sheetName() == null ? Messages.format(locale, "importwizard.options.notUsed")
                : file.sheetName());
        headerRowGuess.setText(file.headerRow() == 0 ? Messages.format(locale, "importwizard.options.noHeader")
                : Messages.format(locale, "importwizard.options.row", file.headerRow()));
        dateFormatGuess.setText(model.dateFormatProperty().get() == null
                ? Messages.format(locale, "importwizard.options.dateDetected")
                : model.dateFormatProperty().get());
        boolean text = file.format() == ImportFormat.CSV || file.format() == ImportFormat.TEXT;
        encodingChoice.setDisable(!text);
        delimiterChoice.setDisable(!text);
        sheetChoice.setDisable(file.format() != ImportFormat.XLSX);
        headerRowChoice.setDisable(file.format() == ImportFormat.JSON);
        mappingTable.setEditable(file.format() != ImportFormat.JSON);
        fillSheets(file);
    }

    private void fillSheets(ImportedFile file) {
        if (fillingSheets) {
            return;
        }
        fillingSheets = true;
        List<Choice<String>> sheets = new ArrayList<>();
        sheets.add(new Choice<>(null, Messages.format(locale, "importwizard.options.detect")));
        file.sheetNames().forEach(name -> sheets.add(new Choice<>(name, name)));
        if (!sheets.stream().map(Choice::label).toList().equals(sheetChoice.getItems().stream().map(Choice::label)
                .toList())) {
            String chosen = model.sheetProperty().get();
            sheetChoice.getItems().setAll(sheets);
            Choice.select(sheetChoice, chosen);
        }
        fillingSheets = false;
    }

    private String delimiterName(char delimiter) {
        return switch (delimiter) {
            case ';' -> Messages.format(locale, "importwizard.delimiter.semicolon");
            case ',' -> Messages.format(locale, "importwizard.delimiter.comma");
            case '\t' -> Messages.format(locale, "importwizard.delimiter.tab");
            case '|' -> Messages.format(locale, "importwizard.delimiter.bar");
            default -> Messages.format(locale, "importwizard.delimiter.other", String.valueOf(delimiter));
        };
    }

    private static ListCell<String> wrappingCell() {
        ListCell<String> cell = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        cell.setPrefWidth(0);
        return cell;
    }

    private static void labelFor(Label label, javafx.scene.Node control) {
        label.setLabelFor(control);
        control.setAccessibleText(label.getText());
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && !model.busyProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void dragDropped(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            model.open(files.get(0).toPath());
        }
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.format(locale, "importwizard.file.chooserTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.format(locale, "importwizard.file.filterAll"),
                        "*.csv", "*.txt", "*.xlsx", "*.json"),
                new FileChooser.ExtensionFilter(Messages.format(locale, "importwizard.file.filterCsv"),
                        "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(Messages.format(locale, "importwizard.file.filterXlsx"), "*.xlsx"),
                new FileChooser.ExtensionFilter(Messages.format(locale, "importwizard.file.filterJson"), "*.json"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }

    @FXML
    private void saveProfile() {
        model.saveProfile(profileName.getText());
    }

    @FXML
    private void exportRework() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.format(locale, "importwizard.rework.chooserTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                Messages.format(locale, "importwizard.file.filterCsv"), "*.csv"));
        Path source = model.pathProperty().get();
        String base = source == null ? "import" : source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        chooser.setInitialFileName(Messages.format(locale, "importwizard.rework.fileName", base));
        File target = chooser.showSaveDialog(root.getScene().getWindow());
        if (target != null) {
            model.exportRework(target.toPath());
        }
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void importValid() {
        model.importRows(false);
    }

    @FXML
    private void importAll() {
        model.importRows(true);
    }

    @FXML
    private void startOver() {
        model.stepProperty().set(ImportWizardModel.Step.FILE);
    }
}
