package de.meldedesk.domain;

import java.time.Instant;

/**
 * One request to {@code incident/new}. {@code requestBody} is the body as
 * sent with the API token masked; {@code responseBody} is the body exactly as
 * received. {@code outcome} is null until the request has finished.
 */
public record Submission(
        long id,
        long companyId,
        String profileName,
        String requestBody,
        String responseBody,
        Integer httpStatus,
        String outcome,
        String errorText,
        String retryAfter,
        String importId,
        int rowCount,
        Instant startedAt,
        Instant finishedAt) {

    public boolean isFinished() {
        return finishedAt != null;
    }
}
