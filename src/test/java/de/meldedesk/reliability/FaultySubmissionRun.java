package de.meldedesk.reliability;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ClientTimeouts;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxEndpoint;
import de.meldedesk.sandbox.SandboxJournal;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Sends incidents of three companies through the real store, SubmissionService,
 * CareflexClient and sandbox while the sandbox injects faults, then resolves
 * the incidents of unknown outcome the way a clerk would: found in the portal
 * (the sandbox journal) means recorded as accepted, not found means released
 * and sent again.
 *
 * <p>Faults: random 503 and "processed, then connection dropped" from the
 * sandbox configuration; queued by this class between requests: HTTP 500
 * (unknown outcome, not processed), a 400 rejection, and a response delayed
 * past the client's 1 s response timeout after processing. The token lives 30
 * seconds. The sandbox's clock advances 8 seconds per request on top, so the
 * server rejects the token every fourth request or so while the client, on
 * the real clock, still holds it valid: the 401-renew-repeat path. Over a long
 * run the client also renews tokens in their last fifth of life itself.
 */
final class FaultySubmissionRun {

    static final String API_TOKEN = "rel-api-token-§%41-Xq";
    static final List<String> COMPANIES = List.of("1000001", "1000002", "1000003");
    private static final int MAX_ROUNDS = 400;

    /** What a run did and found. */
    record Figures(int incidents, int requests, int httpRequests, int rounds, Map<RequestOutcome, Integer> outcomes,
                   int repeatedAfter401, int forced500, int forcedRejects, int forcedDelays, int foundInPortal,
                   int released, int accepted, int rejected, int journalRows, int duplicateRows) {

        String describe() {
            return "incidents " + incidents + ", requests " + requests + " (" + httpRequests
                    + " HTTP requests to incident/new), send rounds " + rounds
                    + ", outcomes " + outcomes + ", requests repeated after 401 " + repeatedAfter401
                    + ", queued 500 " + forced500 + ", queued rejections " + forcedRejects
                    + ", queued delays " + forcedDelays + ", unknown found in portal " + foundInPortal
                    + ", unknown released and resent " + released + ", accepted " + accepted
                    + ", rejected " + rejected + ", journal rows " + journalRows
                    + ", duplicates found " + duplicateRows;
        }
    }

    private final Path dataDir;
    private final int incidentCount;
    private final Random random;
    private final MutableClock sandboxClock = new MutableClock(java.time.Instant.parse("2026-03-02T08:00:00Z"));
    private final Map<RequestOutcome, Integer> outcomes = new EnumMap<>(RequestOutcome.class);
    private int requests;
    private int rounds;
    private int repeatedAfter401;
    private int forced500;
    private int forcedRejects;
    private int forcedDelays;
    private int foundInPortal;
    private int released;

    Store store;
    SandboxServer sandbox;
    List<Long> ids = new ArrayList<>();

    /** Called after each send phase, before the unknown incidents are resolved. */
    java.util.function.Consumer<FaultySubmissionRun> afterSending = run -> { };

    FaultySubmissionRun(Path dataDir, int incidentCount, long seed) {
        this.dataDir = dataDir;
        this.incidentCount = incidentCount;
        this.random = new Random(seed);
    }

