package de.meldedesk.persistence;

import de.meldedesk.domain.IncidentStatus;
import java.time.Instant;

/**
 * Filter for the history of sent incidents. {@code text} is matched as in
 * {@link IncidentRepository#searchHistory(String, int, int)}; null fields do
 * not filter. {@code sentFrom} (inclusive) and {@code sentTo} (exclusive)
 * bound the start time of the request that carried the incident, and
 * {@code submissionId} limits the list to that request.
 */
public record HistoryFilter(String text, Long companyId, String type, IncidentStatus status, Instant sentFrom,
        Instant sentTo, Long submissionId) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, null, null);

    public static HistoryFilter text(String text) {
        return new HistoryFilter(text, null, null, null, null, null, null);
    }

    /** Lists the incidents of one request to {@code incident/new}. */
    public static HistoryFilter submission(long id) {
        return new HistoryFilter(null, null, null, null, null, null, id);
    }
}
