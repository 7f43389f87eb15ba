package de.meldedesk.domain;

import java.time.Instant;

/**
 * How a request to {@code incident/new} ended. {@code retryAfter} is the
 * Retry-After header as received; {@code importId} is null unless the portal
 * accepted the report.
 */
public record SubmissionResult(
        Integer httpStatus,
        String responseBody,
        String outcome,
        String errorText,
        String retryAfter,
        String importId,
        Instant finishedAt) {
}
