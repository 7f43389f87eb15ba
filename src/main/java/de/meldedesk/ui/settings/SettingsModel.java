package de.meldedesk.ui.settings;

import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.PartRule;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.IncidentTypeFile;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.ui.common.BackgroundRunner;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings screen's state: the language (saved in the settings file and
 * used from the next start), the data folder, and the incident-type catalogue
 * with the form that adds a type. Added types are written to
 * {@code incident-types.json} in the data folder and applied to the running
 * app's catalogue at once.
 */
public final class SettingsModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsModel.class);

    /** The languages the app offers, as stored in the settings. */
    public static final List<String> LANGUAGES = List.of("de", "en");

    private static final Set<String> BUILT_IN_CODES =
            Set.of(IncidentTypeCatalogue.NEW, IncidentTypeCatalogue.SDB, IncidentTypeCatalogue.WIK);

    private final SettingsStore settings;
    private final IncidentTypeFile typeFile;
    private final Supplier<IncidentTypeCatalogue> catalogue;
    private final Consumer<IncidentTypeCatalogue> applyCatalogue;
    private final Path dataDir;
    private final FolderOpener opener;
    private final BackgroundRunner runner;
    private final Locale locale;

    private final StringProperty language = new SimpleStringProperty();
    private final ReadOnlyStringWrapper languageMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<IncidentType> types = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty labelDe = new SimpleStringProperty("");
    private final StringProperty labelEn = new SimpleStringProperty("");
    private final Map<MasterDataPart, ObjectProperty<PartRule>> rules = new EnumMap<>(MasterDataPart.class);
    private final ReadOnlyStringWrapper codeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper labelError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper typeMessage = new ReadOnlyStringWrapper("");
    private final BooleanBinding typeValid;

    public SettingsModel(SettingsStore settings, IncidentTypeFile typeFile, Supplier<IncidentTypeCatalogue> catalogue,
            Consumer<IncidentTypeCatalogue> applyCatalogue, Path dataDir, FolderOpener opener,
            BackgroundRunner runner, Locale locale) {
        this.settings = settings;
        this.typeFile = typeFile;
        this.catalogue = catalogue;
        this.applyCatalogue = applyCatalogue;
        this.dataDir = dataDir;
        this.opener = opener;
        this.runner = runner;
        this.locale = locale;
        language.set(Messages.supported(locale).getLanguage());
        for (MasterDataPart part : MasterDataPart.values()) {
            rules.put(part, new SimpleObjectProperty<>(PartRule.OPTIONAL));
        }
        code.addListener((obs, old, now) -> validateType());
        labelDe.addListener((obs, old, now) -> validateType());
        typeValid = Bindings.createBooleanBinding(() -> codeError.get().isEmpty() && labelError.get().isEmpty(),
                codeError, labelError);
        types.setAll(catalogue.get().all());
        validateType();
    }

    /** The chosen language, {@code de} or {@code en}. */
    public StringProperty languageProperty() {
        return language;
    }

    public ReadOnlyStringProperty languageMessageProperty() {
        return languageMessage.getReadOnlyProperty();
    }

    public Path dataDir() {
        return dataDir;
    }

    public ReadOnlyStringProperty folderMessageProperty() {
        return folderMessage.getReadOnlyProperty();
    }

    /** The incident types of the catalogue, built-in ones first. */
    public ObservableList<IncidentType> types() {
        return types;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty labelDeProperty() {
        return labelDe;
    }

    /** The English label; the German one is used when it is left empty. */
    public StringProperty labelEnProperty() {
        return labelEn;
    }

    public ObjectProperty<PartRule> rule(MasterDataPart part) {
        return rules.get(part);
    }

    public ReadOnlyStringProperty codeErrorProperty() {
        return codeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelErrorProperty() {
        return labelError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typeMessageProperty() {
        return typeMessage.getReadOnlyProperty();
    }

    public BooleanBinding typeValidBinding() {
        return typeValid;
    }

    /** Saves the chosen language in the settings file; it takes effect at the next start. */
    public void saveLanguage() {
        String chosen = language.get();
        if (!LANGUAGES.contains(chosen)) {
            return;
        }
        runner.run(progress -> {
            synchronized (settings) {
                settings.save(settings.load().withLanguage(chosen));
            }
            return chosen;
        }, saved -> {
            LOG.info("Language set to {}; it applies at the next start", saved);
            boolean same = saved.equals(Messages.supported(locale).getLanguage());
            languageMessage.set(Messages.format(Locale.forLanguageTag(saved),
                    same ? "settingsView.language.unchanged" : "settingsView.language.saved"));
        }, error -> {
            LOG.warn("Saving the language failed", error);
            languageMessage.set(Messages.format(locale, "settingsView.language.failed"));
        });
    }

    /** Opens the data folder in the file manager, in the background. */
    public void openDataFolder() {
        folderMessage.set("");
        runner.run(progress -> {
            opener.open(dataDir);
            return dataDir;
        }, opened -> LOG.info("Asked the system to open {}", opened), error -> {
            LOG.warn("Opening the data folder {} failed", dataDir, error);
            folderMessage.set(Messages.format(locale, "settingsView.folder.openFailed", dataDir.toString()));
        });
    }

    /** Adds the type of the form to the catalogue file and to the running catalogue. */
    public void addType() {
        validateType();
        if (!typeValid.get()) {
            typeMessage.set(Messages.format(locale, "settingsView.types.fixFirst"));
            return;
        }
        Map<MasterDataPart, PartRule> partRules = new EnumMap<>(MasterDataPart.class);
        rules.forEach((part, rule) -> partRules.put(part, rule.get()));
        String german = labelDe.get().strip();
        String english = labelEn.get() == null || labelEn.get().isBlank() ? german : labelEn.get().strip();
        IncidentType type = new IncidentType(code.get().strip().toUpperCase(Locale.ROOT), german, english, partRules);
        boolean replaces = catalogue.get().find(type.code()).isPresent();
        runner.run(progress -> typeFile.add(type), saved -> {
            IncidentTypeCatalogue updated = IncidentTypeCatalogue.builtIn().withAll(saved);
            applyCatalogue.accept(updated);
            types.setAll(updated.all());
            LOG.info("Incident type {} added to the catalogue", type.code());
            typeMessage.set(Messages.format(locale, replaces ? "settingsView.types.replaced" : "settingsView.types.added",
                    type.code()));
            code.set("");
            labelDe.set("");
            labelEn.set("");
            rules.values().forEach(rule -> rule.set(PartRule.OPTIONAL));
        }, error -> {
            LOG.warn("Saving incident type {} failed", type.code(), error);
            typeMessage.set(Messages.format(locale, "settingsView.types.failed", typeFile.file().toString()));
        });
    }

    /** Checks the new type's code and German label; called on every change. */
    void validateType() {
        String text = code.get() == null ? "" : code.get().strip();
        if (text.isEmpty()) {
            codeError.set(Messages.format(locale, "settingsView.types.codeMissing"));
        } else if (!text.matches("[A-Za-z0-9_-]+")) {
            codeError.set(Messages.format(locale, "settingsView.types.codeFormat", text));
        } else if (BUILT_IN_CODES.contains(text.toUpperCase(Locale.ROOT))) {
            codeError.set(Messages.format(locale, "settingsView.types.codeBuiltIn", text.toUpperCase(Locale.ROOT)));
        } else {
            codeError.set("");
        }
        labelError.set(labelDe.get() == null || labelDe.get().isBlank()
                ? Messages.format(locale, "settingsView.types.labelMissing") : "");
    }
}
