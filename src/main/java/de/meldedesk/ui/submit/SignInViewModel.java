package de.meldedesk.ui.submit;

import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.CompanyRepository;
import de.meldedesk.persistence.ConnectionProfileRepository;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.remote.TokenRequestException;
import de.meldedesk.remote.TokenStatus;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.CredentialVault;
import de.meldedesk.ui.common.BackgroundRunner;
import de.meldedesk.ui.common.Workspace;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the sign-in dialog: service-user ID and secret, one API token
 * per company that owns one, and whether to keep them in the system key store.
 * Signing in requests an access token in the background and, on success, puts
 * the client into the {@link Workspace}. Secrets stay in memory and in the
 * vault only; {@link #clearSecrets()} empties the fields.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    /** The API token that the sandbox accepts is free text; this one is prefilled for training. */
    static final String SANDBOX_API_TOKEN = "sandbox-api-token";

    /** One API token field: the company that owns the token and the text typed for it. */
    public record TokenEntry(Company company, StringProperty token) {
    }

    private record Loaded(SavedProfile profile, List<Company> owners, List<String> storedTokens,
                          String userId, String secret) {
    }

    private record SignedIn(CareflexClient client, TokenStatus status) {
    }

    private final CredentialVault vault;
    private final ConnectionService connections;
    private final ConnectionProfileRepository profiles;
    private final CompanyRepository companies;
    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final Locale locale;
    private final Consumer<Runnable> fxThread;

    private final StringProperty userId = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty persist = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty profileName = new SimpleStringProperty("");
    private final ObservableList<TokenEntry> tokens = FXCollections.observableArrayList();
    private SavedProfile profile;

    /**
     * @param fxThread runs token renewals reported by the client on the UI thread, e.g. {@code Platform::runLater}
     */
    public SignInViewModel(CredentialVault vault, ConnectionService connections, ConnectionProfileRepository profiles,
                           CompanyRepository companies, Workspace workspace, BackgroundRunner runner, Locale locale,
                           Consumer<Runnable> fxThread) {
        this.vault = vault;
        this.connections = connections;
        this.profiles = profiles;
        this.companies = companies;
        this.workspace = workspace;
        this.runner = runner;
        this.locale = locale;
        this.fxThread = fxThread;
    }

    public StringProperty userIdProperty() {
        return userId;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    /** Whether secret and API tokens go into the system key store as well. */
    public BooleanProperty persistProperty() {
        return persist;
    }

    public boolean keyStoreAvailable() {
        return vault.hasSystemKeyStore();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The reason the last sign-in failed, in the clerk's words; empty when there is none. */
    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public ObservableList<TokenEntry> tokens() {
        return tokens;
    }

    /** Reads the active profile, the token-owning companies and stored secrets in the background, then prefills. */
    public void load(Runnable onLoaded) {
        String active = workspace.activeProfileProperty().get();
        busy.set(true);
        runner.run(progress -> {
            SavedProfile saved = profiles.find(active).orElse(null);
            List<Company> owners = TokenOwners.tokenOwners(companies.list(false));
            List<String> stored = new ArrayList<>();
            for (Company owner : owners) {
                stored.add(vault.apiToken(owner.careflexId()).orElse(""));
            }
            String user = "";
            String storedSecret = "";
            if (saved != null && ConnectionService.isSandbox(saved)) {
                ServiceUser sandboxUser = connections.sandboxServiceUser();
                user = sandboxUser.userId();
                storedSecret = sandboxUser.secret();
            }
            return new Loaded(saved, owners, stored, user, storedSecret);
        }, loaded -> {
            busy.set(false);
            profile = loaded.profile();
            profileName.set(active);
            boolean sandbox = profile != null && ConnectionService.isSandbox(profile);
            if (userId.get().isEmpty()) {
                userId.set(loaded.userId());
            }
            if (secret.get().isEmpty()) {
                secret.set(loaded.secret());
            }
            tokens.clear();
            for (int i = 0; i < loaded.owners().size(); i++) {
                String token = loaded.storedTokens().get(i);
                if (token.isEmpty() && sandbox) {
                    token = SANDBOX_API_TOKEN;
                }
                tokens.add(new TokenEntry(loaded.owners().get(i), new SimpleStringProperty(token)));
            }
            if (profile == null) {
                error.set(Messages.format(locale, "submit.signIn.error.noProfile", active));
            }
            onLoaded.run();
        }, failure -> {
            busy.set(false);
            LOG.warn("Loading the sign-in data failed", failure);
            error.set(Messages.format(locale, "submit.signIn.error.other", failure.getClass().getSimpleName()));
        });
    }

    /** Checks the fields; returns the first problem in the clerk's words, or empty when the input is complete. */
    public Optional<String> validate() {
        if (profile == null) {
            return Optional.of(Messages.format(locale, "submit.signIn.error.noProfile", profileName.get()));
        }
        if (userId.get() == null || userId.get().isBlank()) {
            return Optional.of(Messages.format(locale, "submit.signIn.error.userIdMissing"));
        }
        if (secret.get() == null || secret.get().isEmpty()) {
            return Optional.of(Messages.format(locale, "submit.signIn.error.secretMissing"));
        }
        return Optional.empty();
    }

    /**
     * Requests an access token in the background. On success the secret and
     * the API tokens go into the vault, the workspace gets the client, and
     * {@code onSignedIn} runs; on failure {@link #errorProperty()} contains the reason.
     */
    public void signIn(Runnable onSignedIn) {
        Optional<String> problem = validate();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        SavedProfile saved = profile;
        String user = userId.get().strip();
        String typedSecret = secret.get();
        boolean keep = persist.get() && vault.hasSystemKeyStore();
        List<Company> owners = new ArrayList<>();
        List<String> typedTokens = new ArrayList<>();
        for (TokenEntry entry : tokens) {
            owners.add(entry.company());
            typedTokens.add(entry.token().get() == null ? "" : entry.token().get().strip());
        }
        error.set("");
        busy.set(true);
        LOG.info("Signing in to profile {} as service user {}", saved.name(), user);
        runner.run(progress -> {
            CareflexClient client = connections.connect(saved, new ServiceUser(user, typedSecret));
            try {
                TokenStatus status = client.signIn();
                vault.putServiceSecret(user, typedSecret, keep);
                for (int i = 0; i < owners.size(); i++) {
                    if (!typedTokens.get(i).isEmpty()) {
                        vault.putApiToken(owners.get(i).careflexId(), typedTokens.get(i), keep);
                    }
                }
                return new SignedIn(client, status);
            } catch (TokenRequestException | RuntimeException e) {
                client.close();
                throw e;
            }
        }, signedIn -> {
            busy.set(false);
            CareflexClient old = workspace.clientProperty().get();
            signedIn.client().addTokenListener(status -> fxThread.accept(() -> {
                if (workspace.clientProperty().get() == signedIn.client()) {
                    workspace.tokenStatusProperty().set(status);
                }
            }));
            workspace.clientProperty().set(signedIn.client());
            workspace.tokenStatusProperty().set(signedIn.status());
            if (old != null && old != signedIn.client()) {
                runner.run(progress -> {
                    old.close();
                    return null;
                }, ignored -> { }, failure -> LOG.debug("Closing the previous client failed", failure));
            }
            LOG.info("Signed in to profile {}", saved.name());
            onSignedIn.run();
        }, failure -> {
            busy.set(false);
            error.set(describeFailure(failure, saved));
            LOG.info("Sign-in to profile {} failed: {}", saved.name(), failure.getMessage());
        });
    }

    /** Explains a failed sign-in in the clerk's words, one message per cause. */
    String describeFailure(Throwable failure, SavedProfile saved) {
        if (failure instanceof TokenRequestException tokenFailure) {
            switch (tokenFailure.outcome()) {
                case AUTH_FAILED:
                    return Messages.format(locale, "submit.signIn.error.credentials");
                case PROXY_AUTH_REQUIRED:
                    return Messages.format(locale, "submit.signIn.error.proxy");
                case NOT_SENT:
                    return Messages.format(locale, "submit.signIn.error.unreachable", hostOf(saved));
                case RETRY_LATER:
                    return Messages.format(locale, "submit.signIn.error.busy");
                default:
                    return Messages.format(locale, "submit.signIn.error.other", tokenFailure.getMessage());
            }
        }
        if (failure instanceof IllegalArgumentException) {
            return Messages.format(locale, "submit.signIn.error.profileInvalid", saved.name());
        }
        if (failure instanceof IOException) {
            return Messages.format(locale, "submit.signIn.error.sandbox");
        }
        return Messages.format(locale, "submit.signIn.error.other", failure.getClass().getSimpleName());
    }

    private static String hostOf(SavedProfile saved) {
        if (ConnectionService.isSandbox(saved) || saved.tokenUrl() == null) {
            return saved.name();
        }
        try {
            String host = URI.create(saved.tokenUrl().trim()).getHost();
            return host == null ? saved.tokenUrl() : host;
        } catch (IllegalArgumentException e) {
            return saved.tokenUrl();
        }
    }

    /** Empties the secret and token fields, e.g. when the dialog closes. */
    public void clearSecrets() {
        secret.set("");
        for (TokenEntry entry : tokens) {
            entry.token().set("");
        }
    }
}
