package de.meldedesk.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store: one embedded H2 file database in the data folder, held by
 * one process at a time. {@link #open} takes the lock, opens the database,
 * brings its schema up to date, turns interrupted sends into UNKNOWN and
 * writes the day's first backup.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final StorePaths paths;
    private final InstanceLock lock;
    private final Database database;
    private final int interruptedAtStart;
    private final int discardedAtStart;
    private final CompanyRepository companies;
    private final EmployeeRepository employees;
    private final IncidentRepository incidents;
    private final ConnectionProfileRepository profiles;
    private final SubmissionRepository submissions;
    private final EmptyReportRepository emptyReports;
    private final AuditLog audit;
    private boolean closed;

    private Store(StorePaths paths, InstanceLock lock, Database database, Clock clock) {
        this.paths = paths;
        this.lock = lock;
        this.database = database;
        this.companies = new H2CompanyRepository(database, clock);
        this.employees = new H2EmployeeRepository(database, clock);
        this.incidents = new H2IncidentRepository(database, clock);
        this.profiles = new H2ConnectionProfileRepository(database, clock);
        this.submissions = new H2SubmissionRepository(database, clock);
        this.emptyReports = new H2EmptyReportRepository(database);
        this.audit = new H2AuditLog(database, clock);
        this.discardedAtStart = incidents.discardIncompleteImports();
        if (discardedAtStart > 0) {
            audit.append("file.importDiscarded", "incidents", null,
                    discardedAtStart + " drafts of an import that did not complete were removed");
        }
        this.interruptedAtStart = incidents.markInterruptedAsUnknown();
    }

    public static Store open(StorePaths paths) throws StoreOpenException {
        return open(paths, Clock.systemDefaultZone(), null);
    }

    /**
     * Opens the store. {@code schemaTarget} stops the migrations at that
     * version (tests build old databases with it); null applies all.
     *
     * @throws AlreadyRunningException when another process has the data folder open
     * @throws StoreDamagedException when the database file cannot be read
     * @throws StoreVersionException when its format or schema is newer or older than this program reads
     */
    static Store open(StorePaths paths, Clock clock, String schemaTarget) throws StoreOpenException {
        InstanceLock lock;
        try {
            lock = InstanceLock.acquire(paths);
        } catch (IOException e) {
            throw new StoreOpenException("data folder " + paths.dataDir() + " cannot be used: " + e.getMessage(),
                    "store.folderUnusable", List.of(paths.dataDir().toString()), e);
        }
        Database database = null;
        try {
            Files.createDirectories(paths.databaseDir());
            Files.createDirectories(paths.backupDir());
            boolean existed = Files.exists(paths.databaseFile());
            database = openDatabase(paths, existed);
            migrate(database, paths, clock, existed, schemaTarget);
            Store store = new Store(paths, lock, database, clock);
            store.dailyBackup(clock);
            LOG.info("Store opened in {}", paths.dataDir());
            return store;
        } catch (StoreOpenException e) {
            closeQuietly(database, lock);
            throw e;
        } catch (IOException e) {
            closeQuietly(database, lock);
            throw new StoreOpenException("data folder " + paths.dataDir() + " cannot be used: " + e.getMessage(),
                    "store.folderUnusable", List.of(paths.dataDir().toString()), e);
        } catch (RuntimeException e) {
            closeQuietly(database, lock);
            LOG.error("Database {} could not be opened", paths.databaseFile(), e);
            throw new StoreDamagedException(paths.databaseFile(), Backups.newest(paths).orElse(null), e);
        }
    }

    /** Opens the pool and one connection, so that an unreadable file shows at once. */
    private static Database openDatabase(StorePaths paths, boolean existed) throws StoreOpenException {
        Database database = Database.open(paths);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.isValid(1);
            return database;
        } catch (SQLException e) {
            database.dispose();
            LOG.error("Database {} could not be opened (H2 error {})", paths.databaseFile(), e.getErrorCode(), e);
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new AlreadyRunningException(paths.dataDir());
            }
            if (e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
                throw new StoreVersionException(paths.databaseFile(), e);
            }
            if (!existed) {
                throw new StoreOpenException("database " + paths.databaseFile() + " cannot be created: "
                        + e.getMessage(), "store.folderUnusable", List.of(paths.dataDir().toString()), e);
            }
            throw new StoreDamagedException(paths.databaseFile(), Backups.newest(paths).orElse(null), e);
        }
    }

    private static void migrate(Database database, StorePaths paths, Clock clock, boolean existed,
            String schemaTarget) throws StoreOpenException, IOException {
        var configuration = Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
        if (schemaTarget != null) {
            configuration.target(schemaTarget);
        }
        Flyway flyway = configuration.load();
        MigrationInfo[] all = flyway.info().all();
        for (MigrationInfo migration : all) {
            if (migration.getState() == MigrationState.FUTURE_SUCCESS) {
                throw new StoreVersionException(paths.databaseFile(), new IllegalStateException(
                        "schema version " + migration.getVersion() + " is newer than this program knows"));
            }
        }
        int pending = flyway.info().pending().length;
        if (pending > 0 && existed) {
            // A backup of the old schema, whatever day it is: the migration cannot be undone.
            Backups.create(database, paths, clock);
        }
        if (pending > 0) {
            try {
                int applied = flyway.migrate().migrationsExecuted;
                LOG.info("Database schema updated by {} migrations", applied);
            } catch (FlywayValidateException e) {
                // A recorded migration differs from the one shipped: not damage, but a build mix-up.
                throw new StoreVersionException(paths.databaseFile(), e);
            }
        }
    }

    private void dailyBackup(Clock clock) {
        if (Backups.hasBackupOn(paths, LocalDate.now(clock))) {
            return;
        }
        try {
            Backups.create(database, paths, clock);
        } catch (IOException | RuntimeException e) {
            LOG.error("Daily backup into {} failed", paths.backupDir(), e);
        }
    }

    private static void closeQuietly(Database database, InstanceLock lock) {
        if (database != null) {
            database.close();
        }
        lock.close();
    }

    public StorePaths paths() {
        return paths;
    }

    /** Returns how many incidents were still being sent when the program last stopped; they are now UNKNOWN. */
    public int interruptedAtStart() {
        return interruptedAtStart;
    }

    /**
     * Returns how many drafts of an import that was cut off, by a crash or a
     * power cut, were removed at this start. The clerk imports that file again.
     */
    public int discardedAtStart() {
        return discardedAtStart;
    }

    /** Registers work to run when a second start requests this window. It runs on a background thread. */
    public void onFocusRequested(Runnable listener) {
        lock.onFocusRequested(listener);
    }

    public CompanyRepository companies() {
        return companies;
    }

    public EmployeeRepository employees() {
        return employees;
    }

    public IncidentRepository incidents() {
        return incidents;
    }

    public ConnectionProfileRepository profiles() {
        return profiles;
    }

    public SubmissionRepository submissions() {
        return submissions;
    }

    public EmptyReportRepository emptyReports() {
        return emptyReports;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Closes the database and releases the data folder. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        database.close();
        lock.close();
        LOG.info("Store closed in {}", paths.dataDir());
    }
}
