package de.meldedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.meldedesk.app.AppPaths;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.persistence.Store;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxJournal;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}, {@code submit}, {@code history} and {@code empty-report} against a sandbox started by the test. */
class CliSubmitTest {

    private static final String COMPANY = "09ce3580d84bf087";
    private static final String OTHER_COMPANY = "7a1b2c3d4e5f6071";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private SandboxServer sandbox;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxServer.start(SandboxConfig.builder().journalFile(work.resolve("journal.jsonl")).build());
        cli = new CliRunner(dataDir)
                .env(ActiveConnection.ENV_SERVICE_USER, SandboxConfig.DEFAULT_USER)
                .env(ActiveConnection.ENV_SERVICE_SECRET, SandboxConfig.DEFAULT_SECRET)
                .env(ActiveConnection.ENV_API_TOKEN, "test-api-token");
        expectOk(cli.run("company", "add", "--careflex-id", COMPANY, "--name", "Musterfirma GmbH", "--managing"));
        expectOk(cli.run("company", "add", "--careflex-id", OTHER_COMPANY, "--name", "Tochter GmbH",
                "--managed-by", COMPANY));
        expectOk(cli.run("connection", "set", "local", "--token-url", sandbox.tokenUrl().toString(),
                "--incident-url", sandbox.incidentNewUrl().toString(),
                "--none-url", sandbox.incidentNoneUrl().toString()));
        expectOk(cli.run("connection", "use", "local"));
    }

    @AfterEach
    void tearDown() {
        sandbox.stop();
    }

    private static CliRunner.Result expectOk(CliRunner.Result result) {
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(Cli.EXIT_OK);
        return result;
    }

    private JsonNode importSample() {
        return expectOk(cli.run("import", "--json", "--company", COMPANY,
                Samples.file("personal-export-50.csv").toString())).json();
    }

    private static List<String> incidentIds(JsonNode submit) {
        List<String> ids = new ArrayList<>();
        for (JsonNode request : submit.get("requests")) {
            for (JsonNode row : request.get("incidents")) {
                ids.add(row.get("incidentId").asText(null));
            }
        }
        return ids;
    }

    @Test
    void importThenSubmitGivesFiftyIncidentIds() throws Exception {
        JsonNode imported = importSample();
        JsonNode submit = expectOk(cli.run("submit", "--json")).json();

        assertThat(imported.at("/files/0/stored/ready").asInt()).isEqualTo(50);
        assertThat(imported.at("/files/0/stored/draftIds")).hasSize(50);
        assertThat(submit.get("requests")).hasSize(1);
        JsonNode request = submit.get("requests").get(0);
        assertThat(request.get("company").asText()).isEqualTo(COMPANY);
        assertThat(request.get("rows").asInt()).isEqualTo(50);
        assertThat(request.get("outcome").asText()).isEqualTo("ACCEPTED");
        List<String> ids = incidentIds(submit);
        assertThat(ids).hasSize(50).doesNotContainNull().doesNotHaveDuplicates();

        List<SandboxJournal.Report> reports = sandbox.journal().reports();
        assertThat(reports).singleElement().satisfies(report ->
                assertThat(report.importId()).isEqualTo(request.get("importId").asText()));
        List<String> journaled = reports.get(0).rows().stream().map(SandboxJournal.Row::incidentId).toList();
        Map<String, Integer> times = new HashMap<>();
        journaled.forEach(id -> times.merge(id, 1, Integer::sum));
        for (String id : ids) {
            assertThat(times.get(id)).as("journal entries of " + id).isEqualTo(1);
        }
        String journalFile = Files.readString(work.resolve("journal.jsonl"));
        for (String id : ids) {
            assertThat(journalFile.split(id, -1)).as("journal file lines with " + id).hasSize(2);
        }
    }

    @Test
    void secondSubmitSendsNothing() {
        importSample();
        expectOk(cli.run("submit"));

        CliRunner.Result second = expectOk(cli.run("submit", "--json"));

        assertThat(second.json().get("requests")).isEmpty();
        assertThat(sandbox.journal().reports()).hasSize(1);
    }

    @Test
    void secondImportStoresNoDuplicates() {
        importSample();

        JsonNode again = importSample();

        assertThat(again.at("/files/0/stored/drafts").asInt()).isZero();
        assertThat(again.at("/files/0/stored/leftOut")).hasSize(50);
    }

    @Test
    void dryRunSendsNothing() {
        importSample();

        CliRunner.Result dryRun = expectOk(cli.run("submit", "--dry-run", "--json"));
        CliRunner.Result text = expectOk(cli.run("submit", "--dry-run"));

        assertThat(dryRun.json().at("/requests/0/rows").asInt()).isEqualTo(50);
        assertThat(text.out()).contains("Nothing was sent");
        assertThat(sandbox.journal().reports()).isEmpty();
    }

    @Test
    void submitTextListsIncidentIds() {
        importSample();

        CliRunner.Result result = expectOk(cli.run("submit"));

        String incidentId = sandbox.journal().reports().get(0).rows().get(0).incidentId();
        assertThat(result.out()).contains("Company " + COMPANY + ", 50 incidents: ").contains(incidentId);
    }

    @Test
    void historyListsSentIncidents() {
        importSample();
        List<String> sent = incidentIds(expectOk(cli.run("submit", "--json")).json());

        JsonNode all = expectOk(cli.run("history", "--json", "--company", COMPANY)).json();
        JsonNode other = expectOk(cli.run("history", "--json", "--company", OTHER_COMPANY)).json();
        JsonNode tomorrow = expectOk(cli.run("history", "--json", "--since",
                LocalDate.now().plusDays(1).toString())).json();
        CliRunner.Result text = expectOk(cli.run("history"));

        assertThat(all.get("incidents").findValuesAsText("incidentId")).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(all.get("incidents").findValuesAsText("status")).containsOnly("ACCEPTED");
        assertThat(other.get("incidents")).isEmpty();
        assertThat(tomorrow.get("incidents")).isEmpty();
        assertThat(text.out()).contains(sent.get(0)).contains("50 incidents");
    }

    @Test
    void emptyReportIsSentOnce() {
        String month = YearMonth.now().toString();

        JsonNode first = expectOk(cli.run("empty-report", "--json", "--company", OTHER_COMPANY, "--month", month))
                .json();
        CliRunner.Result second = expectOk(cli.run("empty-report", "--company", OTHER_COMPANY, "--month", month));

        assertThat(first.get("sent").asBoolean()).isTrue();
        assertThat(first.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(second.out()).contains("already accepted");
        assertThat(sandbox.journal().emptyReports()).singleElement()
                .satisfies(r -> assertThat(r.careflexId()).isEqualTo(OTHER_COMPANY));
    }

    @Test
    void emptyReportSkippedAfterIncidents() {
        importSample();
        expectOk(cli.run("submit"));

        CliRunner.Result result = expectOk(cli.run("empty-report", "--company", COMPANY, "--month",
                YearMonth.now().toString()));

        assertThat(result.out()).contains("no empty report is needed");
        assertThat(sandbox.journal().emptyReports()).isEmpty();
    }

    @Test
    void emptyReportThroughBuiltInSandbox() {
        expectOk(cli.run("connection", "use", "sandbox"));
        CliRunner bare = new CliRunner(dataDir);

        CliRunner.Result result = bare.run("empty-report", "--json", "--company", OTHER_COMPANY, "--month",
                YearMonth.now().toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Cli.EXIT_OK);
        assertThat(result.json().get("profile").asText()).isEqualTo(SavedProfile.SANDBOX);
        assertThat(new SettingsStore(new AppPaths(dataDir).storePaths()).load().lastProfile())
                .isEqualTo(SavedProfile.SANDBOX);
        assertThat(sandbox.journal().emptyReports()).isEmpty();
    }

    @Test
    void missingCredentialsAreOneLine() {
        importSample();

        CliRunner.Result result = new CliRunner(dataDir).run("submit");

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.errLines()).singleElement().asString().contains("MELDEDESK_SERVICE_USER");
        assertThat(sandbox.journal().reports()).isEmpty();
    }

    @Test
    void wrongSecretFailsWithExitTwo() {
        importSample();

        CliRunner.Result result = cli.env(ActiveConnection.ENV_SERVICE_SECRET, "wrong").run("submit", "--json");

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.json().at("/requests/0/outcome").asText()).isEqualTo("AUTH_FAILED");
        assertThat(result.out()).doesNotContain("wrong");
    }

    @Test
    void rejectedRequestGivesExitOne() {
        importSample();
        sandbox.rejectNext(1);

        CliRunner.Result result = cli.run("submit", "--json");

        assertThat(result.exit()).isEqualTo(Cli.EXIT_PROBLEMS);
        assertThat(result.json().at("/requests/0/outcome").asText()).isEqualTo("REJECTED");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        CliRunner.Result result = cli.run("connection", "set", "portal", "--token-url", "http://portal.example.com/t",
                "--incident-url", "https://portal.example.com/n", "--none-url", "https://portal.example.com/x");

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.errLines()).singleElement().asString().contains("http://portal.example.com/t");
    }

    @Test
    void unknownConnectionIsOneLine() {
        CliRunner.Result result = cli.run("connection", "use", "nowhere");

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.errLines()).singleElement().asString().contains("nowhere").contains("local");
    }

    @Test
    void companyErrorsAreOneLine() {
        for (String[] args : new String[][] {
            {"company", "add", "--careflex-id", COMPANY, "--name", "Doppelt"},
            {"company", "add", "--careflex-id", "abc", "--name", "X", "--managed-by", OTHER_COMPANY},
            {"company", "add", "--careflex-id", "abc", "--name", "X", "--managing", "--managed-by", COMPANY},
            {"company", "add", "--name", "Ohne ID"},
            {"company", "remove"},
            {"import", Samples.file("personal-export-50.csv").toString()},
            {"import", "--company", "unknown", Samples.file("personal-export-50.csv").toString()},
            {"empty-report", "--company", COMPANY, "--month", "05/2026"},
            {"history", "--since", "gestern"},
            {"submit", "--company", "unknown"},
        }) {
            CliRunner.Result result = cli.run(args);
            String call = String.join(" ", args);
            assertThat(result.exit()).as(call).isEqualTo(Cli.EXIT_FAILED);
            assertThat(result.errLines()).as(call).hasSize(1);
        }
    }

    @Test
    void lockedDataFolderIsOneLine() throws Exception {
        try (Store ignored = Store.open(new AppPaths(dataDir).storePaths())) {
            CliRunner.Result result = cli.run("history");

            assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
            assertThat(result.errLines()).singleElement().asString().contains("is in use");
        }
    }
}
