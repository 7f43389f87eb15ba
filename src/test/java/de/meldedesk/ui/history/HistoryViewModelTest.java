package de.meldedesk.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.i18n.Messages;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.service.history.HistoryEntry;
import de.meldedesk.service.history.HistoryFixture;
import de.meldedesk.service.history.HistoryService;
import de.meldedesk.service.history.Outcome;
import de.meldedesk.ui.common.SameThreadRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history ViewModel without a window, on a real store. */
class HistoryViewModelTest {

    @TempDir
    Path dir;

    private HistoryFixture fixture;
    private SubmissionService.SentRequest accepted;
    private HistoryViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new HistoryFixture(dir.resolve("data"));
        accepted = fixture.sendAccepted();
        fixture.recordFiller(250, 100);
        HistoryService service = new HistoryService(fixture.store, IncidentTypeCatalogue.builtIn(),
                Clock.systemDefaultZone());
        model = new HistoryViewModel(service, new SameThreadRunner(), Messages.GERMAN);
        model.start();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void startLoadsFirstPageAndRequests() {
        assertThat(model.incidentTotalProperty().get()).isEqualTo(253);
        assertThat(model.incidents()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.entries()).hasSize(4);
        assertThat(model.companies()).hasSize(2);
        assertThat(model.pageInfo()).isEqualTo("1–100 von 253");
    }

    @Test
    void pagingMovesThroughIncidents() {
        model.nextPage();
        model.nextPage();
        model.nextPage();

        assertThat(model.pageOffsetProperty().get()).isEqualTo(200);
        assertThat(model.incidents()).hasSize(53);
        assertThat(model.pageInfo()).isEqualTo("201–253 von 253");

        model.previousPage();
        assertThat(model.pageOffsetProperty().get()).isEqualTo(100);
    }

    @Test
    void searchResetsPageAndFinds() {
        model.nextPage();

        model.searchTextProperty().set("Öztürk");
        model.reload();

        assertThat(model.pageOffsetProperty().get()).isZero();
        assertThat(model.incidents()).singleElement()
                .satisfies(s -> assertThat(s.stored().incident().externalId()).isEqualTo(HistoryFixture.OZTURK_EXTERNAL));
    }

    @Test
    void outcomeFilterNarrowsRequests() {
        model.companyProperty().set(fixture.company);
        model.outcomeProperty().set(Outcome.ACCEPTED);
        model.reload();

        assertThat(model.entries()).extracting(HistoryEntry::id).containsExactly(accepted.submissionId());
        assertThat(model.incidentTotalProperty().get()).isEqualTo(3);
    }

    @Test
    void selectShowsDetail() {
        HistoryEntry entry = model.entries().stream().filter(e -> e.id() == accepted.submissionId()).findFirst()
                .orElseThrow();

        model.select(entry);

        assertThat(model.detailProperty().get().incidents()).hasSize(3);
        assertThat(model.detailTextProperty().get()).contains("Bäckerei Weiß & Söhne GmbH");
    }

    @Test
    void receiptOfFillerIsRefusedWithMessage() {
        HistoryEntry filler = model.entries().get(0);

        model.buildReceipt(filler.id(), pdf -> { });

        assertThat(model.messageProperty().get()).isEqualTo(Messages.format(Messages.GERMAN,
                "history.receipt.mismatch"));
    }

    @Test
    void saveReceiptWritesPdf() throws Exception {
        Path file = dir.resolve("beleg.pdf");

        model.saveReceipt(accepted.submissionId(), file);

        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(model.messageProperty().get()).contains("beleg.pdf");
    }

    @Test
    void copyAsDraftLinksAndNotifies() {
        model.searchTextProperty().set(HistoryFixture.WEISS_EMPLOYEE);
        model.reload();
        StoredIncident original = model.incidents().get(0).stored();
        AtomicInteger notified = new AtomicInteger();

        model.copyAsDraft(model.incidents().get(0), notified::incrementAndGet);

        assertThat(notified.get()).isEqualTo(1);
        StoredIncident draft = fixture.store.incidents().list(de.meldedesk.persistence.IncidentFilter.ALL
                .statuses(de.meldedesk.domain.IncidentStatus.DRAFT)).get(0);
        assertThat(draft.correctsIncident()).isEqualTo(original.id());
        assertThat(model.messageProperty().get()).contains(original.incidentId());
    }

    @Test
    void exportWritesWholeFilteredList() throws Exception {
        Path file = dir.resolve("alle.csv");

        model.exportIncidents(file);

        assertThat(Files.readAllLines(file)).hasSize(254);
        assertThat(model.messageProperty().get()).startsWith("253 Meldungen exportiert");
    }

    @Test
    void auditInvalidDateNamesField() {
        model.loadAudit("", "", "31.02.2026", "");

        assertThat(model.messageProperty().get()).contains("31.02.2026").contains("„Von“");
    }

    @Test
    void auditLoadsEntriesByAction() {
        model.loadAudit("submission.finished", "", "", "");

        assertThat(model.auditEntries()).hasSize(1);
    }
}
