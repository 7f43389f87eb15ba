package de.meldedesk.app;

import de.meldedesk.persistence.StorePaths;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folders of Meldedesk's data: the database, backups and logs live in one
 * folder per user. {@code --data-dir} wins over {@code MELDEDESK_DATA_DIR},
 * which wins over the operating system's usual place.
 */
public final class AppPaths {

    public static final String ENV_DATA_DIR = "MELDEDESK_DATA_DIR";
    public static final String LOG_DIR_PROPERTY = "meldedesk.logDir";

    private final Path dataDir;

    public AppPaths(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public static AppPaths resolve(String dataDirOption, Map<String, String> env, String osName, Path home) {
        if (dataDirOption != null && !dataDirOption.isBlank()) {
            return new AppPaths(Path.of(dataDirOption));
        }
        String fromEnv = env.get(ENV_DATA_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppPaths(Path.of(fromEnv));
        }
        return new AppPaths(defaultDataDir(env, osName, home));
    }

    /** Returns the operating system's per-user data folder for Meldedesk. */
    static Path defaultDataDir(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Meldedesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Meldedesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("meldedesk");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    public Path backupDir() {
        return dataDir.resolve("backups");
    }

    /** Returns the folders of the local store; {@code persistence} cannot use this class itself. */
    public StorePaths storePaths() {
        return new StorePaths(dataDir, databaseDir(), backupDir());
    }
}
