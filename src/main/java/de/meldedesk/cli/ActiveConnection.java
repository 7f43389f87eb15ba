package de.meldedesk.cli;

import de.meldedesk.domain.Company;
import de.meldedesk.logging.SecretRedactor;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.InvalidProfileException;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.service.ConnectionService;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection profile chosen with {@code connection use} and the
 * credentials that go with it. Credentials come from the environment or the
 * key store, never from arguments; the built-in Sandbox profile falls back to
 * the sandbox's own service user and a placeholder API token, which the
 * sandbox accepts.
 */
final class ActiveConnection {

    static final String ENV_SERVICE_USER = "MELDEDESK_SERVICE_USER";
    static final String ENV_SERVICE_SECRET = "MELDEDESK_SERVICE_SECRET";
    static final String ENV_API_TOKEN = "MELDEDESK_API_TOKEN";

    /** The API token sent to the built-in sandbox when none is given; the sandbox only checks that one is present. */
    static final String SANDBOX_API_TOKEN = "sandbox-api-token";

    private static final Logger LOG = LoggerFactory.getLogger(ActiveConnection.class);

    private final CliSession session;
    private final SavedProfile profile;

    private ActiveConnection(CliSession session, SavedProfile profile) {
        this.session = session;
        this.profile = profile;
    }

    /**
     * Finds the active profile: the last one chosen with {@code connection use}, else the built-in Sandbox.
     *
     * @throws CliFailure when the chosen profile was deleted since
     */
    static ActiveConnection open(CliSession session) throws StoreOpenException, CliFailure {
        String name = session.settings().load().lastProfile();
        Store store = session.store();
        if (name == null || name.isBlank()) {
            return new ActiveConnection(session, store.profiles().find(SavedProfile.SANDBOX)
                    .orElseThrow(() -> new CliFailure(session.text("cli.connection.notFound", SavedProfile.SANDBOX))));
        }
        SavedProfile saved = store.profiles().find(name)
                .orElseThrow(() -> new CliFailure(session.text("cli.connection.notFound", name)));
        return new ActiveConnection(session, saved);
    }

    SavedProfile profile() {
        return profile;
    }

    boolean isSandbox() {
        return ConnectionService.isSandbox(profile);
    }

    /**
     * Builds a client for the profile; for the built-in Sandbox this starts the embedded sandbox.
     *
     * @throws CliFailure when credentials are missing, a URL is invalid or the embedded sandbox cannot start
     */
    CareflexClient connect() throws CliFailure {
        ServiceUser user = serviceUser();
        try {
            return session.connections().connect(profile, user);
        } catch (InvalidProfileException e) {
            LOG.info("Connection profile {} is invalid: {}", profile.name(), e.getMessage());
            throw new CliFailure(session.text("cli.connection.invalid", profile.name(), e.describe(session.locale())), e);
        } catch (IllegalArgumentException e) {
            LOG.info("Connection profile {} is invalid: {}", profile.name(), e.getMessage());
            throw new CliFailure(session.text("cli.connection.invalid", profile.name(), String.valueOf(e.getMessage())),
                    e);
        } catch (IOException e) {
            LOG.info("Embedded sandbox could not start", e);
            throw new CliFailure(session.text("cli.connection.sandboxFailed", String.valueOf(e.getMessage())), e);
        }
    }

    private ServiceUser serviceUser() throws CliFailure {
        String userId = session.env(ENV_SERVICE_USER);
        if (userId == null) {
            if (isSandbox()) {
                return session.connections().sandboxServiceUser();
            }
            throw new CliFailure(session.text("cli.credentials.noServiceUser", profile.name()));
        }
        String secret = session.env(ENV_SERVICE_SECRET);
        if (secret == null) {
            secret = session.vault().serviceSecret(userId).orElse(null);
        }
        if (secret == null) {
            throw new CliFailure(session.text("cli.credentials.noSecret", userId));
        }
        SecretRedactor.register(secret);
        return new ServiceUser(userId, secret);
    }

    /**
     * Returns the API token that a company's reports carry: {@code MELDEDESK_API_TOKEN}, else the one
     * stored for its managing company, else the sandbox placeholder for the built-in Sandbox.
     */
    Optional<String> apiToken(Company company) {
        String fromEnv = session.env(ENV_API_TOKEN);
        if (fromEnv != null) {
            SecretRedactor.register(fromEnv);
            return Optional.of(fromEnv);
        }
        String managing = company.careflexId();
        if (company.managedBy() != null) {
            try {
                managing = session.store().companies().findById(company.managedBy())
                        .map(Company::careflexId).orElse(managing);
            } catch (StoreOpenException e) {
                throw new IllegalStateException("the store is open while a connection is active", e);
            }
        }
        Optional<String> stored = session.vault().apiToken(managing);
        if (stored.isPresent()) {
            return stored;
        }
        return isSandbox() ? Optional.of(SANDBOX_API_TOKEN) : Optional.empty();
    }
}
