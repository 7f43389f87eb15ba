package de.meldedesk.domain;

import java.time.Instant;

/**
 * One line of the audit log: who (the operating-system user) did what to
 * which object. {@code details} never contains a secret.
 */
public record AuditEntry(
        long id,
        Instant loggedAt,
        String osUser,
        String action,
        String objectType,
        String objectId,
        String details) {
}
