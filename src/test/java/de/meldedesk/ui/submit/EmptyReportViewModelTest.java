package de.meldedesk.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.EmptyReportService;
import de.meldedesk.ui.common.SameThreadRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptyReportViewModelTest {

    @TempDir
    Path dataDir;

    private Store store;
    private ConnectionService connections;
    private CareflexClient client;
    private Company company;
    private EmptyReportViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        connections = new ConnectionService();
        client = connections.connect(store.profiles().find(SavedProfile.SANDBOX).orElseThrow(),
                connections.sandboxServiceUser());
        company = store.companies().create("09ce3580d84bf087", "Musterfirma GmbH", true, null);
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneId.of("Europe/Berlin"));
        model = new EmptyReportViewModel(new EmptyReportService(store, clock.getZone()), c -> Optional.of("token"),
                new SameThreadRunner(), Messages.GERMAN, clock);
    }

    @AfterEach
    void tearDown() {
        client.close();
        connections.close();
        store.close();
    }

    @Test
    void monthDefaultsToPrevious() {
        assertThat(model.monthProperty().get()).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void overviewShowsNothingYet() {
        model.load();

        assertThat(model.lines()).singleElement().satisfies(line ->
                assertThat(model.describe(line)).isEqualTo("Noch nichts gesendet"));
    }

    @Test
    void sendRecordsEmptyReport() {
        model.send(client, SavedProfile.SANDBOX, company, () -> { });

        assertThat(connections.sandbox().orElseThrow().journal().emptyReports()).hasSize(1);
        assertThat(model.lines().get(0).state()).isEqualTo(EmptyReportService.MonthState.EMPTY_REPORT_SENT);
        assertThat(model.messageProperty().get()).contains("Februar 2026").contains("angenommen");
    }
}
