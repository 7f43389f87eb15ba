package de.meldedesk.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * The database file cannot be read. {@link #newestBackup()} is the backup to
 * restore with {@link Backups#restore}, or null when there is none.
 */
public class StoreDamagedException extends StoreOpenException {

    private static final long serialVersionUID = 1L;

    private final transient Path newestBackup;

    public StoreDamagedException(Path databaseFile, Path newestBackup, Throwable cause) {
        super("database " + databaseFile + " cannot be opened: " + (cause == null ? "" : cause.getMessage())
                + (newestBackup == null ? "; there is no backup" : "; newest backup: " + newestBackup),
                newestBackup == null ? "store.damaged.noBackup" : "store.damaged",
                newestBackup == null ? List.of(databaseFile.toString())
                        : List.of(databaseFile.toString(), newestBackup.toString()),
                cause);
        this.newestBackup = newestBackup;
    }

    public Path newestBackup() {
        return newestBackup;
    }
}
