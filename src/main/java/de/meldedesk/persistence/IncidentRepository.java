package de.meldedesk.persistence;

import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.validation.Problem;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts and sent incidents. Sending follows three steps, each committed on
 * its own: {@link #markSending} before the request leaves, then
 * {@link #recordAccepted} or {@link #recordOutcome} when it has ended. An
 * incident still {@code SENDING} at the next start becomes {@code UNKNOWN}
 * through {@link #markInterruptedAsUnknown}.
 */
public interface IncidentRepository {

    /** Inserts all drafts in one transaction with one JDBC batch; returns their ids in the order given. */
    List<Long> insertDrafts(List<Draft> drafts);

    default long insertDraft(Draft draft) {
        return insertDrafts(List.of(draft)).get(0);
    }

    /**
     * Starts an import: drafts inserted with {@link #insertImportedDrafts}
     * under the returned batch are kept only once {@link #completeImport} has
     * run. Until then a crash or a failed import leaves them to
     * {@link #discardIncompleteImports}.
     */
    long beginImport(String sourceName);

    /** Inserts the drafts of one import tagged with the batch, a few hundred per transaction; returns their ids. */
    List<Long> insertImportedDrafts(List<Draft> drafts, long batch);

    /** Marks the import as complete, which keeps its drafts from then on. */
    void completeImport(long batch);

    /**
     * Deletes the unsent drafts of a batch that did not complete, and the
     * batch; returns how many drafts were deleted. Sent ones stay, without the batch.
     */
    int discardImport(long batch);

    /**
     * Deletes the unsent drafts of every import that was begun and never
     * completed, and their batches; returns how many drafts were deleted.
     * Called at every start.
     */
    int discardIncompleteImports();

    /**
     * Replaces the data of an incident that may still be edited (see
     * {@link IncidentStatus#isEditable()}).
     *
     * @throws IllegalStateException when the incident was sent, is being sent or is in the bin
     */
    StoredIncident updateDraft(long id, Incident incident, IncidentStatus status, List<Problem> problems,
            Map<String, String> invalidInput);

    Optional<StoredIncident> findById(long id);

    /** Lists incidents by company, status, type and month of {@code validFrom}, oldest first. */
    List<StoredIncident> list(IncidentFilter filter);

    long count(IncidentFilter filter);

    /** Moves editable incidents to the bin; returns how many moved. Sent incidents stay. */
    int softDelete(List<Long> ids);

    /** Takes incidents out of the bin; returns how many came back. */
    int undelete(List<Long> ids);

    /**
     * Finds incidents outside the bin with the same company, employee ID,
     * type and {@code validFrom}, drafted or sent, other than {@code excludeId}.
     */
    List<StoredIncident> findDuplicates(long companyId, String employeeId, String type, LocalDate validFrom,
            Long excludeId);

    /**
     * Marks the incidents as {@code SENDING} in the given submission and
     * commits, which must happen before the request leaves.
     *
     * @throws IllegalStateException when one of them may not be sent (already
     *         sent, being sent or in the bin); then none is marked
     */
    /** Returns the incidents of a company, drafted or sent and not in the bin, for any of the employee IDs. */
    List<StoredIncident> findByEmployeeIds(long companyId, Collection<String> employeeIds);

    void markSending(List<Long> ids, long submissionId);

    /**
     * Records the portal's IDs: each incident of {@code incidentIds} (database
     * id to the portal's incident ID) becomes {@code ACCEPTED}.
     *
     * @throws IllegalArgumentException when an id is not part of the submission
     */
    void recordAccepted(long submissionId, String importId, Map<Long, String> incidentIds);

    /**
     * Sets every incident of the submission that is still {@code SENDING} or
     * {@code UNKNOWN} to {@code status}, with the error text; returns how many.
     */
    int recordOutcome(long submissionId, IncidentStatus status, String errorText);

    /** Turns every {@code SENDING} incident into {@code UNKNOWN}; returns how many. Called at every start. */
    int markInterruptedAsUnknown();

    /**
     * Turns incidents of unknown outcome back into READY. Only for a clerk who
     * checked in the portal that they did not arrive; others are left alone.
     *
     * @return how many incidents were released
     */
    int releaseUnknown(List<Long> ids);

    /**
     * Searches sent incidents (accepted, rejected, unknown or being sent) by
     * employee name prefix, employee ID, personnel number, incident ID, import
     * ID or external ID; blank text lists them all. Newest submission first.
     */
    List<StoredIncident> searchHistory(String text, int limit, int offset);

    long countHistory(String text);

    /** Searches sent incidents like {@link #searchHistory(String, int, int)}, narrowed by the other fields of the filter. */
    List<StoredIncident> searchHistory(HistoryFilter filter, int limit, int offset);

    long countHistory(HistoryFilter filter);
}
