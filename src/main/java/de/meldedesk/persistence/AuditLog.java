package de.meldedesk.persistence;

import de.meldedesk.domain.AuditEntry;
import java.time.Instant;
import java.util.List;

/**
 * The append-only record of what clerks did: there is no way to change or
 * remove an entry. Details must never contain a secret.
 */
public interface AuditLog {

    /** Filter for {@link #list}. Null fields do not filter, and {@code to} is exclusive. */
    record Filter(String action, String objectType, String objectId, Instant from, Instant to, int limit,
            int offset) {

        public static final Filter ALL = new Filter(null, null, null, null, null, 1000, 0);

        public Filter action(String wanted) {
            return new Filter(wanted, objectType, objectId, from, to, limit, offset);
        }

        public Filter object(String type, String id) {
            return new Filter(action, type, id, from, to, limit, offset);
        }
    }

    /** Appends an entry under the current operating-system user; returns its id. */
    long append(String action, String objectType, String objectId, String details);

    /** Lists entries newest first. */
    List<AuditEntry> list(Filter filter);
}
