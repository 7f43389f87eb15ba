package de.meldedesk.ui.settings;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.PartRule;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.IncidentTypeFile;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The "Einstellungen" screen: language, data folder and the incident-type catalogue. */
public class SettingsController {

    private final Locale locale;
    private final SettingsModel model;

    @FXML private ComboBox<String> languageBox;
    @FXML private Button saveLanguageButton;
    @FXML private Label languageMessage;
    @FXML private TextField folderField;
    @FXML private Button openFolderButton;
    @FXML private Label folderMessage;
    @FXML private TableView<IncidentType> typeTable;
    @FXML private TableColumn<IncidentType, String> codeColumn;
    @FXML private TableColumn<IncidentType, String> labelDeColumn;
    @FXML private TableColumn<IncidentType, String> labelEnColumn;
    @FXML private TableColumn<IncidentType, String> namesColumn;
    @FXML private TableColumn<IncidentType, String> personalColumn;
    @FXML private TableColumn<IncidentType, String> addressColumn;
    @FXML private TableColumn<IncidentType, String> jobColumn;
    @FXML private TableColumn<IncidentType, String> contactColumn;
    @FXML private TextField codeField;
    @FXML private Label codeMessage;
    @FXML private TextField labelDeField;
    @FXML private Label labelMessage;
    @FXML private TextField labelEnField;
    @FXML private FlowPane ruleBoxes;
    @FXML private Button addTypeButton;
    @FXML private Label typeMessage;

    public SettingsController(AppContext context) {
        this.locale = context.locale();
        this.model = new SettingsModel(context.settings(), new IncidentTypeFile(context.paths().dataDir()),
                context::catalogue, context::setCatalogue, context.paths().dataDir(), FolderOpener.system(),
                context.runner(), locale);
    }

    /** Returns the model, for tests. */
    public SettingsModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        languageBox.getItems().setAll(SettingsModel.LANGUAGES);
        languageBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : Messages.format(locale, "settingsView.language." + code);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        languageBox.valueProperty().bindBidirectional(model.languageProperty());
        languageBox.setAccessibleText(Messages.format(locale, "settingsView.language.label"));
        languageMessage.textProperty().bind(model.languageMessageProperty());

        folderField.setText(model.dataDir().toString());
        folderField.setAccessibleText(Messages.format(locale, "settingsView.folder.title"));
        openFolderButton.setGraphic(new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        folderMessage.textProperty().bind(model.folderMessageProperty());

        codeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().code()));
        labelDeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().labelDe()));
        labelEnColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().labelEn()));
        ruleColumn(namesColumn, MasterDataPart.NAMES);
        ruleColumn(personalColumn, MasterDataPart.PERSONAL);
        ruleColumn(addressColumn, MasterDataPart.ADDRESS);
        ruleColumn(jobColumn, MasterDataPart.JOB);
        ruleColumn(contactColumn, MasterDataPart.CONTACT);
        typeTable.setItems(model.types());

        codeField.textProperty().bindBidirectional(model.codeProperty());
        labelDeField.textProperty().bindBidirectional(model.labelDeProperty());
        labelEnField.textProperty().bindBidirectional(model.labelEnProperty());
        codeField.setAccessibleText(Messages.format(locale, "settingsView.types.code"));
        labelDeField.setAccessibleText(Messages.format(locale, "settingsView.types.labelDe"));
        labelEnField.setAccessibleText(Messages.format(locale, "settingsView.types.labelEn"));
        // An empty new form shows no errors; the add button stays disabled until it is valid.
        codeMessage.textProperty().bind(shownWhenTyped(model.codeProperty(), model.codeErrorProperty()));
        labelMessage.textProperty().bind(shownWhenTyped(model.codeProperty(), model.labelErrorProperty()));
        int position = 0;
        for (MasterDataPart part : MasterDataPart.values()) {
            ruleBoxes.getChildren().add(position++, ruleChoice(part));
        }
        addTypeButton.disableProperty().bind(model.typeValidBinding().not());
        addTypeButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        saveLanguageButton.setGraphic(new FontIcon(Material2OutlinedMZ.SAVE));
        typeMessage.textProperty().bind(model.typeMessageProperty());
        collapseWhenEmpty(languageMessage, folderMessage, codeMessage, labelMessage, typeMessage);
    }

    /** Takes message labels out of the layout while they are empty, so they leave no gaps. */
    private static void collapseWhenEmpty(Label... labels) {
        for (Label label : labels) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
        }
    }

    private static javafx.beans.binding.StringBinding shownWhenTyped(StringProperty typed,
            ReadOnlyStringProperty error) {
        return Bindings.createStringBinding(() -> typed.get() == null || typed.get().isBlank() ? "" : error.get(),
                typed, error);
    }

    private void ruleColumn(TableColumn<IncidentType, String> column, MasterDataPart part) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(ruleLabel(c.getValue().rule(part))));
    }

    private String ruleLabel(PartRule rule) {
        return Messages.format(locale, "settingsView.rule." + rule.name());
    }

    private VBox ruleChoice(MasterDataPart part) {
        Label label = new Label(Messages.format(locale, "settingsView.part." + part.name()));
        ComboBox<PartRule> box = new ComboBox<>();
        box.getItems().setAll(PartRule.values());
        box.setId("settings-type-rule-" + part.name().toLowerCase(Locale.ROOT));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(PartRule rule) {
                return rule == null ? "" : ruleLabel(rule);
            }

            @Override
            public PartRule fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(model.rule(part));
        box.setAccessibleText(label.getText());
        label.setLabelFor(box);
        return new VBox(2, label, box);
    }

    @FXML
    private void saveLanguage() {
        model.saveLanguage();
    }

    @FXML
    private void openFolder() {
        model.openDataFolder();
    }

    @FXML
    private void addType() {
        model.addType();
    }
}
