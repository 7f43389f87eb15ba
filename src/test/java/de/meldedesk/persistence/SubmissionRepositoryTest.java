package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.Submission;
import de.meldedesk.domain.SubmissionResult;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.wire.CareflexJson;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionRepositoryTest {

    @TempDir
    Path dataDir;

    private Store store;
    private SubmissionRepository submissions;
    private long company;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
        submissions = store.submissions();
        company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Muster", true, null).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createThenComplete() {
        String masked = CareflexJson.writeReportMasked(ExcerptReport.build());
        long id = submissions.create(company, "Sandbox", masked, 3);
        Instant finished = Instant.parse("2026-03-02T10:15:30Z");

        submissions.complete(id, new SubmissionResult(200, "{\"importId\":\"imp\"}", "ACCEPTED", null, null, "imp",
                finished));

        Submission stored = submissions.find(id).orElseThrow();
        assertThat(stored.requestBody()).isEqualTo(masked);
        assertThat(stored.responseBody()).isEqualTo("{\"importId\":\"imp\"}");
        assertThat(stored.httpStatus()).isEqualTo(200);
        assertThat(stored.outcome()).isEqualTo("ACCEPTED");
        assertThat(stored.importId()).isEqualTo("imp");
        assertThat(stored.rowCount()).isEqualTo(3);
        assertThat(stored.finishedAt()).isEqualTo(finished);
        assertThat(stored.startedAt()).isNotNull();
    }

    @Test
    void unfinishedHasNoOutcome() {
        long id = submissions.create(company, "Sandbox", CareflexJson.writeReportMasked(ExcerptReport.build()), 3);

        Submission stored = submissions.find(id).orElseThrow();

        assertThat(stored.isFinished()).isFalse();
        assertThat(stored.outcome()).isNull();
    }

    @Test
    void clearApiTokenRefused() {
        String clear = CareflexJson.writeReport(ExcerptReport.build());

        assertThatThrownBy(() -> submissions.create(company, "Sandbox", clear, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(ExcerptReport.API_TOKEN);
        assertThat(submissions.list(null, 10, 0)).isEmpty();
    }

    @Test
    void retryLaterKeepsHeader() {
        long id = submissions.create(company, "Sandbox", CareflexJson.writeReportMasked(ExcerptReport.build()), 3);

        submissions.complete(id, new SubmissionResult(503, "busy", "RETRY_LATER", "HTTP 503", "120", null, null));

        Submission stored = submissions.find(id).orElseThrow();
        assertThat(stored.retryAfter()).isEqualTo("120");
        assertThat(stored.errorText()).isEqualTo("HTTP 503");
        assertThat(stored.finishedAt()).isNotNull();
    }

    @Test
    void hugeResponseIsCut() {
        long id = submissions.create(company, "Sandbox", CareflexJson.writeReportMasked(ExcerptReport.build()), 3);

        submissions.complete(id, new SubmissionResult(502, "x".repeat(1_200_000), "UNKNOWN", null, null, null, null));

        assertThat(submissions.find(id).orElseThrow().responseBody()).hasSizeLessThan(1_000_000).endsWith("characters]");
    }

    @Test
    void listNewestFirstPerCompany() {
        long other = store.companies().create("1111222233334444", "Werk Süd", false, company).id();
        String body = CareflexJson.writeReportMasked(ExcerptReport.build());
        long first = submissions.create(company, "Sandbox", body, 3);
        long second = submissions.create(company, "Sandbox", body, 3);
        submissions.create(other, "Sandbox", body, 3);

        assertThat(submissions.list(company, 10, 0)).extracting(Submission::id).containsExactly(second, first);
        assertThat(submissions.list(null, 10, 0)).hasSize(3);
    }
}
