package de.meldedesk.app;

import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.persistence.IncidentTypeFile;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

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
    private final ObjectProperty<IncidentTypeCatalogue> catalogue = new SimpleObjectProperty<>();
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
        this.catalogue.set(IncidentTypeCatalogue.builtIn()
                .withAll(new IncidentTypeFile(paths.dataDir()).load()));
        String lastProfile = settings.load().lastProfile();
        if (lastProfile != null && !lastProfile.isBlank()) {
            workspace.activeProfileProperty().set(lastProfile);
        }
        // NOTE: the submission service keeps the catalogue of the start; types added later reach it after a restart.
        this.submissions = new SubmissionService(store, catalogue.get(), clock);
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

    /** Returns the built-in incident types plus those added in the settings screen. */
    public IncidentTypeCatalogue catalogue() {
        return catalogue.get();
    }

    /** The current catalogue; changes when a type is added. Only for use on the JavaFX thread. */
    public ObjectProperty<IncidentTypeCatalogue> catalogueProperty() {
        return catalogue;
    }

    public void setCatalogue(IncidentTypeCatalogue newCatalogue) {
        catalogue.set(newCatalogue);
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
