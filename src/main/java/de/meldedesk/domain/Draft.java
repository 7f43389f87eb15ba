package de.meldedesk.domain;

import de.meldedesk.domain.validation.Problem;
import java.util.List;
import java.util.Map;

/**
 * A new incident as it is first stored. {@code invalidInput} keeps, per field
 * path such as {@code validFrom}, text the clerk typed that is not yet a
 * valid value (for example "31.02.2026"), so nothing typed is lost.
 * {@code correctsIncident} is the database id of an earlier incident this one
 * corrects, or null.
 */
public record Draft(
        long companyId,
        Incident incident,
        IncidentStatus status,
        List<Problem> problems,
        Source source,
        Map<String, String> invalidInput,
        Long correctsIncident) {

    public Draft {
        problems = problems == null ? List.of() : List.copyOf(problems);
        source = source == null ? Source.TYPED : source;
        invalidInput = invalidInput == null ? Map.of() : Map.copyOf(invalidInput);
        status = status == null ? IncidentStatus.DRAFT : status;
    }

    public static Draft of(long companyId, Incident incident) {
        return new Draft(companyId, incident, IncidentStatus.DRAFT, List.of(), Source.TYPED, Map.of(), null);
    }
}
