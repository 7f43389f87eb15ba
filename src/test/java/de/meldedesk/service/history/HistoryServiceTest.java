package de.meldedesk.service.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.service.SubmissionService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history service on a real store filled through the embedded sandbox. */
class HistoryServiceTest {

    @TempDir
    Path dataDir;

    private HistoryFixture fixture;
    private HistoryService service;
    private SubmissionService.SentRequest accepted;
    private SubmissionService.SentRequest rejected;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new HistoryFixture(dataDir);
        accepted = fixture.sendAccepted();
        rejected = fixture.sendRejected();
        service = new HistoryService(fixture.store, IncidentTypeCatalogue.builtIn(), Clock.systemDefaultZone());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private StoredIncident ozturk() {
        return service.incidents(new HistoryQuery(HistoryFixture.OZTURK_EMPLOYEE, null, null, null, null), 10, 0)
                .get(0).stored();
    }

    private List<String> externalIdsFound(String text) {
        return service.incidents(new HistoryQuery(text, null, null, null, null), 50, 0).stream()
                .map(s -> s.stored().incident().externalId())
                .toList();
    }

    @Test
    void searchFindsByLastName() {
        assertThat(externalIdsFound("Öztürk")).containsExactly(HistoryFixture.OZTURK_EXTERNAL);
    }

    @Test
    void searchFindsByFirstNamePrefix() {
        assertThat(externalIdsFound("ayş")).containsExactly(HistoryFixture.OZTURK_EXTERNAL);
    }

    @Test
    void searchFindsByEmployeeId() {
        assertThat(externalIdsFound(HistoryFixture.OZTURK_EMPLOYEE)).containsExactly(HistoryFixture.OZTURK_EXTERNAL);
    }

    @Test
    void searchFindsByPersonnelNumber() {
        assertThat(externalIdsFound(HistoryFixture.OZTURK_PERSONNEL)).containsExactly(HistoryFixture.OZTURK_EXTERNAL);
    }

    @Test
    void searchFindsByIncidentId() {
        String incidentId = ozturk().incidentId();

        assertThat(incidentId).isNotBlank();
        assertThat(externalIdsFound(incidentId)).containsExactly(HistoryFixture.OZTURK_EXTERNAL);
    }

    @Test
    void searchFindsByImportId() {
        String importId = accepted.result().importId();

        assertThat(service.countIncidents(new HistoryQuery(importId, null, null, null, null))).isEqualTo(3);
    }

    @Test
    void searchFindsByExternalId() {
        assertThat(externalIdsFound(HistoryFixture.OZTURK_EXTERNAL)).containsExactly(HistoryFixture.OZTURK_EXTERNAL);
    }

    @Test
    void searchFindsRejectedByName() {
        assertThat(externalIdsFound("Abgelehnt")).containsExactly("ext-rj-1");
    }

    @Test
    void filtersNarrowIncidents() {
        HistoryQuery wikOnly = new HistoryQuery(null, fixture.company.id(), "WIK", null, null);
        HistoryQuery rejectedOnly = new HistoryQuery(null, null, null, null, Outcome.REJECTED);
        HistoryQuery otherMonth = new HistoryQuery(null, null, null, YearMonth.of(2001, 1), null);
        HistoryQuery thisMonth = new HistoryQuery(null, null, null, YearMonth.now(), null);

        assertThat(service.countIncidents(wikOnly)).isEqualTo(1);
        assertThat(service.countIncidents(rejectedOnly)).isEqualTo(1);
        assertThat(service.countIncidents(otherMonth)).isZero();
        assertThat(service.countIncidents(thisMonth)).isEqualTo(4);
        assertThat(service.countIncidents(new HistoryQuery(null, null, null, null, Outcome.FAILED))).isZero();
    }

