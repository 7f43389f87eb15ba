package de.meldedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Submission;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.sandbox.SandboxJournal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large submission under network faults loses nothing and sends nothing
 * twice: the sandbox journal and the store agree row for row. The normal build
 * sends 200 incidents; the reliability profile sends 2,000.
 */
class NetworkFaultSubmissionTest {

    @TempDir
    Path dataDir;

    private FaultySubmissionRun run;

    @AfterEach
    void tearDown() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void shortRunLosesAndDuplicatesNothing() throws Exception {
        check(200, 11L);
    }

    @Test
    @Tag("reliability")
    void fullRunLosesAndDuplicatesNothing() throws Exception {
        check(2000, 20260302L);
    }

    private void check(int incidents, long seed) throws Exception {
        run = new FaultySubmissionRun(dataDir, incidents, seed);
        int[] checkpoints = {0};
        run.afterSending = current -> {
            checkpoints[0]++;
            checkAfterSending(current);
        };
        FaultySubmissionRun.Figures figures = run.run();
        System.out.println("[reliability] network faults: " + figures.describe());
        ReliabilityFigures.record("network-" + incidents, figures.describe());

        List<StoredIncident> all = run.allIncidents();
        assertThat(all).as("incidents in the store").hasSize(incidents);
        assertThat(figures.outcomes()).as("503 faults met").containsKey(RequestOutcome.RETRY_LATER);
        assertThat(figures.outcomes()).as("unknown outcomes met").containsKey(RequestOutcome.UNKNOWN);
        assertThat(figures.repeatedAfter401()).as("requests repeated after an expired token").isPositive();

        Map<String, Integer> timesInJournal = new HashMap<>();
        for (SandboxJournal.Report report : run.sandbox.journal().reports()) {
            for (SandboxJournal.Row row : report.rows()) {
                timesInJournal.merge(row.externalId(), 1, Integer::sum);
            }
        }
        assertThat(timesInJournal.values()).as("external IDs the portal received twice")
                .allMatch(times -> times == 1);
        assertThat(figures.duplicateRows()).as("duplicates").isZero();

        Map<String, FaultySubmissionRun.JournalEntry> journal = run.journalByExternalId();
        Set<String> incidentIds = new HashSet<>();
        for (StoredIncident incident : all) {
            String externalId = incident.incident().externalId();
            FaultySubmissionRun.JournalEntry entry = journal.get(externalId);
            if (incident.status() == IncidentStatus.ACCEPTED) {
                assertThat(entry).as("journal row of accepted %s", externalId).isNotNull();
                assertThat(incident.incidentId()).as("incident ID of %s", externalId)
                        .isEqualTo(entry.row().incidentId());
                assertThat(incident.importId()).as("import ID of %s", externalId).isEqualTo(entry.importId());
                assertThat(entry.careflexId()).as("company of %s", externalId).isEqualTo(incident.careflexId());
                assertThat(incidentIds.add(incident.incidentId())).as("incident ID %s unique", incident.incidentId())
                        .isTrue();
            } else {
                assertThat(incident.status()).as("status of %s", externalId).isEqualTo(IncidentStatus.REJECTED);
                assertThat(entry).as("journal row of rejected %s", externalId).isNull();
                Submission submission = run.store.submissions().find(incident.submissionId()).orElseThrow();
                assertThat(submission.responseBody()).as("server message kept for %s", externalId)
                        .contains("rejected by the sandbox on request");
            }
        }
        assertThat(checkpoints[0]).as("send phases checked").isPositive();
        assertThat(figures.accepted()).as("accepted incidents").isEqualTo(figures.journalRows());
        assertThat(figures.accepted() + figures.rejected()).as("incidents with a final outcome").isEqualTo(incidents);
    }

    /**
     * Checks the state before the unknown incidents are resolved: each incident
     * is accepted, rejected, not sent or unknown, and each journal row belongs
     * to an incident that is accepted with that row's ID or unknown.
     */
    private static void checkAfterSending(FaultySubmissionRun current) {
        Map<String, StoredIncident> byExternalId = new HashMap<>();
        for (StoredIncident incident : current.allIncidents()) {
            byExternalId.put(incident.incident().externalId(), incident);
            assertThat(incident.status()).as("status of %s after sending", incident.incident().externalId())
                    .isIn(IncidentStatus.ACCEPTED, IncidentStatus.REJECTED, IncidentStatus.NOT_SENT,
                            IncidentStatus.UNKNOWN);
        }
        for (FaultySubmissionRun.JournalEntry entry : current.journalByExternalId().values()) {
            StoredIncident incident = byExternalId.get(entry.row().externalId());
            assertThat(incident).as("store row for journal row %s", entry.row().externalId()).isNotNull();
            assertThat(incident.status()).as("status of journaled %s", entry.row().externalId())
                    .isIn(IncidentStatus.ACCEPTED, IncidentStatus.UNKNOWN);
            if (incident.status() == IncidentStatus.ACCEPTED) {
                assertThat(incident.incidentId()).as("incident ID of %s", entry.row().externalId())
                        .isEqualTo(entry.row().incidentId());
            }
        }
        for (StoredIncident incident : byExternalId.values()) {
            if (incident.status() == IncidentStatus.ACCEPTED) {
                assertThat(current.journalByExternalId()).as("journal has accepted %s",
                        incident.incident().externalId()).containsKey(incident.incident().externalId());
            }
        }
    }
}
