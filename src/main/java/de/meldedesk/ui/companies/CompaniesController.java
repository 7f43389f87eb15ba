package de.meldedesk.ui.companies;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.SavedProfile;
import java.io.File;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The "Firmen & Zugang" screen: companies on one tab, connection profiles and the connection test on the other. */
public class CompaniesController {

    private final Locale locale;
    private final CompanyFormModel companies;
    private final ProfileFormModel profiles;

    @FXML private TableView<Company> companyTable;
    @FXML private TableColumn<Company, String> careflexIdColumn;
    @FXML private TableColumn<Company, String> nameColumn;
    @FXML private TableColumn<Company, String> roleColumn;
    @FXML private TableColumn<Company, String> statusColumn;
    @FXML private CheckBox showArchivedBox;
    @FXML private Button newCompanyButton;
    @FXML private Label companyFormTitle;
    @FXML private TextField careflexIdField;
    @FXML private Label careflexIdMessage;
    @FXML private TextField nameField;
    @FXML private Label nameMessage;
    @FXML private CheckBox managingBox;
    @FXML private ComboBox<Company> managedByBox;
    @FXML private Button saveCompanyButton;
    @FXML private Button deleteCompanyButton;
    @FXML private Button archiveCompanyButton;
    @FXML private Label companyMessage;

    @FXML private ComboBox<String> activeProfileBox;
    @FXML private ListView<SavedProfile> profileList;
    @FXML private Button newProfileButton;
    @FXML private Label profileFormTitle;
    @FXML private Label sandboxHint;
    @FXML private TextField profileNameField;
    @FXML private TextField tokenUrlField;
    @FXML private TextField incidentNewUrlField;
    @FXML private TextField incidentNoneUrlField;
    @FXML private Label urlMessage;
    @FXML private TextField proxyField;
    @FXML private Label proxyMessage;
    @FXML private ListView<String> caFileList;
    @FXML private Button addCaButton;
    @FXML private Button removeCaButton;
    @FXML private TextField serviceUserField;
    @FXML private Button saveProfileButton;
    @FXML private Button deleteProfileButton;
    @FXML private Button testButton;
    @FXML private Button testWithSecretButton;
    @FXML private Label testMessage;
    @FXML private Label profileMessage;

    public CompaniesController(AppContext context) {
        this.locale = context.locale();
        this.companies = new CompanyFormModel(context.store().companies(), context.runner(), locale);
        this.profiles = new ProfileFormModel(context.store().profiles(), context.connections(), context.vault(),
                context.settings(), context.workspace().activeProfileProperty(), context.runner(), locale,
                ZoneId.systemDefault());
    }

    /** Returns the company form model, for tests. */
    public CompanyFormModel companyModel() {
        return companies;
    }

    /** Returns the profile form model, for tests. */
    public ProfileFormModel profileModel() {
        return profiles;
    }

    @FXML
    private void initialize() {
        initCompanies();
        initProfiles();
        collapseWhenEmpty(careflexIdMessage, nameMessage, companyMessage, urlMessage, proxyMessage, testMessage,
                profileMessage);
        companies.reload();
        companies.startNew();
        profiles.reload(null);
    }

