package de.meldedesk.service.history;

import de.meldedesk.domain.Submission;
import java.util.List;

/**
 * A request with its incidents, and its bodies pretty-printed for display:
 * the request as sent with the API token masked, the response as received
 * (empty text when there was none).
 */
public record SubmissionDetail(Submission submission, String companyName, String careflexId,
        List<SentIncident> incidents, String prettyRequest, String prettyResponse) {

    public SubmissionDetail {
        incidents = List.copyOf(incidents);
    }
}
