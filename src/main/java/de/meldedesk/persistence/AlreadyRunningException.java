package de.meldedesk.persistence;

import java.nio.file.Path;
import java.util.List;

/** Another Meldedesk process has the data folder open; {@link InstanceHandshake} can bring its window forward. */
public class AlreadyRunningException extends StoreOpenException {

    private static final long serialVersionUID = 1L;

    public AlreadyRunningException(Path dataDir) {
        super("another Meldedesk process holds the lock on " + dataDir, "store.alreadyRunning",
                List.of(dataDir.toString()), null);
    }
}
