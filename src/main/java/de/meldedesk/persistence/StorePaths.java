package de.meldedesk.persistence;

import java.nio.file.Path;

/**
 * The folders the store uses. The application builds it from its data-folder
 * settings; {@code persistence} may not depend on the {@code app} package.
 */
public record StorePaths(Path dataDir, Path databaseDir, Path backupDir) {

    /** Base name of the H2 files: {@code meldedesk.mv.db} in {@link #databaseDir()}. */
    public static final String DATABASE_NAME = "meldedesk";

    static final String LOCK_FILE = "meldedesk.lock";
    static final String PORT_FILE = "instance.port";
    static final String SETTINGS_FILE = "settings.json";

    public StorePaths {
        dataDir = dataDir.toAbsolutePath().normalize();
        databaseDir = databaseDir.toAbsolutePath().normalize();
        backupDir = backupDir.toAbsolutePath().normalize();
    }

    public Path databaseFile() {
        return databaseDir.resolve(DATABASE_NAME + ".mv.db");
    }

    public Path lockFile() {
        return dataDir.resolve(LOCK_FILE);
    }

    public Path portFile() {
        return dataDir.resolve(PORT_FILE);
    }

    public Path settingsFile() {
        return dataDir.resolve(SETTINGS_FILE);
    }

    /** Returns the H2 URL of the database file, without settings. */
    String jdbcBase() {
        return "jdbc:h2:file:" + databaseDir.resolve(DATABASE_NAME);
    }
}
