package de.meldedesk.domain;

import java.time.Instant;

/** One changed master-data field; {@code field} is the wire path such as {@code employee.address.zipCode}. */
public record EmployeeChange(String field, String oldValue, String newValue, Instant changedAt, String source) {
}
