package de.meldedesk.domain;

import java.time.Instant;
import java.time.YearMonth;

/** One request to {@code incident/none}: the empty report of a company for a month. */
public record EmptyReport(
        long id,
        long companyId,
        YearMonth reportMonth,
        String profileName,
        Instant sentAt,
        String outcome,
        Integer httpStatus,
        String responseBody,
        String errorText) {
}
