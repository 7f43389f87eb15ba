package de.meldedesk.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Source;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.ui.common.SameThreadRunner;
import de.meldedesk.ui.common.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review-and-send state against a real store and the embedded sandbox, without a window. */
class SubmitViewModelTest {

    private static final String API_TOKEN = "token-for-the-test";

    @TempDir
    Path dataDir;

    private Store store;
    private ConnectionService connections;
    private CareflexClient client;
    private SandboxServer sandbox;
    private Company company;
    private Workspace workspace;
    private SubmitViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        connections = new ConnectionService();
        client = connections.connect(store.profiles().find(SavedProfile.SANDBOX).orElseThrow(),
                connections.sandboxServiceUser());
        sandbox = connections.sandbox().orElseThrow();
        company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Musterfirma GmbH", true, null);
        workspace = new Workspace();
        SubmissionService submissions = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                Clock.systemDefaultZone());
        model = new SubmitViewModel(submissions, store, c -> Optional.of(API_TOKEN), workspace,
                new SameThreadRunner(), Messages.GERMAN, Clock.systemDefaultZone());
    }

    @AfterEach
    void tearDown() {
        client.close();
        connections.close();
        store.close();
    }

    private List<Long> readyDrafts() {
        List<Draft> drafts = new ArrayList<>();
        ExcerptReport.build().incidents().forEach(incident -> drafts.add(new Draft(company.id(), incident,
                IncidentStatus.READY, List.of(), new Source("export.csv", null, 7, "hash"), Map.of(), null)));
        return store.incidents().insertDrafts(drafts);
    }

    private void reviewAndSend(List<Long> ids) {
        model.review(client, ids, () -> { });
        model.send(client, SavedProfile.SANDBOX, () -> { });
    }

    @Test
    void reviewMasksApiToken() {
        model.review(client, readyDrafts(), () -> { });

        assertThat(model.requests()).singleElement().satisfies(line -> {
            assertThat(line.rows()).isEqualTo(3);
            assertThat(line.maskedJson()).doesNotContain(API_TOKEN);
        });
    }

    @Test
    void reviewListsDraftWithReason() {
        long draft = store.incidents().insertDraft(Draft.of(company.id(), ExcerptReport.build().incidents().get(0)));

        model.review(client, List.of(draft), () -> { });

        assertThat(model.blocked()).singleElement().satisfies(line ->
                assertThat(line.reason()).isEqualTo(Messages.format(Messages.GERMAN, "submit.blocked.status.DRAFT")));
        assertThat(model.hasRequests()).isFalse();
    }

    @Test
    void resultsShowIncidentIdsAndSource() {
        reviewAndSend(readyDrafts());

        var journaled = sandbox.journal().reports().get(0);
        assertThat(model.rows()).extracting(SubmitViewModel.ResultRow::incidentId).containsExactlyElementsOf(
                journaled.rows().stream().map(r -> r.incidentId()).toList());
        assertThat(model.rows().get(0).source()).isEqualTo("export.csv, Zeile 7");
        assertThat(model.importIds()).containsExactly(journaled.importId());
        assertThat(model.notes().get(0)).contains("Rückmeldung").contains(journaled.importId());
    }

    @Test
    void retryLaterDelaysResend() {
        List<Long> ids = readyDrafts();
        sandbox.failNext(503, 1);

        reviewAndSend(ids);

        assertThat(model.requestResults().get(0).outcome()).isEqualTo(RequestOutcome.RETRY_LATER);
        assertThat(model.resendCandidates()).containsExactlyElementsOf(ids);
        assertThat(model.resendNotBeforeProperty().get()).isNotNull();
        assertThat(model.resendAllowedAt(model.resendNotBeforeProperty().get().minusSeconds(1))).isFalse();
        assertThat(model.resendAllowedAt(model.resendNotBeforeProperty().get())).isTrue();
    }

    @Test
    void unknownOutcomeIsFound() {
        List<Long> ids = readyDrafts();
        sandbox.dropNext(1);
        reviewAndSend(ids);
        List<List<Long>> found = new ArrayList<>();

        model.findUnknown(ids, found::add);

        assertThat(found).containsExactly(ids);
        assertThat(model.rows().get(0).statusText())
                .isEqualTo("Ergebnis unbekannt – vor erneutem Senden im Portal prüfen");
    }

    @Test
    void authFailureSignsOut() {
        List<Long> ids = readyDrafts();
        workspace.clientProperty().set(client);
        sandbox.unauthorizedNext(2);

        reviewAndSend(ids);

        assertThat(model.authFailedProperty().get()).isTrue();
        assertThat(workspace.clientProperty().get()).isNull();
        assertThat(store.incidents().findById(ids.get(0)).orElseThrow().status()).isEqualTo(IncidentStatus.NOT_SENT);
    }

    @Test
    void sendRaisesDraftsVersion() {
        reviewAndSend(readyDrafts());

        assertThat(workspace.draftsVersionProperty().get()).isEqualTo(1);
    }
}
