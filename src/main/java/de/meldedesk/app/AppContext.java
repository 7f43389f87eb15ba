package de.meldedesk.app;

import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.CredentialVault;
import de.meldedesk.service.EmptyReportService;
import de.meldedesk.service.ImportService;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.ui.common.BackgroundRunner;
import de.meldedesk.ui.common.FxBackgroundRunner;
import de.meldedesk.ui.common.Workspace;
import java.time.Clock;
import java.util.Locale;

/**
 * The composition root: opens the store and builds the services once, and
 * hands each screen what it needs. Closing it stops background work, the
 * embedded sandbox and the store, in that order.
 */
public final class AppContext implements AutoCloseable {

    private final AppPaths paths;
    private final Locale locale;
    private final Clock clock;
    private final FxBackgroundRunner runner;
    private final Store store;
    private final SettingsStore settings;
    private final CredentialVault vault;
    private final ConnectionService connections;
    private final IncidentTypeCatalogue catalogue;
    private final SubmissionService submissions;
    private final ImportService imports;
    private final EmptyReportService emptyReports;
    private final ImportEngine importEngine;
    private final Workspace workspace = new Workspace();

    private AppContext(AppPaths paths, Locale locale, Store store, CredentialVault vault, Clock clock) {
        this.paths = paths;
        this.locale = locale;
        this.clock = clock;
        this.store = store;
        this.settings = new SettingsStore(paths.storePaths());
        this.vault = vault;
        this.runner = new FxBackgroundRunner(2);
        this.connections = new ConnectionService();
        this.catalogue = IncidentTypeCatalogue.builtIn();
        this.submissions = new SubmissionService(store, catalogue, clock);
        this.imports = new ImportService(store);
        this.emptyReports = new EmptyReportService(store, clock.getZone());
        this.importEngine = new ImportEngine(new ImportProfileStore(paths.dataDir().resolve("import-profiles")));
    }

    /**
     * Opens the store in the data folder and builds the services.
     *
     * @throws StoreOpenException when another Meldedesk has the folder open, or the database cannot be read
     */
    public static AppContext open(AppPaths paths, Locale locale) throws StoreOpenException {
        Store store = Store.open(paths.storePaths());
        return new AppContext(paths, locale, store, CredentialVault.open(), Clock.systemDefaultZone());
    }

    public AppPaths paths() {
        return paths;
    }

    public Locale locale() {
        return locale;
    }

    public Clock clock() {
        return clock;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public Store store() {
        return store;
    }

    public SettingsStore settings() {
        return settings;
    }

    public CredentialVault vault() {
        return vault;
    }

    public ConnectionService connections() {
        return connections;
    }

    public IncidentTypeCatalogue catalogue() {
        return catalogue;
    }

    public SubmissionService submissions() {
        return submissions;
    }

    public ImportService imports() {
        return imports;
    }

    public EmptyReportService emptyReports() {
        return emptyReports;
    }

    public ImportEngine importEngine() {
        return importEngine;
    }

    /** Returns the state shared by the screens; only for use on the JavaFX thread. */
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        runner.close();
        connections.close();
        vault.close();
        store.close();
    }
}
