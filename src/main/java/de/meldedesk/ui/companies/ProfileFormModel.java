package de.meldedesk.ui.companies;

import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.ConnectionProfileRepository;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Settings;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.InvalidProfileException;
import de.meldedesk.remote.ProxyAddress;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.remote.TokenStatus;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.CredentialVault;
import de.meldedesk.ui.common.BackgroundRunner;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection profiles and the form for one of them: the three endpoint
 * URLs (https unless the host is this computer), an optional proxy, extra CA
 * certificate files and the service-user ID, which is stored per profile in
 * the settings file. The secret is never stored here: the connection test
 * takes it from the credential vault or from the clerk for that one test.
 */
public final class ProfileFormModel {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileFormModel.class);

    private final ConnectionProfileRepository profiles;
    private final ConnectionService connections;
    private final CredentialVault vault;
    private final SettingsStore settings;
    private final StringProperty activeProfile;
    private final BackgroundRunner runner;
    private final Locale locale;
    private final ZoneId zone;

    private final ObservableList<SavedProfile> list = FXCollections.observableArrayList();
    private final ObjectProperty<SavedProfile> editing = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty tokenUrl = new SimpleStringProperty("");
    private final StringProperty incidentNewUrl = new SimpleStringProperty("");
    private final StringProperty incidentNoneUrl = new SimpleStringProperty("");
    private final StringProperty proxy = new SimpleStringProperty("");
    private final ObservableList<String> caFiles = FXCollections.observableArrayList();
    private final StringProperty serviceUserId = new SimpleStringProperty("");
    private final BooleanProperty builtIn = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proxyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionTestResult> testResult = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding valid;
    private Settings loadedSettings = Settings.DEFAULTS;

    public ProfileFormModel(ConnectionProfileRepository profiles, ConnectionService connections, CredentialVault vault,
            SettingsStore settings, StringProperty activeProfile, BackgroundRunner runner, Locale locale, ZoneId zone) {
        this.profiles = profiles;
        this.connections = connections;
        this.vault = vault;
        this.settings = settings;
        this.activeProfile = activeProfile;
        this.runner = runner;
        this.locale = locale;
        this.zone = zone;
        for (StringProperty field : List.of(name, tokenUrl, incidentNewUrl, incidentNoneUrl, proxy)) {
            field.addListener((obs, old, now) -> validate());
        }
        builtIn.addListener((obs, old, now) -> validate());
        list.addListener((ListChangeListener<SavedProfile>) change -> validate());
        valid = Bindings.createBooleanBinding(
                () -> nameError.get().isEmpty() && urlError.get().isEmpty() && proxyError.get().isEmpty(),
                nameError, urlError, proxyError);
        validate();
    }

    public ObservableList<SavedProfile> profiles() {
        return list;
    }

    /** The profile being edited, or null while a new one is entered. */
    public ObjectProperty<SavedProfile> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty tokenUrlProperty() {
        return tokenUrl;
    }

    public StringProperty incidentNewUrlProperty() {
        return incidentNewUrl;
    }

    public StringProperty incidentNoneUrlProperty() {
        return incidentNoneUrl;
    }

    /** The proxy as {@code host:port}, empty for the system proxy settings. */
    public StringProperty proxyProperty() {
        return proxy;
    }

    /** Paths of extra trusted CA certificate files (PEM). */
    public ObservableList<String> caFiles() {
        return caFiles;
    }

    public StringProperty serviceUserIdProperty() {
        return serviceUserId;
    }

    /** True for the built-in Sandbox profile, whose URLs are set when it starts and which cannot be deleted. */
    public BooleanProperty builtInProperty() {
        return builtIn;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /** The first problem of the three URLs in the clerk's words, empty when they are usable. */
    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty proxyErrorProperty() {
        return proxyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The result of the last connection test, or null before the first. */
    public ReadOnlyObjectProperty<ConnectionTestResult> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** The name of the profile in use; choosing one also stores it as the last profile. */
    public StringProperty activeProfileProperty() {
        return activeProfile;
    }

    /** Loads the profiles and the stored service-user IDs in the background, then edits {@code select} if given. */
    public void reload(String select) {
        busy.set(true);
        runner.run(progress -> new Loaded(profiles.list(), settings.load()), loaded -> {
            busy.set(false);
            loadedSettings = loaded.settings();
            list.setAll(loaded.profiles());
            String wanted = select != null ? select : editing.get() != null ? editing.get().name() : activeProfile.get();
            edit(list.stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
        }, this::failed);
    }

    private record Loaded(List<SavedProfile> profiles, Settings settings) {
    }

    /** Clears the form for a new profile such as "Test" or "Produktion". */
    public void startNew() {
        editing.set(null);
        builtIn.set(false);
        name.set("");
        tokenUrl.set("");
        incidentNewUrl.set("");
        incidentNoneUrl.set("");
        proxy.set("");
        caFiles.clear();
        serviceUserId.set("");
        testResult.set(null);
        message.set("");
    }

    /** Fills the form from a saved profile; the Sandbox gets the sandbox service user when none is stored. */
    public void edit(SavedProfile profile) {
        if (profile == null) {
            startNew();
            return;
        }
        editing.set(profile);
        builtIn.set(ConnectionService.isSandbox(profile));
        name.set(profile.name());
        tokenUrl.set(profile.tokenUrl());
        incidentNewUrl.set(profile.incidentNewUrl());
        incidentNoneUrl.set(profile.incidentNoneUrl());
        proxy.set(profile.proxy() == null ? "" : profile.proxy());
        caFiles.setAll(profile.extraCaFiles());
        String stored = loadedSettings.serviceUserIds().get(profile.name());
        if (stored == null && builtIn.get()) {
            stored = connections.sandboxServiceUser().userId();
        }
        serviceUserId.set(stored == null ? "" : stored);
        testResult.set(null);
        message.set("");
    }

    /** Saves the profile and its service-user ID in the background. */
    public void save() {
        validate();
        if (!valid.get()) {
            message.set(Messages.format(locale, "companies.message.fixFirst"));
            return;
        }
        SavedProfile profile = formProfile();
        String userId = serviceUserId.get();
        busy.set(true);
        runner.run(progress -> {
            SavedProfile saved = profiles.save(profile);
            synchronized (settings) {
                settings.save(settings.load().withServiceUserId(saved.name(), userId));
            }
            return saved;
        }, saved -> {
            busy.set(false);
            LOG.info("Saved connection profile {}", saved.name());
            message.set(Messages.format(locale, "companies.profile.saved", saved.name()));
            reload(saved.name());
        }, this::failed);
    }

    /** Deletes the edited profile; the built-in Sandbox stays. */
    public void delete() {
        SavedProfile current = editing.get();
        if (current == null || current.builtIn()) {
            return;
        }
        busy.set(true);
        runner.run(progress -> {
            profiles.delete(current.name());
            synchronized (settings) {
                Settings loaded = settings.load().withServiceUserId(current.name(), null);
                if (current.name().equals(loaded.lastProfile())) {
                    loaded = loaded.withLastProfile(SavedProfile.SANDBOX);
                }
                settings.save(loaded);
            }
            return current.name();
        }, deleted -> {
            busy.set(false);
            LOG.info("Deleted connection profile {}", deleted);
            if (deleted.equals(activeProfile.get())) {
                activeProfile.set(SavedProfile.SANDBOX);
            }
            editing.set(null);
            reload(SavedProfile.SANDBOX);
            message.set(Messages.format(locale, "companies.profile.deleted", deleted));
        }, this::failed);
    }

    /** Makes a profile the one in use and remembers it as the last profile in the settings. */
    public void activate(String profileName) {
        if (profileName == null || profileName.equals(activeProfile.get())) {
            return;
        }
        activeProfile.set(profileName);
        runner.run(progress -> {
            synchronized (settings) {
                settings.save(settings.load().withLastProfile(profileName));
            }
            return profileName;
        }, saved -> LOG.info("Active connection profile is now {}", saved), this::failed);
    }

    /**
     * Requests a token in the background with the profile as it is in the form.
     * With {@code typedSecret} null the secret comes from the credential vault
     * (or, for the Sandbox, from its known service user); when none is known the
     * result is {@link ConnectionTestResult.Kind#SECRET_NEEDED}. A typed secret is
     * used for this test only and not stored.
     */
    public void testConnection(String typedSecret) {
        validate();
        if (!valid.get()) {
            testResult.set(new ConnectionTestResult(ConnectionTestResult.Kind.INVALID_PROFILE,
                    firstNonEmpty(nameError.get(), urlError.get(), proxyError.get())));
            return;
        }
        String userId = serviceUserId.get() == null ? "" : serviceUserId.get().strip();
        if (userId.isEmpty()) {
            testResult.set(new ConnectionTestResult(ConnectionTestResult.Kind.INVALID_PROFILE,
                    Messages.format(locale, "companies.serviceUser.missing")));
            return;
        }
        SavedProfile profile = formProfile();
        String host = hostOf(profile);
        testing.set(true);
        testResult.set(null);
        LOG.info("Testing connection profile {} with service user {}", profile.name(), userId);
        runner.run(progress -> {
            Optional<String> secret = typedSecret != null && !typedSecret.isEmpty()
                    ? Optional.of(typedSecret) : knownSecret(profile, userId);
            if (secret.isEmpty()) {
                return ConnectionTestResult.secretNeeded(locale, userId);
            }
            try (CareflexClient client = connections.connect(profile, new ServiceUser(userId, secret.get()))) {
                TokenStatus status = client.signIn();
                return ConnectionTestResult.signedIn(status, locale, zone);
            }
        }, result -> {
            testing.set(false);
            LOG.info("Connection test of {} ended with {}", profile.name(), result.kind());
            testResult.set(result);
        }, error -> {
            testing.set(false);
            ConnectionTestResult result = ConnectionTestResult.failure(error, locale, host);
            LOG.info("Connection test of {} ended with {}: {}", profile.name(), result.kind(), error.toString());
            testResult.set(result);
        });
    }

    private Optional<String> knownSecret(SavedProfile profile, String userId) {
        Optional<String> stored = vault.serviceSecret(userId);
        if (stored.isPresent()) {
            return stored;
        }
        ServiceUser sandboxUser = connections.sandboxServiceUser();
        if (ConnectionService.isSandbox(profile) && sandboxUser.userId().equals(userId)) {
            return Optional.of(sandboxUser.secret());
        }
        return Optional.empty();
    }

    private static String hostOf(SavedProfile profile) {
        try {
            String host = URI.create(profile.tokenUrl().strip()).getHost();
            return host == null ? profile.tokenUrl() : host;
        } catch (IllegalArgumentException e) {
            return profile.tokenUrl();
        }
    }

    private static String firstNonEmpty(String... texts) {
        for (String text : texts) {
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    /** Builds the profile as the form shows it; the Sandbox keeps its stored URLs. */
    SavedProfile formProfile() {
        SavedProfile current = editing.get();
        if (builtIn.get() && current != null) {
            return current;
        }
        String proxyText = proxy.get() == null || proxy.get().isBlank() ? null : proxy.get().strip();
        return new SavedProfile(name.get().strip(), tokenUrl.get().strip(), incidentNewUrl.get().strip(),
                incidentNoneUrl.get().strip(), proxyText, new ArrayList<>(caFiles), false);
    }

    private void failed(Throwable error) {
        busy.set(false);
        LOG.warn("Connection profile action failed", error);
        message.set(error instanceof IOException
                ? Messages.format(locale, "companies.profile.settingsFailed")
                : Messages.format(locale, "companies.message.failed"));
    }

    /** Checks name, URLs and proxy; called on every change. */
    void validate() {
        SavedProfile current = editing.get();
        String profileName = name.get() == null ? "" : name.get().strip();
        if (builtIn.get()) {
            nameError.set("");
            urlError.set("");
            proxyError.set("");
            return;
        }
        if (profileName.isEmpty()) {
            nameError.set(Messages.format(locale, "companies.profile.nameMissing"));
        } else if (list.stream().anyMatch(p -> p.name().equalsIgnoreCase(profileName)
                && (current == null || !p.name().equals(current.name())))) {
            nameError.set(Messages.format(locale, "companies.profile.nameTaken", profileName));
        } else {
            nameError.set("");
        }
        urlError.set(checkUrls(profileName));
        proxyError.set(checkProxy(proxy.get()));
    }

    private String checkUrls(String profileName) {
        String[][] urls = {
            {tokenUrl.get(), "companies.profile.tokenUrl"},
            {incidentNewUrl.get(), "companies.profile.incidentNewUrl"},
            {incidentNoneUrl.get(), "companies.profile.incidentNoneUrl"},
        };
        List<URI> parsed = new ArrayList<>();
        for (String[] url : urls) {
            String text = url[0] == null ? "" : url[0].strip();
            String label = Messages.format(locale, url[1]);
            if (text.isEmpty()) {
                return Messages.format(locale, "companies.profile.urlMissing", label);
            }
            try {
                parsed.add(new URI(text));
            } catch (java.net.URISyntaxException e) {
                return Messages.format(locale, "remote.profile.urlInvalid", text);
            }
        }
        try {
            ConnectionProfile.of(profileName.isEmpty() ? "new" : profileName, parsed.get(0), parsed.get(1), parsed.get(2));
            return "";
        } catch (InvalidProfileException e) {
            return e.describe(locale);
        }
    }

    /** Returns the problem of a proxy text in the clerk's words; empty text means the system settings. */
    String checkProxy(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            ProxyAddress.parse(text);
            return "";
        } catch (InvalidProfileException e) {
            return e.describe(locale);
        }
    }
}
