package de.meldedesk.service.history;

import java.time.YearMonth;

/**
 * The search text and filters chosen on the history screen. Null fields do not filter.
 * {@code month} is the month in which the request was sent, and {@code type}
 * only narrows the list of sent incidents, because one request can carry
 * several types.
 */
public record HistoryQuery(String text, Long companyId, String type, YearMonth month, Outcome outcome) {

    public static final HistoryQuery ALL = new HistoryQuery(null, null, null, null, null);
}
