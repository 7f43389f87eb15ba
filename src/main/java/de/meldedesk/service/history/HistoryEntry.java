package de.meldedesk.service.history;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One line of the list of requests: a request to {@code incident/new}
 * ({@code reportMonth} null) or an empty report to {@code incident/none}
 * ({@code reportMonth} set, {@code rowCount} 0). {@code outcome} is a
 * {@code RequestOutcome} name, or null while the request has not finished.
 */
public record HistoryEntry(
        Kind kind,
        long id,
        Instant sentAt,
        long companyId,
        String careflexId,
        String companyName,
        String profileName,
        int rowCount,
        String outcome,
        String importId,
        YearMonth reportMonth) {

    /** The endpoint the request went to. */
    public enum Kind {
        SUBMISSION,
        EMPTY_REPORT
    }
}
