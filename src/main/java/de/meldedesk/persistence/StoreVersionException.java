package de.meldedesk.persistence;

import java.nio.file.Path;
import java.util.List;

/**
 * The database file was written by an H2 version whose file format this
 * program cannot read, or by a newer Meldedesk whose schema it does not know.
 * Nothing was changed; the file must be converted (see the README).
 */
public class StoreVersionException extends StoreOpenException {

    private static final long serialVersionUID = 1L;

    public StoreVersionException(Path databaseFile, Throwable cause) {
        super("database " + databaseFile + " has a format or schema version this program cannot use: "
                + (cause == null ? "" : cause.getMessage()), "store.unsupportedVersion",
                List.of(databaseFile.toString()), cause);
    }
}
