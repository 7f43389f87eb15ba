package de.meldedesk.domain;

import java.time.Instant;

/**
 * An employee's master data as the database holds it, with when and from
 * which source (a file name, "typed" or similar) it last changed.
 */
public record StoredEmployee(
        long id,
        long companyId,
        String employeeId,
        Employee employee,
        Instant changedAt,
        String changedSource) {
}
