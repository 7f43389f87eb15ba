package de.meldedesk.domain;

import de.meldedesk.domain.validation.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident as stored in the database: a draft, or one that was sent. Once
 * sent, {@code submissionId} names the request, and after acceptance
 * {@code incidentId} and {@code importId} contain the portal's IDs.
 * {@code outcomeText} is the error text of a request that did not succeed.
 * {@code deletedAt} is set while the incident is in the bin.
 */
public record StoredIncident(
        long id,
        long companyId,
        String careflexId,
        Incident incident,
        IncidentStatus status,
        int errorCount,
        int warningCount,
        List<Problem> problems,
        Source source,
        Map<String, String> invalidInput,
        Long submissionId,
        String incidentId,
        String importId,
        String outcomeText,
        Long correctsIncident,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public StoredIncident {
        problems = problems == null ? List.of() : List.copyOf(problems);
        invalidInput = invalidInput == null ? Map.of() : Map.copyOf(invalidInput);
        source = source == null ? Source.TYPED : source;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
