package de.meldedesk.ui.submit;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Submission;
import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.RequestResult;
import de.meldedesk.remote.TokenStatus;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.ui.common.BackgroundRunner;
import de.meldedesk.ui.common.Workspace;
import de.meldedesk.wire.CareflexJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one review-and-send run: the planned requests with their
 * masked JSON, the incidents that cannot be sent, the progress while sending,
 * and the results per request and per incident with the actions that follow
 * (send again, confirm a resend of unknown outcome, sign in again).
 */
public final class SubmitViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One planned request as the review shows it. */
    public record RequestLine(String company, String careflexId, int part, int partCount, int rows,
                              String maskedJson) {
    }

    /** An incident that is not sent, and why. */
    public record BlockedLine(long incidentId, String incident, String reason) {
    }

    /** One request after sending; {@code submissionId} is null for a request that was not sent. */
    public record RequestResultLine(Long submissionId, String company, int part, int partCount, int rows,
                                    RequestOutcome outcome, String outcomeText, String importId, String detail) {
    }

    /** One incident after sending, next to the file and row it came from. */
    public record ResultRow(long storeId, String company, String source, String employee, String incidentId,
                            String importId, IncidentStatus status, String statusText, String message) {
    }

    private record Review(SubmissionService.Plan plan, List<RequestLine> requests, List<BlockedLine> blocked,
                          int warnings) {
    }

    private record Results(List<RequestResultLine> requests, List<ResultRow> rows, List<String> notes,
                           boolean authFailed, Instant resendNotBefore, List<String> importIds) {
    }

    private final SubmissionService submissions;
    private final Store store;
    private final SubmissionService.ApiTokens apiTokens;
    private final Workspace workspace;
    private final BackgroundRunner runner;
    private final Locale locale;
    private final Clock clock;

    private final ObservableList<RequestLine> requests = FXCollections.observableArrayList();
    private final ObservableList<BlockedLine> blocked = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(false);
    private final ObservableList<RequestResultLine> requestResults = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final BooleanProperty authFailed = new SimpleBooleanProperty(false);
    private final ObjectProperty<Instant> resendNotBefore = new SimpleObjectProperty<>();
    private final ObservableList<String> importIds = FXCollections.observableArrayList();
    private SubmissionService.Plan plan;
    private BackgroundRunner.Handle sending;

    public SubmitViewModel(SubmissionService submissions, Store store, SubmissionService.ApiTokens apiTokens,
                           Workspace workspace, BackgroundRunner runner, Locale locale, Clock clock) {
        this.submissions = submissions;
        this.store = store;
        this.apiTokens = apiTokens;
        this.workspace = workspace;
        this.runner = runner;
        this.locale = locale;
        this.clock = clock;
    }

    public ObservableList<RequestLine> requests() {
        return requests;
    }

    public ObservableList<BlockedLine> blocked() {
        return blocked;
    }

    /** The validation summary of the review: what goes out, what does not. */
    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** An unexpected failure of planning or sending in the clerk's words; empty when there is none. */
    public StringProperty errorProperty() {
        return error;
    }

    /** Requests done divided by requests planned, from 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public BooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }

    public ObservableList<RequestResultLine> requestResults() {
        return requestResults;
    }

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    /** Sentences that tell the clerk what happened and what to do next. */
    public ObservableList<String> notes() {
        return notes;
    }

    /** True after the server rejected the sign-in while sending; the clerk must sign in again. */
    public BooleanProperty authFailedProperty() {
        return authFailed;
    }

    /** The earliest time the server accepts a new attempt (from Retry-After), or null. */
    public ObjectProperty<Instant> resendNotBeforeProperty() {
        return resendNotBefore;
    }

    public ObservableList<String> importIds() {
        return importIds;
    }

    /** Returns whether the review has at least one request to send. */
    public boolean hasRequests() {
        return plan != null && !plan.requests().isEmpty();
    }

    /** Plans the requests for the incidents in the background and fills the review. */
    public void review(CareflexClient client, List<Long> incidentIds, Runnable onReady) {
        busy.set(true);
        error.set("");
        runner.run(p -> buildReview(client, incidentIds), review -> {
            busy.set(false);
            plan = review.plan();
            requests.setAll(review.requests());
            blocked.setAll(review.blocked());
            summary.set(Messages.format(locale, "submit.review.summary", review.plan().incidentCount(),
                    review.plan().requests().size(), review.blocked().size(), review.warnings()));
            onReady.run();
        }, failure -> {
            busy.set(false);
            LOG.warn("Planning the submission of {} incidents failed", incidentIds.size(), failure);
            error.set(Messages.format(locale, "submit.error.plan"));
            onReady.run();
        });
    }

    private Review buildReview(CareflexClient client, List<Long> incidentIds) {
        SubmissionService.Plan planned = submissions.plan(client, incidentIds, apiTokens);
        List<RequestLine> lines = new ArrayList<>();
        int warnings = 0;
        for (SubmissionService.PlannedRequest request : planned.requests()) {
            lines.add(new RequestLine(request.company().name(), request.company().careflexId(),
                    request.request().part(), request.request().partCount(), request.incidentIds().size(),
                    CareflexJson.pretty(request.request().maskedBody())));
            for (Long id : request.incidentIds()) {
                warnings += store.incidents().findById(id).map(StoredIncident::warningCount).orElse(0);
            }
        }
        List<BlockedLine> blockedLines = new ArrayList<>();
        for (SubmissionService.Blocked item : planned.blocked()) {
            StringBuilder reason = new StringBuilder(Messages.format(locale, item.reasonKey()));
            for (Problem problem : item.problems()) {
                reason.append(' ').append(Messages.format(locale, "submit.review.problem",
                        problem.fieldLabel(locale), problem.message(locale)));
            }
            blockedLines.add(new BlockedLine(item.incident().id(), describeIncident(item.incident()),
                    reason.toString()));
        }
        return new Review(planned, lines, blockedLines, warnings);
    }

    /**
     * Sends the reviewed requests in the background. Progress arrives in
     * {@link #progressProperty()}; {@link #cancel()} stops between requests.
     */
    public void send(CareflexClient client, String profileName, Runnable onDone) {
        SubmissionService.Plan toSend = plan;
        if (toSend == null || toSend.requests().isEmpty()) {
            onDone.run();
            return;
        }
        busy.set(true);
        cancelRequested.set(false);
        // Indeterminate until the first request has returned.
        progress.set(-1);
        int totalRows = toSend.incidentCount();
        progressText.set(Messages.format(locale, "submit.progress.text", 0, toSend.requests().size(), 0, totalRows));
        LOG.info("Sending {} requests with {} incidents on profile {}", toSend.requests().size(), totalRows,
                profileName);
        sending = runner.run(reporter -> {
            int[] rowsDone = {0};
            List<SubmissionService.SentRequest> sent = submissions.send(client, profileName, toSend,
                    (done, total, request) -> {
                        rowsDone[0] += request.planned().incidentIds().size();
                        reporter.update(done, total, Messages.format(locale, "submit.progress.text", done, total,
                                rowsDone[0], totalRows));
                    }, reporter::isCancelled);
            return buildResults(toSend, sent, reporter.isCancelled());
        }, (done, total, message) -> {
            progress.set(total == 0 ? 0 : (double) done / total);
            progressText.set(message);
        }, results -> {
            busy.set(false);
            sending = null;
            progress.set(1);
            requestResults.setAll(results.requests());
            rows.setAll(results.rows());
            notes.setAll(results.notes());
            importIds.setAll(results.importIds());
            authFailed.set(results.authFailed());
            resendNotBefore.set(results.resendNotBefore());
            if (results.authFailed()) {
                workspace.clientProperty().set(null);
                workspace.tokenStatusProperty().set(TokenStatus.SIGNED_OUT);
            }
            workspace.draftsChanged();
            onDone.run();
        }, failure -> {
            busy.set(false);
            sending = null;
            LOG.error("Sending failed unexpectedly", failure);
            error.set(Messages.format(locale, "submit.error.send"));
            workspace.draftsChanged();
            onDone.run();
        });
    }

    /** Asks the sending job to stop before its next request; the running request finishes. */
    public void cancel() {
        if (sending != null) {
            sending.cancel();
            cancelRequested.set(true);
            progressText.set(Messages.format(locale, "submit.progress.cancelling"));
        }
    }

    private Results buildResults(SubmissionService.Plan sentPlan, List<SubmissionService.SentRequest> sent,
                                 boolean cancelled) {
        List<RequestResultLine> lines = new ArrayList<>();
        List<ResultRow> resultRows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        boolean auth = false;
        boolean proxy = false;
        Instant notBefore = null;
        int accepted = 0;
        int rejected = 0;
        int unknown = 0;
        int notSent = 0;
        for (SubmissionService.SentRequest request : sent) {
            SubmissionService.PlannedRequest planned = request.planned();
            RequestResult result = request.result();
            RejectionDetails rejection = result.outcome() == RequestOutcome.REJECTED
                    ? RejectionDetails.parse(result.responseBody()) : null;
            lines.add(new RequestResultLine(request.submissionId(), planned.company().name(),
                    planned.request().part(), planned.request().partCount(), planned.incidentIds().size(),
                    result.outcome(), Messages.format(locale, "submit.outcome." + result.outcome().name()),
                    result.importId(), result.describe(locale)));
            if (result.importId() != null) {
                ids.add(result.importId());
            }
            auth |= result.outcome() == RequestOutcome.AUTH_FAILED;
            proxy |= result.outcome() == RequestOutcome.PROXY_AUTH_REQUIRED;
            if (result.outcome() == RequestOutcome.RETRY_LATER) {
                notBefore = result.finishedAt().plus(result.retryAfterDelay().orElse(Duration.ZERO));
            }
            for (int i = 0; i < planned.incidentIds().size(); i++) {
                long id = planned.incidentIds().get(i);
                String message = result.outcome() == RequestOutcome.ACCEPTED ? "" : result.describe(locale);
                if (rejection != null) {
                    String reason = rejection.forRow(i);
                    message = reason.isEmpty() ? Messages.format(locale, "submit.result.rejectedNoReason") : reason;
                }
                ResultRow row = resultRow(id, planned.company(), message);
                resultRows.add(row);
                switch (row.status()) {
                    case ACCEPTED -> accepted++;
                    case REJECTED -> rejected++;
                    case UNKNOWN -> unknown++;
                    default -> notSent++;
                }
            }
        }
        int unsentRequests = 0;
        for (int r = sent.size(); r < sentPlan.requests().size(); r++) {
            SubmissionService.PlannedRequest planned = sentPlan.requests().get(r);
            unsentRequests++;
            String reason = Messages.format(locale, cancelled ? "submit.result.cancelled" : "submit.result.stopped");
            lines.add(new RequestResultLine(null, planned.company().name(), planned.request().part(),
                    planned.request().partCount(), planned.incidentIds().size(), null,
                    Messages.format(locale, "submit.outcome.notSentYet"), null, reason));
            for (Long id : planned.incidentIds()) {
                resultRows.add(resultRow(id, planned.company(), reason));
                notSent++;
            }
        }

        List<String> messages = new ArrayList<>();
        if (accepted > 0) {
            messages.add(Messages.format(locale, "submit.note.accepted", accepted, String.join(", ", ids)));
        }
        if (rejected > 0) {
            messages.add(Messages.format(locale, "submit.note.rejected", rejected));
        }
        if (unknown > 0) {
            messages.add(Messages.format(locale, "submit.note.unknown", unknown));
        }
        if (auth) {
            messages.add(Messages.format(locale, "submit.note.authFailed"));
        } else if (proxy) {
            messages.add(Messages.format(locale, "submit.note.proxy"));
        }
        if (notBefore != null) {
            messages.add(Messages.format(locale, "submit.note.retryLater",
                    TIME.format(notBefore.atZone(zone()))));
        } else if (notSent > 0) {
            messages.add(Messages.format(locale, "submit.note.notSent", notSent));
        }
        if (cancelled && unsentRequests > 0) {
            LOG.info("Sending was cancelled; {} requests were not sent", unsentRequests);
        }
        return new Results(lines, resultRows, messages, auth, notBefore, ids);
    }

    private ResultRow resultRow(long id, Company company, String message) {
        StoredIncident incident = store.incidents().findById(id).orElse(null);
        if (incident == null) {
            return new ResultRow(id, company.name(), "", "", "", "", IncidentStatus.NOT_SENT, "", message);
        }
        String shown = incident.status() == IncidentStatus.ACCEPTED ? "" : message;
        return new ResultRow(id, company.name(), describeSource(incident.source()), describeEmployee(incident),
                Text.clean(incident.incidentId()) == null ? "" : incident.incidentId(),
                incident.importId() == null ? "" : incident.importId(), incident.status(),
                Messages.format(locale, "submit.status." + incident.status().name()), shown == null ? "" : shown);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** Returns whether the clerk may send again now, given the Retry-After time. */
    public boolean resendAllowedAt(Instant now) {
        Instant notBefore = resendNotBefore.get();
        return notBefore == null || !now.isBefore(notBefore);
    }

    /** Returns the incidents of the results that may go out again: not sent, retry later, or of unknown outcome. */
    public List<Long> resendCandidates() {
        Set<Long> ids = new LinkedHashSet<>();
        for (ResultRow row : rows) {
            IncidentStatus status = row.status();
            if (status == IncidentStatus.NOT_SENT || status == IncidentStatus.RETRY_LATER
                    || status == IncidentStatus.READY || status == IncidentStatus.UNKNOWN) {
                ids.add(row.storeId());
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Reads the statuses of the incidents in the background and returns those
     * of unknown outcome, which need the clerk's confirmation before a resend.
     */
    public void findUnknown(List<Long> incidentIds, Consumer<List<Long>> onFound) {
        runner.run(p -> {
            List<Long> unknown = new ArrayList<>();
            for (Long id : incidentIds) {
                store.incidents().findById(id).filter(i -> i.status() == IncidentStatus.UNKNOWN)
                        .ifPresent(i -> unknown.add(i.id()));
            }
            return unknown;
        }, onFound, failure -> {
            LOG.warn("Reading the status of {} incidents failed", incidentIds.size(), failure);
            error.set(Messages.format(locale, "submit.error.plan"));
        });
    }

    /**
     * Releases incidents of unknown outcome for sending again, after the clerk
     * confirmed the risk of a duplicate. Only call after that confirmation.
     */
    public void releaseConfirmed(List<Long> unknownIds, String confirmedBy, Runnable onReleased) {
        runner.run(p -> submissions.releaseUnknownAfterConfirmation(unknownIds, confirmedBy), released -> {
            LOG.info("{} incidents of unknown outcome released for sending again", released);
            onReleased.run();
        }, failure -> {
            LOG.warn("Releasing {} incidents failed", unknownIds.size(), failure);
            error.set(Messages.format(locale, "submit.error.plan"));
        });
    }

    /** Loads the stored receipt of a request in the background. */
    public void loadReceipt(long submissionId, Consumer<Submission> onLoaded) {
        runner.run(p -> store.submissions().find(submissionId).orElse(null), onLoaded, failure -> {
            LOG.warn("Loading submission {} failed", submissionId, failure);
            error.set(Messages.format(locale, "submit.error.plan"));
        });
    }

    /** Clears the review and the results before a new run. */
    public void reset() {
        plan = null;
        requests.clear();
        blocked.clear();
        summary.set("");
        error.set("");
        progress.set(0);
        progressText.set("");
        requestResults.clear();
        rows.clear();
        notes.clear();
        importIds.clear();
        authFailed.set(false);
        resendNotBefore.set(null);
    }

    private String describeIncident(StoredIncident incident) {
        return Messages.format(locale, "submit.incident", describeEmployee(incident),
                describeSource(incident.source()));
    }

    private String describeEmployee(StoredIncident incident) {
        var employee = incident.incident().employee();
        String name = Text.clean(employee.lastName()) == null ? "" : employee.lastName();
        if (Text.clean(employee.firstName()) != null) {
            name = name.isEmpty() ? employee.firstName() : name + ", " + employee.firstName();
        }
        String employeeId = incident.incident().employeeId() == null ? "" : incident.incident().employeeId();
        return name.isEmpty() ? employeeId : Messages.format(locale, "submit.employee", name, employeeId);
    }

    private String describeSource(Source source) {
        if (source == null || source.isTyped()) {
            return Messages.format(locale, "submit.source.typed");
        }
        if (source.sheet() != null) {
            return Messages.format(locale, "submit.source.sheet", source.fileName(), source.sheet(),
                    source.rowNumber() == null ? "-" : source.rowNumber());
        }
        return Messages.format(locale, "submit.source.file", source.fileName(),
                source.rowNumber() == null ? "-" : source.rowNumber());
    }
}
