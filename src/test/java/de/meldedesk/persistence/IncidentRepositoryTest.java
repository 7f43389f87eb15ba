package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.wire.CareflexJson;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentRepositoryTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);

    @TempDir
    Path dataDir;

    private Store store;
    private IncidentRepository incidents;
    private long company;
    private long otherCompany;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
        incidents = store.incidents();
        company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Muster", true, null).id();
        otherCompany = store.companies().create("1111222233334444", "Werk Süd", false, company).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long submission(int rows) {
        return store.submissions().create(company, "Sandbox",
                CareflexJson.writeReportMasked(ExcerptReport.build()), rows);
    }

    @Test
    void excerptIncidentsRoundTrip() {
        List<Incident> sent = ExcerptReport.build().incidents();
        List<Draft> drafts = sent.stream().map(incident -> Draft.of(company, incident)).toList();

        List<Long> ids = incidents.insertDrafts(drafts);

        for (int i = 0; i < ids.size(); i++) {
            StoredIncident stored = incidents.findById(ids.get(i)).orElseThrow();
            assertThat(stored.incident()).as("incident %d", i).isEqualTo(sent.get(i));
            assertThat(stored.careflexId()).isEqualTo(ExcerptReport.CAREFLEX_ID);
            assertThat(stored.status()).isEqualTo(IncidentStatus.DRAFT);
        }
    }

    @Test
    void draftKeepsProblemsSourceAndTypedText() {
        Incident incident = new Incident("7", "NEW", "4923969710", JAN, null, null);
        List<Problem> problems = List.of(
                Problem.error("employeeId", "problem.employeeId.format", "4923969710", 10),
                Problem.error("validFrom", "date.invalidDay"),
                Problem.warning("type", "problem.type.unknown", "NEW"));
        Source source = new Source("export März.xlsx", "Tabelle1", 14, "ab12");
        Draft draft = new Draft(company, incident, IncidentStatus.DRAFT, problems, source,
                Map.of("validFrom", "31.02.2026"), null);

        StoredIncident stored = incidents.findById(incidents.insertDraft(draft)).orElseThrow();

        assertThat(stored.errorCount()).isEqualTo(2);
        assertThat(stored.warningCount()).isEqualTo(1);
        assertThat(stored.problems()).isEqualTo(problems);
        assertThat(stored.source()).isEqualTo(source);
        assertThat(stored.invalidInput()).containsEntry("validFrom", "31.02.2026");
    }

    @Test
    void tenThousandDraftsInOneBatch() {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            drafts.add(TestStores.draft(company, String.format("%011d", i), JAN));
        }

        long start = System.nanoTime();
        List<Long> ids = incidents.insertDrafts(drafts);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(ids).hasSize(10_000).doesNotHaveDuplicates().isSorted();
        assertThat(incidents.count(IncidentFilter.ALL.company(company))).isEqualTo(10_000);
        assertThat(incidents.findById(ids.get(9_999)).orElseThrow().incident().employeeId()).isEqualTo("00000009999");
        // Generous bound for a slow CI machine; one insert per round trip takes several times longer.
        assertThat(millis).as("milliseconds for 10,000 drafts").isLessThan(20_000);
    }

    @Test
    void failedBatchInsertsNothing() {
        List<Draft> drafts = List.of(TestStores.draft(company, "1", JAN), TestStores.draft(999_999, "2", JAN));

        assertThatThrownBy(() -> incidents.insertDrafts(drafts)).isInstanceOf(StoreException.class);
        assertThat(incidents.count(IncidentFilter.ALL)).isZero();
    }

    @Test
    void updateDraftReplacesData() {
        long id = incidents.insertDraft(TestStores.draft(company, "49239697103", JAN));
        Incident changed = TestStores.wik("49239697103", FEB).withExternalId("R-1");

        StoredIncident stored = incidents.updateDraft(id, changed, IncidentStatus.READY, List.of(), Map.of());

        assertThat(stored.incident()).isEqualTo(changed);
        assertThat(stored.status()).isEqualTo(IncidentStatus.READY);
        assertThat(incidents.list(IncidentFilter.ALL.month(YearMonth.of(2026, 2)))).hasSize(1);
    }

    @Test
    void updateSentIncidentRefused() {
        long id = incidents.insertDraft(TestStores.draft(company, "49239697103", JAN));
        incidents.markSending(List.of(id), submission(1));

        assertThatThrownBy(() -> incidents.updateDraft(id, TestStores.wik("49239697103", FEB), IncidentStatus.DRAFT,
                List.of(), Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listFiltersByCompanyStatusTypeAndMonth() {
        long a = incidents.insertDraft(TestStores.draft(company, "1", JAN));
        long b = incidents.insertDraft(TestStores.draft(company, "2", FEB));
        long c = incidents.insertDraft(TestStores.draft(otherCompany, "3", JAN));
        Incident sdb = new Incident(null, "SDB", "4", JAN, JAN, null);
        long d = incidents.insertDraft(new Draft(company, sdb, IncidentStatus.READY, null, null, null, null));

        assertThat(ids(IncidentFilter.ALL.company(company))).containsExactly(a, b, d);
        assertThat(ids(IncidentFilter.ALL.statuses(IncidentStatus.READY))).containsExactly(d);
        assertThat(ids(IncidentFilter.ALL.type("WIK").month(YearMonth.of(2026, 1)))).containsExactly(a, c);
        assertThat(ids(IncidentFilter.ALL.page(2, 1))).containsExactly(b, c);
        assertThat(incidents.count(IncidentFilter.ALL.company(otherCompany))).isEqualTo(1);
    }

    private List<Long> ids(IncidentFilter filter) {
        return incidents.list(filter).stream().map(StoredIncident::id).toList();
    }

    @Test
    void softDeleteAndUndelete() {
        long id = incidents.insertDraft(TestStores.draft(company, "1", JAN));

        assertThat(incidents.softDelete(List.of(id))).isEqualTo(1);
        assertThat(ids(IncidentFilter.ALL)).isEmpty();
        assertThat(ids(IncidentFilter.ALL.bin())).containsExactly(id);
        assertThat(incidents.undelete(List.of(id))).isEqualTo(1);
        assertThat(ids(IncidentFilter.ALL)).containsExactly(id);
        assertThat(incidents.findById(id).orElseThrow().isDeleted()).isFalse();
    }

    @Test
    void sentIncidentCannotBeDeleted() {
        long id = incidents.insertDraft(TestStores.draft(company, "1", JAN));
        incidents.markSending(List.of(id), submission(1));

        assertThat(incidents.softDelete(List.of(id))).isZero();
    }

    @Test
    void duplicatesFoundDraftedOrSent() {
        long drafted = incidents.insertDraft(TestStores.draft(company, "49239697103", JAN));
        long sent = incidents.insertDraft(TestStores.draft(company, "49239697103", JAN));
        incidents.markSending(List.of(sent), submission(1));
        incidents.insertDraft(TestStores.draft(company, "49239697103", FEB));
        incidents.insertDraft(TestStores.draft(otherCompany, "49239697103", JAN));

        List<StoredIncident> duplicates = incidents.findDuplicates(company, "49239697103", "WIK", JAN, drafted);

        assertThat(duplicates).extracting(StoredIncident::id).containsExactly(sent);
    }

    @Test
    void acceptedKeepsPortalIds() {
        List<Long> ids = incidents.insertDrafts(List.of(TestStores.draft(company, "1", JAN),
                TestStores.draft(company, "2", JAN)));
        long submission = submission(2);
        incidents.markSending(ids, submission);

        incidents.recordAccepted(submission, "imp-1", Map.of(ids.get(0), "inc-a", ids.get(1), "inc-b"));

        StoredIncident first = incidents.findById(ids.get(0)).orElseThrow();
        assertThat(first.status()).isEqualTo(IncidentStatus.ACCEPTED);
        assertThat(first.incidentId()).isEqualTo("inc-a");
        assertThat(first.importId()).isEqualTo("imp-1");
        assertThat(first.submissionId()).isEqualTo(submission);
        assertThat(incidents.findById(ids.get(1)).orElseThrow().incidentId()).isEqualTo("inc-b");
    }

    @Test
    void acceptedOutsideSubmissionRefused() {
        long inSubmission = incidents.insertDraft(TestStores.draft(company, "1", JAN));
        long outside = incidents.insertDraft(TestStores.draft(company, "2", JAN));
        long submission = submission(1);
        incidents.markSending(List.of(inSubmission), submission);

        assertThatThrownBy(() -> incidents.recordAccepted(submission, "imp", Map.of(inSubmission, "a", outside, "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(incidents.findById(inSubmission).orElseThrow().status()).isEqualTo(IncidentStatus.SENDING);
    }

    @Test
    void markSendingIsAllOrNothing() {
        long sent = incidents.insertDraft(TestStores.draft(company, "1", JAN));
        long draft = incidents.insertDraft(TestStores.draft(company, "2", JAN));
        incidents.markSending(List.of(sent), submission(1));
        long second = submission(2);

        assertThatThrownBy(() -> incidents.markSending(List.of(draft, sent), second))
                .isInstanceOf(IllegalStateException.class);
        assertThat(incidents.findById(draft).orElseThrow().status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(incidents.findById(draft).orElseThrow().submissionId()).isNull();
    }

    @Test
    void outcomeAppliesToSubmission() {
        long id = incidents.insertDraft(TestStores.draft(company, "1", JAN));
        long other = incidents.insertDraft(TestStores.draft(company, "2", JAN));
        long submission = submission(1);
        incidents.markSending(List.of(id), submission);

        int changed = incidents.recordOutcome(submission, IncidentStatus.REJECTED, "HTTP 400: employeeId is missing");

        StoredIncident rejected = incidents.findById(id).orElseThrow();
        assertThat(changed).isEqualTo(1);
        assertThat(rejected.status()).isEqualTo(IncidentStatus.REJECTED);
        assertThat(rejected.outcomeText()).isEqualTo("HTTP 400: employeeId is missing");
        assertThat(incidents.findById(other).orElseThrow().status()).isEqualTo(IncidentStatus.DRAFT);
    }

    @Test
    void interruptedBecomeUnknown() {
        long id = incidents.insertDraft(TestStores.draft(company, "1", JAN));
        incidents.markSending(List.of(id), submission(1));

        assertThat(incidents.markInterruptedAsUnknown()).isEqualTo(1);
        assertThat(incidents.findById(id).orElseThrow().status()).isEqualTo(IncidentStatus.UNKNOWN);
        assertThat(incidents.markInterruptedAsUnknown()).isZero();
    }

    @Test
    void historySearchByEveryKey() {
        Incident thomas = ExcerptReport.build().incidents().get(0);
        store.employees().upsert(company, "55555555555",
                new de.meldedesk.domain.Employee(null, "Ada", "Lovelace", null, null, null,
                        new de.meldedesk.domain.Job(null, null, null, "000777", null), null), "typed");
        List<Long> ids = incidents.insertDrafts(List.of(Draft.of(company, thomas),
                TestStores.draft(company, "55555555555", JAN), TestStores.draft(company, "66666666666", JAN)));
        long submission = submission(2);
        incidents.markSending(ids.subList(0, 2), submission);
        incidents.recordAccepted(submission, "imp-42", Map.of(ids.get(0), "inc-thomas", ids.get(1), "inc-ada"));

        assertThat(history("mustermann")).containsExactly(ids.get(0));
        assertThat(history("THOMAS")).containsExactly(ids.get(0));
        assertThat(history("Lovelace")).as("name from master data").containsExactly(ids.get(1));
        assertThat(history("000777")).as("personnel number from master data").containsExactly(ids.get(1));
        assertThat(history("49239697103")).containsExactly(ids.get(0));
        assertThat(history("inc-ada")).containsExactly(ids.get(1));
        assertThat(history("imp-42")).containsExactly(ids.get(0), ids.get(1));
        assertThat(history("1000")).as("external ID").containsExactly(ids.get(0));
        assertThat(history("66666666666")).as("never sent").isEmpty();
        assertThat(history("")).hasSize(2);
        assertThat(incidents.countHistory("imp-42")).isEqualTo(2);
    }

    private List<Long> history(String text) {
        return incidents.searchHistory(text, 50, 0).stream().map(StoredIncident::id).toList();
    }
}