    private void initCompanies() {
        careflexIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().careflexId()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        roleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(roleOf(c.getValue())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Messages.format(locale,
                c.getValue().archived() ? "companies.status.archived" : "companies.status.active")));
        companyTable.setItems(companies.companies());
        companyTable.setPlaceholder(new Label(Messages.format(locale, "companies.list.empty")));
        companyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            Company editing = companies.editingProperty().get();
            // After a save the list reloads and selects the same company again; the form keeps its message then.
            if (now != null && (editing == null || editing.id() != now.id())) {
                companies.edit(now);
            }
        });
        // Keep the edited company selected after the list reloads.
        companies.companies().addListener((ListChangeListener<Company>) change -> {
            Company editing = companies.editingProperty().get();
            if (editing != null) {
                companies.companies().stream().filter(c -> c.id() == editing.id()).findFirst()
                        .ifPresent(c -> companyTable.getSelectionModel().select(c));
            }
            refreshManagedByChoices();
        });
        showArchivedBox.selectedProperty().bindBidirectional(companies.showArchivedProperty());
        newCompanyButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));

        careflexIdField.textProperty().bindBidirectional(companies.careflexIdProperty());
        nameField.textProperty().bindBidirectional(companies.nameProperty());
        managingBox.selectedProperty().bindBidirectional(companies.managingProperty());
        managedByBox.valueProperty().bindBidirectional(companies.managedByProperty());
        managedByBox.disableProperty().bind(companies.managingProperty());
        managedByBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Company company) {
                return company == null ? Messages.format(locale, "companies.managedBy.none")
                        : company.name() + " (" + company.careflexId() + ")";
            }

            @Override
            public Company fromString(String text) {
                return null;
            }
        });
        companies.editingProperty().addListener((obs, old, now) -> refreshManagedByChoices());

        // A new, still empty form shows no errors; its Save button stays disabled until the fields are valid.
        careflexIdMessage.textProperty().bind(Bindings.createStringBinding(
                () -> !shown(companies.careflexIdProperty().get()) ? ""
                        : companies.careflexIdErrorProperty().get().isEmpty()
                        ? companies.careflexIdWarningProperty().get() : companies.careflexIdErrorProperty().get(),
                companies.careflexIdErrorProperty(), companies.careflexIdWarningProperty(),
                companies.careflexIdProperty(), companies.editingProperty()));
        companies.careflexIdErrorProperty().addListener((obs, old, now) -> markCareflexId());
        companies.careflexIdWarningProperty().addListener((obs, old, now) -> markCareflexId());
        companies.careflexIdProperty().addListener((obs, old, now) -> markCareflexId());
        markCareflexId();
        nameMessage.textProperty().bind(Bindings.createStringBinding(
                () -> shown(companies.nameProperty().get()) ? companies.nameErrorProperty().get() : "",
                companies.nameErrorProperty(), companies.nameProperty(), companies.editingProperty()));
        careflexIdField.setAccessibleText(Messages.format(locale, "field.careflexId"));
        nameField.setAccessibleText(Messages.format(locale, "companies.field.name"));

        companyFormTitle.textProperty().bind(Bindings.createStringBinding(
                () -> companies.editingProperty().get() == null
                        ? Messages.format(locale, "companies.form.newTitle")
                        : Messages.format(locale, "companies.form.editTitle", companies.editingProperty().get().name()),
                companies.editingProperty()));
        saveCompanyButton.disableProperty().bind(companies.validBinding().not().or(companies.busyProperty()));
        deleteCompanyButton.disableProperty().bind(companies.editingProperty().isNull().or(companies.busyProperty()));
        deleteCompanyButton.setGraphic(new FontIcon(Material2OutlinedAL.DELETE));
        archiveCompanyButton.disableProperty().bind(companies.editingProperty().isNull().or(companies.busyProperty()));
        archiveCompanyButton.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format(locale, companies.editingProperty().get() != null
                        && companies.editingProperty().get().archived()
                        ? "companies.action.restore" : "companies.action.archive"),
                companies.editingProperty()));
        archiveCompanyButton.styleProperty().bind(Bindings.when(companies.archiveOfferedProperty())
                .then("-fx-font-weight: bold;").otherwise(""));
        archiveCompanyButton.setGraphic(new FontIcon(Material2OutlinedAL.ARCHIVE));
        companyMessage.textProperty().bind(companies.messageProperty());
    }

    /** Takes message labels out of the layout while they are empty, so they leave no gaps. */
    private static void collapseWhenEmpty(Label... labels) {
        for (Label label : labels) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
        }
    }

    /** Returns whether the problems of a field are shown: once it has text, and always for a stored company. */
    private boolean shown(String text) {
        return (text != null && !text.isEmpty()) || companies.editingProperty().get() != null;
    }

    private void markCareflexId() {
        boolean error = !companies.careflexIdErrorProperty().get().isEmpty()
                && shown(companies.careflexIdProperty().get());
        boolean warning = !error && !companies.careflexIdWarningProperty().get().isEmpty();
        careflexIdMessage.getStyleClass().removeAll("error", "warning");
        careflexIdField.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, error);
        careflexIdField.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_WARNING, warning);
        careflexIdMessage.getStyleClass().add(error ? "error" : "warning");
    }

    private void refreshManagedByChoices() {
        Company chosen = companies.managedByProperty().get();
        List<Company> candidates = companies.managingCandidates();
        java.util.ArrayList<Company> items = new java.util.ArrayList<>();
        items.add(null);
        items.addAll(candidates);
        managedByBox.getItems().setAll(items);
        Company match = chosen == null ? null
                : candidates.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(null);
        companies.managedByProperty().set(match);
    }

    private String roleOf(Company company) {
        if (company.managing()) {
            return Messages.format(locale, "companies.role.managing");
        }
        if (company.managedBy() != null) {
            String manager = companies.companies().stream().filter(c -> c.id() == company.managedBy())
                    .map(Company::name).findFirst().orElse("?");
            return Messages.format(locale, "companies.role.managed", manager);
        }
        return Messages.format(locale, "companies.role.own");
    }

    @FXML
    private void newCompany() {
        companyTable.getSelectionModel().clearSelection();
        companies.startNew();
        careflexIdField.requestFocus();
    }

    @FXML
    private void saveCompany() {
        companies.save();
    }

    @FXML
    private void deleteCompany() {
        companies.delete();
    }

    @FXML
    private void archiveCompany() {
        Company editing = companies.editingProperty().get();
        companies.setArchived(editing == null || !editing.archived());
    }

    private void initProfiles() {
        profileList.setItems(profiles.profiles());
        profileList.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(SavedProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.builtIn()
                        ? Messages.format(locale, "companies.profile.builtInName", item.name()) : item.name());
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (profiles.editingProperty().get() == null
                    || !now.name().equals(profiles.editingProperty().get().name()))) {
                profiles.edit(now);
            }
        });
        profiles.profiles().addListener((ListChangeListener<SavedProfile>) change -> {
            List<String> names = profiles.profiles().stream().map(SavedProfile::name).toList();
            activeProfileBox.getItems().setAll(names);
            activeProfileBox.setValue(profiles.activeProfileProperty().get());
        });
        profiles.editingProperty().addListener((obs, old, now) -> {
            if (now == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profiles.profiles().stream().filter(p -> p.name().equals(now.name())).findFirst()
                        .ifPresent(p -> profileList.getSelectionModel().select(p));
            }
        });
        activeProfileBox.valueProperty().addListener((obs, old, now) -> profiles.activate(now));
        activeProfileBox.setAccessibleText(Messages.format(locale, "companies.profile.active"));
        newProfileButton.setGraphic(new FontIcon(Material2OutlinedAL.ADD));

        profileNameField.textProperty().bindBidirectional(profiles.nameProperty());
        tokenUrlField.textProperty().bindBidirectional(profiles.tokenUrlProperty());
        incidentNewUrlField.textProperty().bindBidirectional(profiles.incidentNewUrlProperty());
        incidentNoneUrlField.textProperty().bindBidirectional(profiles.incidentNoneUrlProperty());
        proxyField.textProperty().bindBidirectional(profiles.proxyProperty());
        serviceUserField.textProperty().bindBidirectional(profiles.serviceUserIdProperty());
        caFileList.setItems(profiles.caFiles());
        caFileList.setPlaceholder(new Label(Messages.format(locale, "companies.profile.caNone")));

        var builtIn = profiles.builtInProperty();
        var existing = profiles.editingProperty().isNotNull();
        profileNameField.disableProperty().bind(builtIn.or(existing));
        for (var field : List.of(tokenUrlField, incidentNewUrlField, incidentNoneUrlField, proxyField)) {
            field.disableProperty().bind(builtIn);
        }
        caFileList.disableProperty().bind(builtIn);
        addCaButton.disableProperty().bind(builtIn);
        removeCaButton.disableProperty().bind(builtIn.or(caFileList.getSelectionModel().selectedItemProperty().isNull()));
        sandboxHint.visibleProperty().bind(builtIn);
        sandboxHint.managedProperty().bind(builtIn);
        urlMessage.textProperty().bind(profiles.urlErrorProperty());
        proxyMessage.textProperty().bind(profiles.proxyErrorProperty());
        profileFormTitle.textProperty().bind(Bindings.createStringBinding(
                () -> profiles.editingProperty().get() == null
                        ? Messages.format(locale, "companies.profile.newTitle")
                        : Messages.format(locale, "companies.profile.editTitle", profiles.editingProperty().get().name()),
                profiles.editingProperty()));

        saveProfileButton.disableProperty().bind(profiles.validBinding().not().or(profiles.busyProperty()));
        deleteProfileButton.disableProperty().bind(builtIn.or(profiles.editingProperty().isNull())
                .or(profiles.busyProperty()));
        deleteProfileButton.setGraphic(new FontIcon(Material2OutlinedAL.DELETE));
        testButton.disableProperty().bind(profiles.testingProperty());
        testWithSecretButton.disableProperty().bind(profiles.testingProperty());
        testButton.setGraphic(new FontIcon(Material2OutlinedMZ.SETTINGS_ETHERNET));
        profileMessage.textProperty().bind(profiles.messageProperty());
        testMessage.textProperty().bind(Bindings.createStringBinding(() -> {
            if (profiles.testingProperty().get()) {
                return Messages.format(locale, "companies.test.running");
            }
            ConnectionTestResult result = profiles.testResultProperty().get();
            return result == null ? "" : result.message();
        }, profiles.testingProperty(), profiles.testResultProperty()));
        profiles.testResultProperty().addListener((obs, old, result) -> {
            testMessage.getStyleClass().removeAll("success", "error");
            if (result != null) {
                testMessage.getStyleClass().add(result.success() ? "success" : "error");
            }
            if (result != null && result.kind() == ConnectionTestResult.Kind.SECRET_NEEDED) {
                askSecret().ifPresent(profiles::testConnection);
            }
        });
    }

    @FXML
    private void newProfile() {
        profiles.startNew();
        profileNameField.requestFocus();
    }

    @FXML
    private void saveProfile() {
        profiles.save();
    }

    @FXML
    private void deleteProfile() {
        profiles.delete();
    }

    @FXML
    private void addCaFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.format(locale, "companies.profile.caChooserTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.format(locale, "companies.profile.caFilter"),
                        "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter(Messages.format(locale, "companies.profile.allFiles"), "*.*"));
        File file = chooser.showOpenDialog(caFileList.getScene().getWindow());
        if (file != null && !profiles.caFiles().contains(file.getAbsolutePath())) {
            profiles.caFiles().add(file.getAbsolutePath());
        }
    }

    @FXML
    private void removeCaFile() {
        String selected = caFileList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            profiles.caFiles().remove(selected);
        }
    }

    @FXML
    private void testConnection() {
        profiles.testConnection(null);
    }

    @FXML
    private void testWithSecret() {
        askSecret().ifPresent(profiles::testConnection);
    }

    /** Asks for the service-user secret for one test; the field is cleared when the dialog closes. */
    private Optional<String> askSecret() {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(testButton.getScene().getWindow());
        dialog.setTitle(Messages.format(locale, "companies.secret.title"));
        dialog.setHeaderText(Messages.format(locale, "companies.secret.header", profiles.serviceUserIdProperty().get()));
        PasswordField secret = new PasswordField();
        secret.setId("secret-field");
        secret.setAccessibleText(Messages.format(locale, "companies.secret.label"));
        Label label = new Label(Messages.format(locale, "companies.secret.label"));
        label.setLabelFor(secret);
        Label hint = new Label(Messages.format(locale, "companies.secret.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox content = new VBox(6, label, secret, hint);
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        ButtonType test = new ButtonType(Messages.format(locale, "companies.test.button"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(test, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(test).disableProperty().bind(secret.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == test ? secret.getText() : null);
        dialog.setOnShown(e -> secret.requestFocus());
        Optional<String> result = dialog.showAndWait();
        secret.clear();
        return result;
    }
}
