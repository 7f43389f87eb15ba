package de.meldedesk.service.history;

import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.domain.AuditEntry;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.EmptyReport;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.ReportResponse;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Submission;
import de.meldedesk.domain.validation.IncidentValidator;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.persistence.AuditLog;
import de.meldedesk.persistence.HistoryFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.wire.CareflexJson;
import de.meldedesk.wire.ResponseMismatchException;
import de.meldedesk.wire.WireFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the history of sent requests and incidents for the history screen,
 * builds receipts from the stored responses and copies sent incidents into
 * new drafts. Synchronous and free of UI code; callers run it in the background.
 */
public final class HistoryService {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryService.class);

    /** Submissions read per query while the list of requests is filled. */
    private static final int SUBMISSION_PAGE = 200;

    /** Incidents read per query during an export. */
    private static final int EXPORT_PAGE = 2000;

    private final Store store;
    private final IncidentTypeCatalogue catalogue;
    private final Clock clock;

    public HistoryService(Store store, IncidentTypeCatalogue catalogue, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Lists the companies for the filter, archived ones included, because their history stays. */
    public List<Company> companies() {
        return store.companies().list(true);
    }

    /**
     * Lists requests to {@code incident/new} and empty reports, newest first,
     * at most {@code limit}. The incident type and search text of the query
     * do not apply here.
     */
    public List<HistoryEntry> entries(HistoryQuery query, int limit) {
        Map<Long, Company> companies = companiesById();
        List<HistoryEntry> found = new ArrayList<>();
        Instant monthStart = query.month() == null ? null : start(query.month());
        Instant monthEnd = query.month() == null ? null : start(query.month().plusMonths(1));
        int offset = 0;
        boolean more = true;
        while (more && found.size() < limit) {
            List<Submission> page = store.submissions().list(query.companyId(), SUBMISSION_PAGE, offset);
            offset += page.size();
            more = page.size() == SUBMISSION_PAGE;
            for (Submission submission : page) {
                Instant sentAt = submission.startedAt();
                if (monthStart != null && sentAt.isBefore(monthStart)) {
                    // Submissions come newest first, so every later one is older still.
                    more = false;
                    break;
                }
                if (monthEnd != null && !sentAt.isBefore(monthEnd)) {
                    continue;
                }
                if (query.outcome() != null && !query.outcome().matchesRequest(submission.outcome())) {
                    continue;
                }
                Company company = companies.get(submission.companyId());
                found.add(new HistoryEntry(HistoryEntry.Kind.SUBMISSION, submission.id(), sentAt,
                        submission.companyId(), careflexId(company), companyName(company), submission.profileName(),
                        submission.rowCount(), submission.outcome(), submission.importId(), null));
            }
        }
        for (EmptyReport report : emptyReports(query.companyId(), companies)) {
            boolean inMonth = monthStart == null
                    || (!report.sentAt().isBefore(monthStart) && report.sentAt().isBefore(monthEnd));
            boolean outcomeFits = query.outcome() == null || query.outcome().matchesRequest(report.outcome());
            if (inMonth && outcomeFits) {
                Company company = companies.get(report.companyId());
                found.add(new HistoryEntry(HistoryEntry.Kind.EMPTY_REPORT, report.id(), report.sentAt(),
                        report.companyId(), careflexId(company), companyName(company), report.profileName(), 0,
                        report.outcome(), null, report.reportMonth()));
            }
        }
        found.sort(Comparator.comparing(HistoryEntry::sentAt).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private List<EmptyReport> emptyReports(Long companyId, Map<Long, Company> companies) {
        if (companyId != null) {
            return store.emptyReports().listForCompany(companyId);
        }
        List<EmptyReport> all = new ArrayList<>();
        for (Long id : companies.keySet()) {
            all.addAll(store.emptyReports().listForCompany(id));
        }
        return all;
    }

    /** Finds an empty report by its id. */
    public Optional<EmptyReport> emptyReport(long companyId, long id) {
        return store.emptyReports().listForCompany(companyId).stream().filter(r -> r.id() == id).findFirst();
    }

    /** Lists one page of sent incidents, newest request first. */
    public List<SentIncident> incidents(HistoryQuery query, int limit, int offset) {
        Optional<HistoryFilter> filter = filter(query);
        if (filter.isEmpty()) {
            return List.of();
        }
        return describe(store.incidents().searchHistory(filter.get(), limit, offset), companiesById(),
                new HashMap<>(), new HashMap<>());
    }

    public long countIncidents(HistoryQuery query) {
        Optional<HistoryFilter> filter = filter(query);
        return filter.isEmpty() ? 0 : store.incidents().countHistory(filter.get());
    }

    /**
     * Reads every sent incident that fits the query, page by page, for an
     * export; {@code progress} gets the number read so far and the total.
     */
    public List<SentIncident> allIncidents(HistoryQuery query, ExportProgress progress) {
        Optional<HistoryFilter> filter = filter(query);
        if (filter.isEmpty()) {
            return List.of();
        }
        long total = store.incidents().countHistory(filter.get());
        Map<Long, Company> companies = companiesById();
        Map<Long, Instant> sentTimes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<SentIncident> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<StoredIncident> page = store.incidents().searchHistory(filter.get(), EXPORT_PAGE, offset);
            all.addAll(describe(page, companies, sentTimes, names));
            offset += page.size();
            progress.update(all.size(), total);
            if (page.size() < EXPORT_PAGE) {
                return all;
            }
        }
    }

    /** Receives how far an export has read. */
    @FunctionalInterface
    public interface ExportProgress {
        void update(long done, long total);
    }

    /** Returns the filter for the store, or empty when no sent incident can fit (outcome {@link Outcome#FAILED}). */
    private Optional<HistoryFilter> filter(HistoryQuery query) {
        IncidentStatus status = null;
        if (query.outcome() != null) {
            status = query.outcome().incidentStatus();
            if (status == null) {
                return Optional.empty();
            }
        }
        Instant from = query.month() == null ? null : start(query.month());
        Instant to = query.month() == null ? null : start(query.month().plusMonths(1));
        return Optional.of(new HistoryFilter(query.text(), query.companyId(), query.type(), status, from, to, null));
    }

    private List<SentIncident> describe(List<StoredIncident> stored, Map<Long, Company> companies,
            Map<Long, Instant> sentTimes, Map<String, String> names) {
        List<SentIncident> described = new ArrayList<>(stored.size());
        for (StoredIncident incident : stored) {
            Instant sentAt = incident.submissionId() == null ? null
                    : sentTimes.computeIfAbsent(incident.submissionId(), id -> store.submissions().find(id)
                            .map(Submission::startedAt).orElse(null));
            described.add(new SentIncident(incident, companyName(companies.get(incident.companyId())), sentAt,
                    employeeName(incident.companyId(), incident.incident(), names)));
        }
        return described;
    }

    /** Returns the name sent with the incident, or else the one in the stored master data. */
    private String employeeName(long companyId, Incident incident, Map<String, String> cache) {
        String sent = HistoryNames.displayName(incident.employee().firstName(), incident.employee().lastName());
        if (!sent.isEmpty() || incident.employeeId() == null) {
            return sent;
        }
        return cache.computeIfAbsent(companyId + "/" + incident.employeeId(), key -> store.employees()
                .find(companyId, incident.employeeId())
                .map(StoredEmployee::employee)
                .map(e -> HistoryNames.displayName(e.firstName(), e.lastName()))
                .orElse(""));
    }

    /** Reads a request with its incidents and bodies. */
    public Optional<SubmissionDetail> detail(long submissionId) {
        Optional<Submission> found = store.submissions().find(submissionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Submission submission = found.get();
        Map<Long, Company> companies = companiesById();
        Company company = companies.get(submission.companyId());
        List<StoredIncident> stored = store.incidents().searchHistory(HistoryFilter.submission(submissionId),
                Math.max(submission.rowCount(), 1), 0);
        List<SentIncident> incidents = describe(stored, companies, new HashMap<>(), new HashMap<>());
        String response = submission.responseBody() == null ? "" : CareflexJson.pretty(submission.responseBody());
        return Optional.of(new SubmissionDetail(submission, companyName(company), careflexId(company), incidents,
                CareflexJson.pretty(submission.requestBody()), response));
    }

    /**
     * Builds the receipt of an accepted request from the portal's stored
     * response, joined by {@code rowNumber} with the stored request.
     *
     * @throws ReceiptUnavailableException when the request is unknown, was not
     *         accepted, or its response does not fit the request
     */
    public Receipt receipt(long submissionId) throws ReceiptUnavailableException {
        Submission submission = store.submissions().find(submissionId).orElseThrow(() ->
                new ReceiptUnavailableException("history.receipt.notFound", "no submission " + submissionId, null));
        if (!"ACCEPTED".equals(submission.outcome()) || submission.responseBody() == null) {
            throw new ReceiptUnavailableException("history.receipt.notAccepted",
                    "submission " + submissionId + " has outcome " + submission.outcome(), null);
        }
        List<AcceptedIncident> joined;
        ReportResponse response;
        try {
            response = CareflexJson.parseResponse(submission.responseBody());
            Report sent = CareflexJson.readReport(submission.requestBody());
            joined = CareflexJson.join(sent, response);
        } catch (WireFormatException | ResponseMismatchException e) {
            LOG.warn("Receipt of submission {} cannot be built: {}", submissionId, e.getMessage());
            throw new ReceiptUnavailableException("history.receipt.mismatch",
                    "stored response of submission " + submissionId + " does not fit its request", e);
        }
        Company company = store.companies().findById(submission.companyId()).orElse(null);
        Map<String, String> names = new HashMap<>();
        List<Receipt.Row> rows = new ArrayList<>(joined.size());
        for (AcceptedIncident accepted : joined) {
            Incident incident = accepted.incident();
            rows.add(new Receipt.Row(accepted.row().rowNumber(), incident.employeeId(),
                    employeeName(submission.companyId(), incident, names), incident.type(), incident.validFrom(),
                    accepted.incidentId()));
        }
        rows.sort(Comparator.comparingInt(Receipt.Row::rowNumber));
        return new Receipt(submissionId, companyName(company), careflexId(company), submission.startedAt(),
                submission.profileName(), response.importId(), rows);
    }

    /**
     * Creates a draft with the data of a sent incident, linked to it through
     * {@code correctsIncident}, and returns the draft's id.
     *
     * @throws IllegalArgumentException when there is no such incident
     */
    public long copyAsDraft(long incidentId) {
        StoredIncident original = store.incidents().findById(incidentId)
                .orElseThrow(() -> new IllegalArgumentException("no incident " + incidentId));
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = new IncidentValidator(catalogue).validate(original.incident(), today);
        Draft draft = new Draft(original.companyId(), original.incident(), IncidentStatus.DRAFT, problems,
                original.source(), Map.of(), original.id());
        long id = store.incidents().insertDraft(draft);
        store.audit().append("incident.copied", "incident", Long.toString(id),
                "draft " + id + " copied from sent incident " + incidentId
                        + (original.incidentId() == null ? "" : " (incidentId " + original.incidentId() + ")"));
        LOG.info("Copied sent incident {} into draft {}", incidentId, id);
        return id;
    }

    /** Lists audit log entries, newest first. */
    public List<AuditEntry> audit(AuditLog.Filter filter) {
        return store.audit().list(filter);
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
    }

    private Map<Long, Company> companiesById() {
        Map<Long, Company> byId = new HashMap<>();
        for (Company company : store.companies().list(true)) {
            byId.put(company.id(), company);
        }
        return byId;
    }

    private static String companyName(Company company) {
        return company == null ? "" : company.name();
    }

    private static String careflexId(Company company) {
        return company == null ? "" : company.careflexId();
    }
}
