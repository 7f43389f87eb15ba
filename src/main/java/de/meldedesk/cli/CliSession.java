package de.meldedesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.persistence.StorePaths;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.CredentialVault;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The context of one command run: the data folder, the language, the output
 * streams and the environment. The store, the key store and the connection
 * service are opened on first use and closed with the session, so a command
 * such as {@code validate} never locks the data folder.
 */
final class CliSession implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final StorePaths paths;
    private final Locale locale;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Supplier<CredentialVault> vaultFactory;
    private final Clock clock;
    private final IncidentTypeCatalogue catalogue = IncidentTypeCatalogue.builtIn();

    private Store store;
    private CredentialVault vault;
    private ConnectionService connections;

    CliSession(StorePaths paths, Locale locale, PrintStream out, PrintStream err, Map<String, String> env,
               Supplier<CredentialVault> vaultFactory, Clock clock) {
        this.paths = paths;
        this.locale = locale;
        this.out = out;
        this.err = err;
        this.env = env;
        this.vaultFactory = vaultFactory;
        this.clock = clock;
    }

    StorePaths paths() {
        return paths;
    }

    Locale locale() {
        return locale;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Clock clock() {
        return clock;
    }

    IncidentTypeCatalogue catalogue() {
        return catalogue;
    }

    /** Returns an environment variable, or null when it is unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Opens the store on first use.
     *
     * @throws StoreOpenException when another Meldedesk has the data folder open or the database cannot be read
     */
    Store store() throws StoreOpenException {
        if (store == null) {
            store = Store.open(paths);
        }
        return store;
    }

    SettingsStore settings() {
        return new SettingsStore(paths);
    }

    ImportProfileStore importProfiles() {
        return new ImportProfileStore(importProfileFolder(paths.dataDir()));
    }

    /** Returns the folder of the saved import profiles, the one the desktop app uses too. */
    static Path importProfileFolder(Path dataDir) {
        return dataDir.resolve("import-profiles");
    }

    /** Opens the key store on first use; commands open it only when the environment lacks a credential. */
    CredentialVault vault() {
        if (vault == null) {
            vault = vaultFactory.get();
        }
        return vault;
    }

    ConnectionService connections() {
        if (connections == null) {
            connections = new ConnectionService();
        }
        return connections;
    }

    /** Finds an active or archived company by its CareFlex ID. */
    Company company(String careflexId) throws StoreOpenException, CliFailure {
        return store().companies().findByCareflexId(careflexId.trim())
                .orElseThrow(() -> new CliFailure(text("cli.company.notFound", careflexId.trim())));
    }

    /** Formats a message of the bundles in the session's language. */
    String text(String key, Object... args) {
        return Messages.format(locale, key, args);
    }

    /** Prints one line of human-readable output. */
    void print(String key, Object... args) {
        out.println(text(key, args));
    }

    /** Prints one line of human-readable output indented below the line before, e.g. a row of a file. */
    void printDetail(String key, Object... args) {
        out.println("  " + text(key, args));
    }

    /** Prints the one JSON document of a {@code --json} run on standard output. */
    void printJson(JsonNode document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    static ObjectMapper json() {
        return JSON;
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
        if (vault != null) {
            vault.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
