package de.meldedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Source;
import de.meldedesk.persistence.AuditLog;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.SubmissionService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving incidents of unknown outcome: found in the portal, or released for sending again. */
class UnknownResolutionTest {

    @TempDir
    Path dataDir;

    private Store store;
    private SubmissionService service;
    private long submission;
    private List<Long> ids;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(), Clock.systemDefaultZone());
        Company company = store.companies().create("8000001", "Offen GmbH", true, null);
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Incident incident = new Incident("u-" + i, "WIK", String.format("%011d", 80_000_000_000L + i),
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), Employee.EMPTY);
            drafts.add(new Draft(company.id(), incident, IncidentStatus.READY, List.of(), Source.TYPED, Map.of(),
                    null));
        }
        ids = store.incidents().insertDrafts(drafts);
        submission = store.submissions().create(company.id(), "sandbox", "{}", ids.size());
        store.incidents().markSending(ids, submission);
        store.incidents().recordOutcome(submission, IncidentStatus.UNKNOWN, "connection lost");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void foundInPortalBecomesAccepted() {
        int recorded = service.recordFoundInPortal(submission, "imp-1", Map.of(ids.get(0), "portal-1"), "clerk");

        assertThat(recorded).isEqualTo(1);
        assertThat(store.incidents().findById(ids.get(0)).orElseThrow().status()).isEqualTo(IncidentStatus.ACCEPTED);
        assertThat(store.incidents().findById(ids.get(0)).orElseThrow().incidentId()).isEqualTo("portal-1");
    }

    @Test
    void foundInPortalRejectsAcceptedIncident() {
        service.recordFoundInPortal(submission, "imp-1", Map.of(ids.get(0), "portal-1"), "clerk");

        assertThatThrownBy(() -> service.recordFoundInPortal(submission, "imp-2", Map.of(ids.get(0), "portal-2"),
                "clerk")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not UNKNOWN");
        assertThat(store.incidents().findById(ids.get(0)).orElseThrow().incidentId()).isEqualTo("portal-1");
    }

    @Test
    void foundInPortalRejectsOtherSubmission() {
        assertThatThrownBy(() -> service.recordFoundInPortal(submission + 1, "imp-1", Map.of(ids.get(1), "p"),
                "clerk")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.incidents().findById(ids.get(1)).orElseThrow().status()).isEqualTo(IncidentStatus.UNKNOWN);
    }

    @Test
    void releaseOfManyWritesOneAuditEntryEach() {
        int released = service.releaseUnknownAfterConfirmation(ids, "clerk");

        long entries = store.audit().list(AuditLog.Filter.ALL).stream()
                .filter(entry -> entry.action().equals("incident.resendconfirmed")).count();
        assertThat(released).isEqualTo(300);
        assertThat(entries).isEqualTo(300);
    }
}
