package de.meldedesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Submission;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.sandbox.SandboxJournal;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.ExcerptReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submission service against a real store and the embedded sandbox over loopback. */
class SubmissionServiceTest {

    private static final String API_TOKEN = ExcerptReport.API_TOKEN;

    @TempDir
    java.nio.file.Path dataDir;

    private Store store;
    private ConnectionService connections;
    private CareflexClient client;
    private SandboxServer sandbox;
    private SubmissionService service;
    private Company company;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        connections = new ConnectionService();
        SavedProfile sandboxProfile = store.profiles().find(SavedProfile.SANDBOX).orElseThrow();
        client = connections.connect(sandboxProfile, connections.sandboxServiceUser());
        sandbox = connections.sandbox().orElseThrow();
        service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(), Clock.systemDefaultZone());
        company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Musterfirma GmbH", true, null);
    }

    @AfterEach
    void tearDown() {
        client.close();
        connections.close();
        store.close();
    }

    private List<Long> storeExcerptAsReady() {
        List<Draft> drafts = new ArrayList<>();
        ExcerptReport.build().incidents().forEach(incident -> drafts.add(new Draft(company.id(), incident,
                IncidentStatus.READY, List.of(), Source.TYPED, Map.of(), null)));
        return store.incidents().insertDrafts(drafts);
    }

    private List<SubmissionService.SentRequest> sendAll(List<Long> ids) {
        SubmissionService.Plan plan = service.plan(client, ids, c -> Optional.of(API_TOKEN));
        return service.send(client, SavedProfile.SANDBOX, plan, (done, total, sent) -> { }, () -> false);
    }

    @Test
    void excerptIsAcceptedWithIncidentIds() {
        List<Long> ids = storeExcerptAsReady();

        List<SubmissionService.SentRequest> sent = sendAll(ids);

        assertThat(sent).singleElement().satisfies(s ->
                assertThat(s.result().outcome()).isEqualTo(RequestOutcome.ACCEPTED));
        SandboxJournal.Report journaled = sandbox.journal().reports().get(0);
        for (int i = 0; i < ids.size(); i++) {
            StoredIncident stored = store.incidents().findById(ids.get(i)).orElseThrow();
            assertThat(stored.status()).isEqualTo(IncidentStatus.ACCEPTED);
            assertThat(stored.incidentId()).isEqualTo(journaled.rows().get(i).incidentId());
            assertThat(stored.importId()).isEqualTo(journaled.importId());
        }
        Submission submission = store.submissions().find(sent.get(0).submissionId()).orElseThrow();
        assertThat(submission.requestBody()).doesNotContain(API_TOKEN);
        assertThat(submission.responseBody()).contains(journaled.importId());
    }

    @Test
    void draftsWithErrorsAreBlocked() {
        long bad = store.incidents().insertDraft(new Draft(company.id(),
                ExcerptReport.build().incidents().get(2).withExternalId(null), IncidentStatus.READY, List.of(),
                Source.TYPED, Map.of("validFrom", "31.02.2026"), null));
        long draft = store.incidents().insertDraft(Draft.of(company.id(), ExcerptReport.build().incidents().get(1)));

        SubmissionService.Plan plan = service.plan(client, List.of(bad, draft), c -> Optional.of(API_TOKEN));

        assertThat(plan.requests()).isEmpty();
        assertThat(plan.blocked()).extracting(SubmissionService.Blocked::reasonKey)
                .containsExactly("submit.blocked.errors", "submit.blocked.status.DRAFT");
    }

    @Test
    void missingApiTokenBlocks() {
        List<Long> ids = storeExcerptAsReady();

        SubmissionService.Plan plan = service.plan(client, ids, c -> Optional.empty());

        assertThat(plan.requests()).isEmpty();
        assertThat(plan.blocked()).hasSize(3).allMatch(b -> b.reasonKey().equals("submit.blocked.noApiToken"));
    }

    @Test
    void rejectedRequestMarksIncidentsRejected() {
        List<Long> ids = storeExcerptAsReady();
        sandbox.rejectNext(1);

        List<SubmissionService.SentRequest> sent = sendAll(ids);

        assertThat(sent.get(0).result().outcome()).isEqualTo(RequestOutcome.REJECTED);
        assertThat(store.incidents().findById(ids.get(0)).orElseThrow().status()).isEqualTo(IncidentStatus.REJECTED);
        assertThat(sandbox.journal().reports()).isEmpty();
    }

    @Test
    void droppedConnectionIsUnknownAndNotResentWithoutConfirmation() {
        List<Long> ids = storeExcerptAsReady();
        sandbox.dropNext(1);

        List<SubmissionService.SentRequest> first = sendAll(ids);
        List<SubmissionService.SentRequest> second = sendAll(ids);

        assertThat(first.get(0).result().outcome()).isEqualTo(RequestOutcome.UNKNOWN);
        assertThat(store.incidents().findById(ids.get(0)).orElseThrow().status()).isEqualTo(IncidentStatus.UNKNOWN);
        assertThat(second).isEmpty();
        assertThat(sandbox.journal().reports()).hasSize(1);

        int released = service.releaseUnknownAfterConfirmation(ids, "test clerk");
        List<SubmissionService.SentRequest> third = sendAll(ids);

        assertThat(released).isEqualTo(3);
        assertThat(third.get(0).result().outcome()).isEqualTo(RequestOutcome.ACCEPTED);
        assertThat(sandbox.journal().reports()).hasSize(2);
    }

    @Test
    void acceptedIncidentsAreNotSentAgain() {
        List<Long> ids = storeExcerptAsReady();
        sendAll(ids);

        List<SubmissionService.SentRequest> again = sendAll(ids);

        assertThat(again).isEmpty();
        assertThat(sandbox.journal().reports()).hasSize(1);
    }

    @Test
    void twoHundredFiftyIncidentsGoInThreeRequests() {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            drafts.add(new Draft(company.id(), ExcerptReport.build().incidents().get(2), IncidentStatus.READY,
                    List.of(), Source.TYPED, Map.of(), null));
        }
        List<Long> ids = store.incidents().insertDrafts(drafts);
        List<Integer> progress = new ArrayList<>();

        SubmissionService.Plan plan = service.plan(client, ids, c -> Optional.of(API_TOKEN));
        service.send(client, SavedProfile.SANDBOX, plan, (done, total, sent) -> progress.add(done), () -> false);

        assertThat(plan.requests()).extracting(r -> r.incidentIds().size()).containsExactly(100, 100, 50);
        assertThat(progress).containsExactly(1, 2, 3);
        assertThat(sandbox.journal().reports()).hasSize(3);
    }

    @Test
    void cancelStopsBetweenRequests() {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            drafts.add(new Draft(company.id(), ExcerptReport.build().incidents().get(2), IncidentStatus.READY,
                    List.of(), Source.TYPED, Map.of(), null));
        }
        List<Long> ids = store.incidents().insertDrafts(drafts);
        SubmissionService.Plan plan = service.plan(client, ids, c -> Optional.of(API_TOKEN));
        List<Integer> done = new ArrayList<>();

        service.send(client, SavedProfile.SANDBOX, plan, (d, total, sent) -> done.add(d), () -> !done.isEmpty());

        assertThat(sandbox.journal().reports()).hasSize(1);
        assertThat(store.incidents().findById(ids.get(149)).orElseThrow().status()).isEqualTo(IncidentStatus.READY);
    }
}
