package de.meldedesk.persistence;

import de.meldedesk.domain.Submission;
import de.meldedesk.domain.SubmissionResult;
import java.util.List;
import java.util.Optional;

/** One row per request to {@code incident/new}, written before the request leaves and completed after. */
public interface SubmissionRepository {

    /**
     * Records a request about to be sent and returns its id.
     * {@code maskedRequestBody} must come from {@code CareflexJson.writeReportMasked}.
     *
     * @throws IllegalArgumentException when the body carries an API token that is not masked
     */
    long create(long companyId, String profileName, String maskedRequestBody, int rowCount);

    /** Records how the request ended. */
    void complete(long id, SubmissionResult result);

    Optional<Submission> find(long id);

    /** Lists submissions newest first; {@code companyId} null lists those of all companies. */
    List<Submission> list(Long companyId, int limit, int offset);
}
