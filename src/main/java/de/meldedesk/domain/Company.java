package de.meldedesk.domain;

import java.time.Instant;

/**
 * A company that reports under its own CareFlex ID. {@code managedBy} is the
 * database id of the managing company whose API token its reports carry, or
 * null when it reports for itself.
 */
public record Company(
        long id,
        String careflexId,
        String name,
        boolean managing,
        Long managedBy,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {
}
