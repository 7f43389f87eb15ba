package de.meldedesk.service;

import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.SubmissionResult;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.domain.validation.ReportValidator;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.CompanyIncidents;
import de.meldedesk.remote.PreparedRequest;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.RequestResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ready drafts and records every step in the store, so that nothing is
 * sent twice by accident and nothing vanishes: a request's incidents are
 * committed as SENDING before it leaves, and its outcome is committed when it
 * returns. Used by the desktop app and the command line alike.
 */
public final class SubmissionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);

    /** Statuses from which an incident may go out without a person confirming a duplicate risk. */
    private static final List<IncidentStatus> SENDABLE =
            List.of(IncidentStatus.READY, IncidentStatus.NOT_SENT, IncidentStatus.RETRY_LATER);

    private final Store store;
    private final IncidentTypeCatalogue catalogue;
    private final Clock clock;

    public SubmissionService(Store store, IncidentTypeCatalogue catalogue, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One request to send: the company, the prepared body and the store ids of its incidents in order. */
    public record PlannedRequest(Company company, PreparedRequest request, List<Long> incidentIds) {
    }

    /** An incident that cannot be sent, with the reason as a bundle key and its problems. */
    public record Blocked(StoredIncident incident, String reasonKey, List<Problem> problems) {
    }

    /** The review shown before anything is sent: the requests and the incidents that cannot go. */
    public record Plan(List<PlannedRequest> requests, List<Blocked> blocked) {

        public int incidentCount() {
            return requests.stream().mapToInt(r -> r.incidentIds().size()).sum();
        }
    }

    /** The outcome of one request, joined to the store ids of its incidents. */
    public record SentRequest(PlannedRequest planned, long submissionId, RequestResult result,
                              Map<Long, String> incidentIds) {
    }

    /** Returns the API token that the reports of a company carry: the one of its managing company. */
    public interface ApiTokens {
        Optional<String> forCompany(Company company);
    }

    /**
     * Plans the requests for the given incidents: grouped by company in the
     * order given, at most 100 per request. Incidents that are not ready, that
     * have errors, or whose company has no API token are listed as blocked.
     */
    public Plan plan(CareflexClient client, List<Long> incidentIds, ApiTokens apiTokens) {
        LocalDate today = LocalDate.now(clock);
        ReportValidator validator = new ReportValidator(catalogue);
        Map<Long, List<StoredIncident>> byCompany = new LinkedHashMap<>();
        List<Blocked> blocked = new ArrayList<>();
        for (Long id : incidentIds) {
            Optional<StoredIncident> found = store.incidents().findById(id);
            if (found.isEmpty() || found.get().isDeleted()) {
                continue;
            }
            StoredIncident incident = found.get();
            if (!SENDABLE.contains(incident.status())) {
                blocked.add(new Blocked(incident, "submit.blocked.status." + incident.status().name(), List.of()));
                continue;
            }
            List<Problem> errors = new ArrayList<>();
            for (Problem problem : validator.validate(new Report("-", "-", List.of(incident.incident())), today)) {
                if (problem.isError()) {
                    errors.add(problem);
                }
            }
            if (!incident.invalidInput().isEmpty() || !errors.isEmpty()) {
                blocked.add(new Blocked(incident, "submit.blocked.errors", errors));
                continue;
            }
            byCompany.computeIfAbsent(incident.companyId(), k -> new ArrayList<>()).add(incident);
        }

        List<PlannedRequest> requests = new ArrayList<>();
        for (Map.Entry<Long, List<StoredIncident>> group : byCompany.entrySet()) {
            Company company = store.companies().findById(group.getKey()).orElseThrow();
            Optional<String> apiToken = apiTokens.forCompany(company);
            if (apiToken.isEmpty() || apiToken.get().isEmpty()) {
                for (StoredIncident incident : group.getValue()) {
                    blocked.add(new Blocked(incident, "submit.blocked.noApiToken", List.of()));
                }
                continue;
            }
            List<StoredIncident> incidents = group.getValue();
            List<PreparedRequest> prepared = client.plan(List.of(new CompanyIncidents(company.careflexId(),
                    incidents.stream().map(StoredIncident::incident).toList())), apiToken.get());
            int offset = 0;
            for (PreparedRequest request : prepared) {
                int size = request.incidents().size();
                List<Long> ids = incidents.subList(offset, offset + size).stream().map(StoredIncident::id).toList();
                requests.add(new PlannedRequest(company, request, ids));
                offset += size;
            }
            if (offset != incidents.size()) {
                throw new IllegalStateException("the client planned " + offset + " of " + incidents.size() + " incidents");
            }
        }
        return new Plan(requests, blocked);
    }

    /** Receives progress while sending; called on the sending thread. */
    public interface Progress {
        void requestDone(int done, int total, SentRequest sent);
    }

    /**
     * Sends the planned requests one after another. Stops before the next
     * request once {@code cancelled} returns true, and after an outcome that would
     * hit every further request too (authentication, proxy, connection, retry
     * later); the rest stay as they were and can be sent again.
     */
    public List<SentRequest> send(CareflexClient client, String profileName, Plan plan, Progress progress,
                                  BooleanSupplier cancelled) {
        List<SentRequest> sent = new ArrayList<>();
        int total = plan.requests().size();
        for (PlannedRequest planned : plan.requests()) {
            if (cancelled.getAsBoolean()) {
                LOG.info("Sending cancelled after {} of {} requests", sent.size(), total);
                break;
            }
            SentRequest result = sendOne(client, profileName, planned);
            sent.add(result);
            progress.requestDone(sent.size(), total, result);
            if (stopsTheRest(result.result().outcome())) {
                LOG.info("Stopped sending after outcome {}; {} requests left unsent",
                        result.result().outcome(), total - sent.size());
                break;
            }
        }
        return sent;
    }

    private static boolean stopsTheRest(RequestOutcome outcome) {
        switch (outcome) {
            case AUTH_FAILED:
            case PROXY_AUTH_REQUIRED:
            case NOT_SENT:
            case RETRY_LATER:
                return true;
            default:
                return false;
        }
    }

    private SentRequest sendOne(CareflexClient client, String profileName, PlannedRequest planned) {
        PreparedRequest request = planned.request();
        long companyId = planned.company().id();
        long submissionId = store.submissions().create(companyId, profileName, request.maskedBody(),
                request.incidents().size());
        // Committed before the POST leaves: after a crash these incidents show as outcome unknown.
        store.incidents().markSending(planned.incidentIds(), submissionId);
        store.audit().append("submission.started", "submission", Long.toString(submissionId),
                "company " + planned.company().careflexId() + ", " + planned.incidentIds().size() + " incidents, profile "
                        + profileName);

        RequestResult result = client.send(request);

        Map<Long, String> incidentIds = new HashMap<>();
        IncidentStatus status = statusFor(result.outcome());
        if (result.outcome() == RequestOutcome.ACCEPTED) {
            List<AcceptedIncident> accepted = result.accepted();
            for (int i = 0; i < accepted.size(); i++) {
                incidentIds.put(planned.incidentIds().get(i), accepted.get(i).incidentId());
            }
            store.incidents().recordAccepted(submissionId, result.importId(), incidentIds);
        } else {
            store.incidents().recordOutcome(submissionId, status, result.errorText());
        }
        store.submissions().complete(submissionId, new SubmissionResult(result.httpStatus(), result.responseBody(),
                result.outcome().name(), result.errorText(), result.retryAfter(), result.importId(),
                result.finishedAt()));
        store.audit().append("submission.finished", "submission", Long.toString(submissionId),
                "outcome " + result.outcome() + (result.importId() == null ? "" : ", importId " + result.importId()));
        LOG.info("Submission {} for company {} finished: {} ({} incidents)", submissionId,
                planned.company().careflexId(), result.outcome(), planned.incidentIds().size());
        return new SentRequest(planned, submissionId, result, incidentIds);
    }

    /** Maps a request's outcome to the status its incidents get. */
    static IncidentStatus statusFor(RequestOutcome outcome) {
        switch (outcome) {
            case ACCEPTED:
                return IncidentStatus.ACCEPTED;
            case REJECTED:
                return IncidentStatus.REJECTED;
            case RETRY_LATER:
                return IncidentStatus.RETRY_LATER;
            case UNKNOWN:
                return IncidentStatus.UNKNOWN;
            case NOT_SENT:
            case AUTH_FAILED:
            case PROXY_AUTH_REQUIRED:
            default:
                return IncidentStatus.NOT_SENT;
        }
    }

    /**
     * Records incidents of unknown outcome that the clerk found in the portal as
     * accepted, with the incident IDs the portal shows. They are never sent again.
     *
     * @param incidentIds store id to the portal's incident ID, all of one submission
     * @return how many incidents were recorded
     * @throws IllegalArgumentException when an incident is not UNKNOWN or not part of the submission;
     *         then none is recorded
     */
    public int recordFoundInPortal(long submissionId, String importId, Map<Long, String> incidentIds,
                                   String confirmedBy) {
        for (Long id : incidentIds.keySet()) {
            StoredIncident incident = store.incidents().findById(id).orElseThrow(
                    () -> new IllegalArgumentException("incident " + id + " does not exist"));
            boolean inSubmission = Long.valueOf(submissionId).equals(incident.submissionId());
            if (incident.status() != IncidentStatus.UNKNOWN || !inSubmission) {
                throw new IllegalArgumentException("incident " + id + " is " + incident.status()
                        + " in submission " + incident.submissionId() + ", not UNKNOWN in submission " + submissionId);
            }
        }
        if (incidentIds.isEmpty()) {
            return 0;
        }
        store.incidents().recordAccepted(submissionId, importId, incidentIds);
        store.audit().append("incident.foundinportal", "submission", Long.toString(submissionId),
                incidentIds.size() + " incidents of unknown outcome found in the portal by " + confirmedBy);
        LOG.info("{} incidents of submission {} recorded as accepted after a check in the portal",
                incidentIds.size(), submissionId);
        return incidentIds.size();
    }

    /**
     * Releases incidents of unknown outcome for sending again. The caller must
     * have asked the clerk, who checked that the portal does not have them,
     * because the portal may have imported them and would then hold duplicates.
     *
     * @return how many incidents were released
     */
    public int releaseUnknownAfterConfirmation(List<Long> incidentIds, String confirmedBy) {
        List<Long> unknown = incidentIds.stream()
                .filter(id -> store.incidents().findById(id)
                        .map(incident -> incident.status() == IncidentStatus.UNKNOWN).orElse(false))
                .toList();
        int released = store.incidents().releaseUnknown(unknown);
        // One entry per incident: a list of ids overflows the 200 characters of object_id.
        for (Long id : unknown) {
            store.audit().append("incident.resendconfirmed", "incident", Long.toString(id),
                    "incident of unknown outcome released for sending again by " + confirmedBy);
        }
        return released;
    }
}
