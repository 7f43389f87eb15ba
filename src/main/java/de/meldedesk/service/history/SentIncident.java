package de.meldedesk.service.history;

import de.meldedesk.domain.StoredIncident;
import java.time.Instant;

/**
 * A sent incident with the company, the start time of the request that
 * carried it and the employee's name as "last, first". The name comes from
 * the master data sent with the incident, or from the stored master data when
 * none was sent (as for type WIK). It is empty when neither has one.
 */
public record SentIncident(StoredIncident stored, String companyName, Instant sentAt, String employeeName) {
}