    @Test
    void wikIncidentWithoutNamesHasEmptyName() {
        List<SentIncident> wik = service.incidents(new HistoryQuery(null, null, "WIK", null, null), 10, 0);

        assertThat(wik).singleElement().satisfies(s -> assertThat(s.employeeName()).isEmpty());
    }

    @Test
    void entriesListRequestsAndEmptyReportsNewestFirst() {
        long emptyReport = fixture.recordEmptyReport();

        List<HistoryEntry> entries = service.entries(HistoryQuery.ALL, 100);

        assertThat(entries).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.EMPTY_REPORT,
                HistoryEntry.Kind.SUBMISSION, HistoryEntry.Kind.SUBMISSION);
        assertThat(entries.get(0).id()).isEqualTo(emptyReport);
        assertThat(entries.get(1).outcome()).isEqualTo("REJECTED");
        assertThat(entries.get(2).importId()).isEqualTo(accepted.result().importId());
        assertThat(entries.get(2).rowCount()).isEqualTo(3);
    }

    @Test
    void entriesFilterByOutcomeAndCompany() {
        fixture.recordEmptyReport();

        List<HistoryEntry> acceptedOfCompany = service.entries(
                new HistoryQuery(null, fixture.company.id(), null, null, Outcome.ACCEPTED), 100);
        List<HistoryEntry> oldMonth = service.entries(new HistoryQuery(null, null, null, YearMonth.of(2001, 1),
                null), 100);

        assertThat(acceptedOfCompany).extracting(HistoryEntry::id).containsExactly(accepted.submissionId());
        assertThat(oldMonth).isEmpty();
    }

    @Test
    void detailHasIncidentsAndMaskedBodies() {
        SubmissionDetail detail = service.detail(accepted.submissionId()).orElseThrow();

        assertThat(detail.incidents()).hasSize(3);
        assertThat(detail.prettyRequest()).contains("\"apiToken\" : \"********\"");
        assertThat(detail.prettyRequest()).doesNotContain(de.meldedesk.testsupport.ExcerptReport.API_TOKEN);
        assertThat(detail.prettyResponse()).contains(accepted.result().importId());
        assertThat(detail.prettyResponse()).contains("\n");
    }

    @Test
    void receiptComesFromResponse() throws Exception {
        Receipt receipt = service.receipt(accepted.submissionId());

        assertThat(receipt.importId()).isEqualTo(accepted.result().importId());
        assertThat(receipt.careflexId()).isEqualTo(fixture.company.careflexId());
        assertThat(receipt.rows()).extracting(Receipt.Row::incidentId)
                .containsExactly(ozturk().incidentId(), service.incidents(new HistoryQuery(
                        HistoryFixture.WEISS_EMPLOYEE, null, null, null, null), 1, 0).get(0).stored().incidentId(),
                        service.incidents(new HistoryQuery(null, null, "WIK", null, null), 1, 0).get(0).stored()
                                .incidentId());
        assertThat(receipt.rows().get(0).name()).isEqualTo("Öztürk, Ayşe");
    }

    @Test
    void receiptOfRejectedIsUnavailable() {
        assertThatThrownBy(() -> service.receipt(rejected.submissionId()))
                .isInstanceOf(ReceiptUnavailableException.class)
                .extracting(e -> ((ReceiptUnavailableException) e).messageKey())
                .isEqualTo("history.receipt.notAccepted");
    }

    @Test
    void copyAsDraftLinksOriginal() {
        StoredIncident original = ozturk();

        long draftId = service.copyAsDraft(original.id());

        StoredIncident draft = fixture.store.incidents().findById(draftId).orElseThrow();
        assertThat(draft.correctsIncident()).isEqualTo(original.id());
        assertThat(draft.status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(draft.incident()).isEqualTo(original.incident());
        assertThat(draft.companyId()).isEqualTo(original.companyId());
        assertThat(fixture.store.audit().list(de.meldedesk.persistence.AuditLog.Filter.ALL.action("incident.copied")))
                .hasSize(1);
    }
}