    /** Runs the submission and the resolution; leaves store and sandbox open for the checks. */
    Figures run() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        sandbox = SandboxServer.start(SandboxConfig.builder()
                .serviceUser("rel-user", "rel-secret")
                .tokenTtl(Duration.ofSeconds(30))
                .fail503Rate(0.10)
                .dropAfterProcessingRate(0.05)
                .seed(random.nextLong())
                .clock(sandboxClock)
                .build());
        insertReadyIncidents();
        SubmissionService service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                Clock.systemDefaultZone());
        ConnectionProfile profile = ConnectionProfile.of("sandbox", sandbox.tokenUrl(), sandbox.incidentNewUrl(),
                sandbox.incidentNoneUrl());
        ClientTimeouts timeouts = new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        try (CareflexClient client = CareflexClient.builder(profile, new ServiceUser("rel-user", "rel-secret"))
                .timeouts(timeouts).build()) {
            for (int resolution = 0; resolution < 20; resolution++) {
                sendUntilNothingSendable(service, client);
                afterSending.accept(this);
                if (!resolveUnknown(service)) {
                    break;
                }
            }
        }
        return figures();
    }

    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void insertReadyIncidents() {
        List<Company> companies = new ArrayList<>();
        for (String careflexId : COMPANIES) {
            companies.add(store.companies().create(careflexId, "Firma " + careflexId, true, null));
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < incidentCount; i++) {
            Company company = companies.get(i % companies.size());
            Incident incident = new Incident("ext-" + i, "WIK", String.format("%011d", 40_000_000_000L + i),
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), Employee.EMPTY);
            drafts.add(new Draft(company.id(), incident, IncidentStatus.READY, List.of(), Source.TYPED, Map.of(),
                    null));
        }
        ids = store.incidents().insertDrafts(drafts);
    }

    /** Sends everything sendable again and again, because the service stops after RETRY_LATER and NOT_SENT. */
    private void sendUntilNothingSendable(SubmissionService service, CareflexClient client) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Long> sendable = sendableIds();
            if (sendable.isEmpty()) {
                return;
            }
            rounds++;
            // Plans in chunks of 1 to 40 incidents, so that many requests of varied size meet the faults.
            List<SubmissionService.PlannedRequest> planned = new ArrayList<>();
            List<SubmissionService.Blocked> blocked = new ArrayList<>();
            int offset = 0;
            while (offset < sendable.size()) {
                int size = Math.min(sendable.size() - offset, 1 + random.nextInt(40));
                SubmissionService.Plan part = service.plan(client, sendable.subList(offset, offset + size),
                        company -> Optional.of(API_TOKEN));
                planned.addAll(part.requests());
                blocked.addAll(part.blocked());
                offset += size;
            }
            if (!blocked.isEmpty()) {
                throw new IllegalStateException(blocked.size() + " incidents were blocked: " + blocked.get(0));
            }
            queueFault();
            service.send(client, "sandbox", new SubmissionService.Plan(planned, blocked), (done, total, sent) -> {
                requests++;
                outcomes.merge(sent.result().outcome(), 1, Integer::sum);
                if (sent.result().attempts() == 2) {
                    repeatedAfter401++;
                }
                sandboxClock.advance(Duration.ofSeconds(8));
                queueFault();
            }, () -> false);
        }
        throw new IllegalStateException("incidents were still sendable after " + MAX_ROUNDS + " rounds");
    }

    /** Queues one extra fault for the next request now and then, on top of the sandbox's random ones. */
    private void queueFault() {
        int draw = random.nextInt(100);
        if (draw < 3) {
            sandbox.failNext(500, 1);
            forced500++;
        } else if (draw < 5) {
            sandbox.rejectNext(1);
            forcedRejects++;
        } else if (draw < 8) {
            sandbox.delayNext(Duration.ofMillis(1500), 1);
            forcedDelays++;
        }
    }

    /**
     * Looks up every UNKNOWN incident in the journal, as a clerk looks in the portal.
     * Returns whether any was released for sending again.
     */
    private boolean resolveUnknown(SubmissionService service) {
        Map<String, JournalEntry> journal = journalByExternalId();
        List<StoredIncident> unknown = store.incidents().list(IncidentFilter.ALL
                .statuses(IncidentStatus.UNKNOWN).page(100_000, 0));
        Map<Long, Map<String, Map<Long, String>>> found = new LinkedHashMap<>();
        List<Long> notFound = new ArrayList<>();
        for (StoredIncident incident : unknown) {
            JournalEntry entry = journal.get(incident.incident().externalId());
            if (entry == null) {
                notFound.add(incident.id());
            } else {
                found.computeIfAbsent(incident.submissionId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(entry.importId(), k -> new HashMap<>())
                        .put(incident.id(), entry.row().incidentId());
            }
        }
        for (Map.Entry<Long, Map<String, Map<Long, String>>> submission : found.entrySet()) {
            for (Map.Entry<String, Map<Long, String>> portalImport : submission.getValue().entrySet()) {
                foundInPortal += service.recordFoundInPortal(submission.getKey(), portalImport.getKey(),
                        portalImport.getValue(), "reliability test");
            }
        }
        int releasedNow = service.releaseUnknownAfterConfirmation(notFound, "reliability test");
        released += releasedNow;
        return releasedNow > 0;
    }

    private List<Long> sendableIds() {
        return store.incidents().list(IncidentFilter.ALL
                        .statuses(IncidentStatus.READY, IncidentStatus.NOT_SENT, IncidentStatus.RETRY_LATER)
                        .page(100_000, 0))
                .stream().map(StoredIncident::id).toList();
    }

    /** One journal row with the import it belongs to. */
    record JournalEntry(String importId, String careflexId, SandboxJournal.Row row) {
    }

    /** Returns the journal rows by external ID; a second row for the same ID would be a duplicate. */
    Map<String, JournalEntry> journalByExternalId() {
        Map<String, JournalEntry> rows = new HashMap<>();
        for (SandboxJournal.Report report : sandbox.journal().reports()) {
            for (SandboxJournal.Row row : report.rows()) {
                rows.putIfAbsent(row.externalId(), new JournalEntry(report.importId(), report.careflexId(), row));
            }
        }
        return rows;
    }

    int journalRowCount() {
        return sandbox.journal().reports().stream().mapToInt(report -> report.rows().size()).sum();
    }

    List<StoredIncident> allIncidents() {
        return store.incidents().list(IncidentFilter.ALL.page(100_000, 0));
    }

    private Figures figures() {
        List<StoredIncident> all = allIncidents();
        int accepted = (int) all.stream().filter(i -> i.status() == IncidentStatus.ACCEPTED).count();
        int rejected = (int) all.stream().filter(i -> i.status() == IncidentStatus.REJECTED).count();
        int journalRows = journalRowCount();
        int duplicates = journalRows - journalByExternalId().size();
        return new Figures(incidentCount, requests, sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW), rounds,
                Map.copyOf(outcomes), repeatedAfter401, forced500, forcedRejects, forcedDelays, foundInPortal,
                released, accepted, rejected, journalRows, duplicates);
    }
}
