package de.meldedesk.domain;

/** One entry of {@code incidentResponseList}; {@code rowNumber} is the 0-based index in the request. */
public record ResponseRow(int rowNumber, String incidentId, String externalId, String employeeId, String type) {
}
