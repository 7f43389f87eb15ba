package de.meldedesk.service;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import de.meldedesk.logging.SecretRedactor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the service-user secret and the API tokens. With the operating
 * system's key store (Windows Credential Manager, macOS Keychain, Secret
 * Service) they can be kept across sessions; without one, or when the clerk
 * does not ask for it, they live in memory for this session only. Secrets
 * never go to the database, a file or a log.
 */
public final class CredentialVault implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVault.class);
    private static final String SERVICE = "Meldedesk";

    private final Keyring keyring;
    private final Map<String, String> session = new ConcurrentHashMap<>();

    private CredentialVault(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Opens the system key store, or falls back to session memory where the system has none. */
    public static CredentialVault open() {
        try {
            return new CredentialVault(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("No system key store available ({}); secrets are kept for this session only",
                    e.getClass().getSimpleName());
            return new CredentialVault(null);
        }
    }

    /** Returns a vault that keeps everything in memory, for tests and the command line. */
    public static CredentialVault sessionOnly() {
        return new CredentialVault(null);
    }

    public boolean hasSystemKeyStore() {
        return keyring != null;
    }

    public void putServiceSecret(String serviceUserId, String secret, boolean persist) {
        put("service-user:" + serviceUserId, secret, persist);
    }

    public Optional<String> serviceSecret(String serviceUserId) {
        return get("service-user:" + serviceUserId);
    }

    public void putApiToken(String managingCareflexId, String apiToken, boolean persist) {
        put("api-token:" + managingCareflexId, apiToken, persist);
    }

    public Optional<String> apiToken(String managingCareflexId) {
        return get("api-token:" + managingCareflexId);
    }

    /** Removes a stored secret from memory and from the system key store. */
    public void forget(String serviceUserId, String managingCareflexId) {
        for (String account : new String[] {"service-user:" + serviceUserId, "api-token:" + managingCareflexId}) {
            String old = session.remove(account);
            SecretRedactor.forget(old);
            if (keyring != null) {
                try {
                    keyring.deletePassword(SERVICE, account);
                } catch (PasswordAccessException e) {
                    LOG.debug("Nothing to delete in the key store for {}", account);
                }
            }
        }
    }

    private void put(String account, String secret, boolean persist) {
        SecretRedactor.register(secret);
        session.put(account, secret);
        if (persist && keyring != null) {
            try {
                keyring.setPassword(SERVICE, account, secret);
            } catch (PasswordAccessException e) {
                LOG.warn("Could not save {} in the system key store; it is kept for this session only", account);
            }
        }
    }

    private Optional<String> get(String account) {
        String value = session.get(account);
        if (value == null && keyring != null) {
            try {
                value = keyring.getPassword(SERVICE, account);
                if (value != null) {
                    SecretRedactor.register(value);
                    session.put(account, value);
                }
            } catch (PasswordAccessException e) {
                LOG.debug("No entry in the key store for {}", account);
            }
        }
        return Optional.ofNullable(value);
    }

    @Override
    public void close() {
        session.clear();
        if (keyring != null) {
            try {
                keyring.close();
            } catch (Exception e) {
                LOG.debug("Closing the key store failed", e);
            }
        }
    }
}
