package de.meldedesk.service.history;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.SubmissionResult;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.testsupport.ExcerptReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills a real store with history: one request accepted by the embedded
 * sandbox over loopback, one it rejects, an empty report, and optionally many
 * accepted filler incidents recorded directly in the store.
 */
public final class HistoryFixture implements AutoCloseable {

    public static final String OZTURK_EMPLOYEE = "10000000001";
    public static final String WEISS_EMPLOYEE = "10000000002";
    public static final String OZTURK_PERSONNEL = "P-4711";
    public static final String OZTURK_EXTERNAL = "ext-oz-1";

    public final Store store;
    public final Company company;
    public final Company other;
    private final ConnectionService connections;
    private final CareflexClient client;
    private final SandboxServer sandbox;
    private final SubmissionService submissions;

    public HistoryFixture(Path dataDir) throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        connections = new ConnectionService();
        SavedProfile profile = store.profiles().find(SavedProfile.SANDBOX).orElseThrow();
        client = connections.connect(profile, connections.sandboxServiceUser());
        sandbox = connections.sandbox().orElseThrow();
        submissions = new SubmissionService(store, IncidentTypeCatalogue.builtIn(), Clock.systemDefaultZone());
        company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Bäckerei Weiß & Söhne GmbH", true, null);
        other = store.companies().create("1a2b3c4d5e6f7a8b", "Musterfirma GmbH", true, null);
    }

    /** Returns an SDB incident with first and last name and a personnel number. */
    public static Incident named(String externalId, String employeeId, String first, String last, String personnel) {
        Employee employee = new Employee(null, first, last, null, null, null,
                new Job("Werk 1", "T", LocalDate.of(2020, 4, 1), personnel, false), null);
        return new Incident(externalId, "SDB", employeeId, LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 1),
                employee);
    }

    /** Sends Ayşe Öztürk, Jürgen Weiß and a WIK incident in one request that the sandbox accepts. */
    public SubmissionService.SentRequest sendAccepted() {
        List<Incident> incidents = List.of(
                named(OZTURK_EXTERNAL, OZTURK_EMPLOYEE, "Ayşe", "Öztürk", OZTURK_PERSONNEL),
                named("ext-we-1", WEISS_EMPLOYEE, "Jürgen", "Weiß", "P-0815"),
                new Incident(null, "WIK", "49239697103", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null));
        return send(company, incidents);
    }

    /** Sends one incident that the sandbox rejects. */
    public SubmissionService.SentRequest sendRejected() {
        sandbox.rejectNext(1);
        return send(other, List.of(named("ext-rj-1", "20000000001", "Max", "Abgelehnt", "P-1")));
    }

    private SubmissionService.SentRequest send(Company target, List<Incident> incidents) {
        List<Draft> drafts = new ArrayList<>();
        for (Incident incident : incidents) {
            drafts.add(new Draft(target.id(), incident, IncidentStatus.READY, List.of(), new Source("lohn.csv", null,
                    drafts.size() + 2, "abc"), Map.of(), null));
        }
        List<Long> ids = store.incidents().insertDrafts(drafts);
        SubmissionService.Plan plan = submissions.plan(client, ids, c -> Optional.of(ExcerptReport.API_TOKEN));
        if (!plan.blocked().isEmpty()) {
            throw new IllegalStateException("the fixture's incidents are blocked: " + plan.blocked());
        }
        List<SubmissionService.SentRequest> sent = submissions.send(client, SavedProfile.SANDBOX, plan,
                (done, total, request) -> { }, () -> false);
        return sent.get(0);
    }

    /** Records an accepted empty report of the other company for February 2026. */
    public long recordEmptyReport() {
        return store.emptyReports().record(other.id(), YearMonth.of(2026, 2), SavedProfile.SANDBOX,
                java.time.Instant.now(), "ACCEPTED", 200, "{}", null);
    }

    /**
     * Records {@code count} accepted incidents of the other company directly
     * in the store, {@code perRequest} to a submission, without the sandbox.
     */
    public void recordFiller(int count, int perRequest) {
        List<Draft> drafts = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            drafts.add(Draft.of(other.id(), named("fill-" + n, String.format("%011d", 30_000_000_000L + n),
                    "Vorname" + n, "Nachname" + n, "F" + n)));
        }
        List<Long> ids = store.incidents().insertDrafts(drafts);
        for (int from = 0; from < ids.size(); from += perRequest) {
            List<Long> request = ids.subList(from, Math.min(ids.size(), from + perRequest));
            long submission = store.submissions().create(other.id(), SavedProfile.SANDBOX,
                    "{\"careflexId\":\"" + other.careflexId() + "\",\"apiToken\":\"\",\"incidentList\":[]}",
                    request.size());
            store.incidents().markSending(request, submission);
            Map<Long, String> portalIds = new HashMap<>();
            request.forEach(id -> portalIds.put(id, "fill-inc-" + id));
            store.incidents().recordAccepted(submission, "fill-imp-" + submission, portalIds);
            store.submissions().complete(submission, new SubmissionResult(200, "{}", "ACCEPTED", null, null,
                    "fill-imp-" + submission, java.time.Instant.now()));
        }
    }

    @Override
    public void close() {
        client.close();
        connections.close();
        store.close();
    }
}
