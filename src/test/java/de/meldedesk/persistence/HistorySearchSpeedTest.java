package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches the history of 100,000 sent incidents. Tagged reliability because
 * filling the database takes about a minute on a 2-core machine.
 */
@Tag("reliability")
class HistorySearchSpeedTest {

    private static final int SENT = 100_000;
    private static final int PER_REQUEST = 100;

    @TempDir
    Path dataDir;

    @Test
    void searchStaysFastWithManySent() throws Exception {
        try (Store store = TestStores.open(dataDir)) {
            long company = store.companies().create("a1", "Alpha", true, null).id();
            LocalDate day = LocalDate.of(2026, 1, 1);
            for (int batch = 0; batch < SENT / 10_000; batch++) {
                List<Draft> drafts = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    int n = batch * 10_000 + i;
                    Employee names = new Employee(null, "Vorname" + n, "Nachname" + n, null, null, null, null, null);
                    drafts.add(Draft.of(company, new Incident("ext-" + n, "SDB", String.format("%011d", n), day,
                            day, names)));
                }
                List<Long> ids = store.incidents().insertDrafts(drafts);
                for (int from = 0; from < ids.size(); from += PER_REQUEST) {
                    List<Long> request = ids.subList(from, from + PER_REQUEST);
                    long submission = store.submissions().create(company, "Sandbox", "{\"apiToken\":\"\"}",
                            request.size());
                    store.incidents().markSending(request, submission);
                    Map<Long, String> portalIds = new HashMap<>();
                    request.forEach(id -> portalIds.put(id, "inc-" + id));
                    store.incidents().recordAccepted(submission, "imp-" + submission, portalIds);
                }
            }

            String[] terms = {"nachname77777", "Vorname4242", "00000012345", "inc-99999", "imp-500", "ext-31337", "zzz"};
            for (String term : terms) {
                store.incidents().searchHistory(term, 50, 0);
            }
            long start = System.nanoTime();
            for (String term : terms) {
                store.incidents().searchHistory(term, 50, 0);
                store.incidents().countHistory(term);
            }
            long millisEach = (System.nanoTime() - start) / 1_000_000 / terms.length;
            long pageStart = System.nanoTime();
            store.incidents().searchHistory("", 50, 50_000);
            long pageMillis = (System.nanoTime() - pageStart) / 1_000_000;

            assertThat(store.incidents().searchHistory("nachname77777", 50, 0)).hasSize(1);
            assertThat(store.incidents().searchHistory("imp-500", 200, 0)).hasSize(PER_REQUEST);
            assertThat(millisEach).as("milliseconds per search and count").isLessThan(200);
            assertThat(pageMillis).as("milliseconds for a page deep in the unfiltered history").isLessThan(2000);
            System.err.printf("History search: %d ms per search and count, %d ms for page 1001%n", millisEach,
                    pageMillis);
        }
    }
}
