package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.EmptyReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptyReportRepositoryTest {

    @TempDir
    Path dataDir;

    private Store store;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordAndListPerMonth() {
        long alpha = store.companies().create("a1", "Alpha", false, null).id();
        long beta = store.companies().create("b2", "Beta", false, null).id();
        Instant sent = Instant.parse("2026-03-01T08:00:00Z");
        EmptyReportRepository reports = store.emptyReports();

        long id = reports.record(alpha, YearMonth.of(2026, 2), "Sandbox", sent, "ACCEPTED", 200, "{}", null);
        reports.record(beta, YearMonth.of(2026, 2), "Sandbox", sent.plusSeconds(5), "REJECTED", 400, "bad", "HTTP 400");
        reports.record(alpha, YearMonth.of(2026, 3), "Sandbox", sent.plusSeconds(9), "ACCEPTED", 200, "{}", null);

        assertThat(reports.listForMonth(YearMonth.of(2026, 2))).extracting(EmptyReport::companyId)
                .containsExactly(alpha, beta);
        assertThat(reports.listForCompany(alpha)).extracting(EmptyReport::reportMonth)
                .containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 2));
        EmptyReport first = reports.listForMonth(YearMonth.of(2026, 2)).get(0);
        assertThat(first.id()).isEqualTo(id);
        assertThat(first.sentAt()).isEqualTo(sent);
        assertThat(first.httpStatus()).isEqualTo(200);
    }
}
