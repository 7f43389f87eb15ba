package de.meldedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.app.Launcher;
import de.meldedesk.cli.Cli;
import de.meldedesk.sandbox.SandboxEndpoint;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.persistence.StorePaths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import de.meldedesk.bench.HrExport;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxJournal;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.service.SubmissionService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a headless import and a submission with SIGKILL at random moments.
 * After every kill the store opens, every committed draft is there, an import
 * is stored whole or not at all, and an interrupted request shows as UNKNOWN:
 * never as a draft, and never planned for sending again.
 */
class CrashTest {

    @TempDir
    Path dataDir;

    @Test
    void killedImportShortRun() throws Exception {
        killImports(500, 2, 7L);
    }

    @Test
    @Tag("reliability")
    void killedImportFullRun() throws Exception {
        killImports(10_000, 10, 20260302L);
    }

    @Test
    void killedImportCommandShortRun() throws Exception {
        killImportCommands(500, 3, 11L);
    }

    @Test
    @Tag("reliability")
    void killedImportCommandFullRun() throws Exception {
        killImportCommands(10_000, 10, 20261204L);
    }

    @Test
    void killedSubmitCommandShortRun() throws Exception {
        killSubmitCommands(1_000, 3, 13L);
    }

    @Test
    @Tag("reliability")
    void killedSubmitCommandFullRun() throws Exception {
        killSubmitCommands(6_000, 10, 20261205L);
    }

    @Test
    void killedSubmissionShortRun() throws Exception {
        killSubmissions(1_000, 3, 7L);
    }

    @Test
    @Tag("reliability")
    void killedSubmissionFullRun() throws Exception {
        killSubmissions(6_000, 10, 20260302L);
    }

    private void killImports(int rows, int kills, long seed) throws Exception {
        Path csv = dataDir.resolve("export.csv");
        HrExport.writeCsv(csv, HrExport.rows(rows, seed));
        Path storeDir = dataDir.resolve("data");
        Random random = new Random(seed);
        Set<Long> committed = new HashSet<>();
        int imports = 0;
        int cutOff = 0;
        long removed = 0;
        long importMillis = 0;
        for (int kill = 0; kill < kills; kill++) {
            ChildJvm child = ChildJvm.start(ImportCrashChild.class, dataDir.resolve("import-" + kill + ".log"),
                    storeDir.toString(), csv.toString());
            assertThat(child.awaitLine("READY", 60_000)).as("import child %d opened the store", kill).isNotNull();
            if (kill == 0) {
                // The first child measures one import, so that later kills spread over a whole import.
                long start = System.nanoTime();
                assertThat(child.awaitLine("COMMITTED", 120_000)).as("first import committed").isNotNull();
                importMillis = Math.max(200, (System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(50 + random.nextInt((int) (importMillis * 3 / 2)));
            child.kill();
            for (String line : child.drainLines()) {
                if (line.startsWith("COMMITTED ")) {
                    String[] parts = line.split(" ");
                    assertThat(Integer.parseInt(parts[1])).as("drafts of one import").isEqualTo(rows);
                    for (long id = Long.parseLong(parts[2]); id <= Long.parseLong(parts[3]); id++) {
                        committed.add(id);
                    }
                    imports++;
                }
            }

            try (Store store = Store.open(new AppPaths(storeDir).storePaths())) {
                if (store.discardedAtStart() > 0) {
                    cutOff++;
                    removed += store.discardedAtStart();
                }
                long stored = store.incidents().count(IncidentFilter.ALL);
                assertThat(stored % rows).as("drafts after kill %d form whole imports", kill).isZero();
                assertThat(stored).as("drafts after kill %d", kill).isGreaterThanOrEqualTo(committed.size());
                List<Long> missing = new ArrayList<>();
                for (long id : committed) {
                    if (store.incidents().findById(id).isEmpty()) {
                        missing.add(id);
                    }
                }
                assertThat(missing).as("committed drafts missing after kill %d", kill).isEmpty();
            }
        }
        String figures = kills + " kills, " + rows + " rows per import (" + importMillis + " ms each), " + imports + " imports committed, "
                + committed.size() + " committed drafts, missing 0; imports cut off before completing, with drafts"
                + " in the file that the next start removed " + cutOff + " (" + removed + " drafts); partial imports"
                + " left 0";
        System.out.println("[reliability] import crashes: " + figures);
        ReliabilityFigures.record("crash-import-" + rows, figures);
    }

    /**
     * Runs the shipped command {@code meldedesk import} on a new file per run
     * and kills it at a random moment between half and 1.25 times the time one
     * run takes. The first run is not killed and
     * measures the time of one. After each kill every file has none of its
     * drafts or all of them, and every file imported before is whole.
     */
    private void killImportCommands(int rows, int kills, long seed) throws Exception {
        Path storeDir = dataDir.resolve("command-data");
        try (Store store = Store.open(new AppPaths(storeDir).storePaths())) {
            store.companies().create(ImportCrashChild.CAREFLEX_ID, "Kommando Chemie GmbH", true, null);
        }
        Random random = new Random(seed);
        Map<String, Integer> whole = new HashMap<>();
        long commandMillis = 0;
        int finished = 0;
        int cutOff = 0;
        for (int run = 0; run <= kills; run++) {
            Path csv = dataDir.resolve("export-" + run + ".csv");
            HrExport.writeCsv(csv, HrExport.rows(rows, seed + run));
            int expected = storableRows(csv);
            long start = System.nanoTime();
            ChildJvm child = ChildJvm.start(Launcher.class, dataDir.resolve("command-" + run + ".log"),
                    "--data-dir", storeDir.toString(), "--lang", "en", "import", csv.toString(),
                    "--company", ImportCrashChild.CAREFLEX_ID);
            boolean ended;
            if (run == 0) {
                ended = child.waitFor(180_000);
                assertThat(ended).as("first import command ended").isTrue();
                commandMillis = Math.max(500, (System.nanoTime() - start) / 1_000_000);
            } else {
                // Start-up and reading take most of a run, and the store is written in its later part.
                ended = child.waitFor(commandMillis / 2 + random.nextInt((int) (commandMillis * 3 / 4)));
                if (!ended) {
                    child.kill();
                }
            }
            Integer reported = reportedCount(child.drainLines(), csv.getFileName().toString());
            if (run == 0) {
                assertThat(reported).as("drafts the first command reported").isEqualTo(expected);
            }

            Map<String, Integer> stored = draftsByFile(storeDir);
            int found = stored.getOrDefault(csv.getFileName().toString(), 0);
            if (reported != null) {
                assertThat(found).as("drafts of %s, reported stored", csv.getFileName()).isEqualTo(reported);
                finished += run == 0 ? 0 : 1;
            } else {
                assertThat(found).as("drafts of %s after a kill", csv.getFileName()).isIn(0, expected);
                cutOff += found == 0 ? 1 : 0;
            }
            if (found > 0) {
                whole.put(csv.getFileName().toString(), found);
            }
            for (Map.Entry<String, Integer> file : whole.entrySet()) {
                assertThat(stored.getOrDefault(file.getKey(), 0)).as("drafts of %s after run %d", file.getKey(), run)
                        .isEqualTo(file.getValue());
            }
        }
        String figures = kills + " runs of meldedesk import with a SIGKILL at a random moment, after one run of "
                + commandMillis + " ms without (" + rows + " rows per file): " + finished + " had finished, "
                + cutOff + " were cut off and left no draft, " + (kills - finished - cutOff)
                + " were killed after storing the whole file; files found whole " + whole.size()
                + ", partly stored 0";
        System.out.println("[reliability] import command crashes: " + figures);
        ReliabilityFigures.record("crash-import-command-" + rows, figures);
    }

    /** Returns how many rows of the file {@code meldedesk import} stores: those without errors or a twin. */
    private static int storableRows(Path csv) {
        ImportedFile file = new ImportEngine().read(csv, ImportOptions.defaults()
                .withCareflexId(ImportCrashChild.CAREFLEX_ID));
        return (int) file.rows().stream().filter(row -> !row.hasErrors() && row.duplicateOf() == null).count();
    }

    /** Returns the draft count from the command's line "{@code <file>: <n> drafts stored…}", or null. */
    private static Integer reportedCount(List<String> lines, String fileName) {
        for (String line : lines) {
            if (line.startsWith(fileName + ": ") && line.contains(" drafts stored")) {
                return Integer.parseInt(line.substring(fileName.length() + 2, line.indexOf(' ', fileName.length() + 2)));
            }
        }
        return null;
    }

    /** Opens the store, which removes cut-off imports, then counts the drafts of each source file. */
    private static Map<String, Integer> draftsByFile(Path storeDir) throws Exception {
        StorePaths paths = new AppPaths(storeDir).storePaths();
        Store.open(paths).close();
        Map<String, Integer> counts = new HashMap<>();
        String url = "jdbc:h2:file:" + paths.databaseDir().resolve(StorePaths.DATABASE_NAME);
        try (Connection c = DriverManager.getConnection(url, "meldedesk", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT source_file, COUNT(*) FROM incidents GROUP BY source_file")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private void killSubmissions(int incidents, int kills, long seed) throws Exception {
        Path storeDir = dataDir.resolve("data");
        List<Long> ids = prepareReadyIncidents(storeDir, incidents);
        Random random = new Random(seed);
        Map<Long, String> reported = new HashMap<>();
        int unknownAfterKills = 0;
        SandboxConfig config = SandboxConfig.builder().serviceUser("crash-user", "crash-secret")
                .latency(Duration.ofMillis(300)).seed(seed).build();
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            for (int kill = 0; kill < kills; kill++) {
                ChildJvm child = ChildJvm.start(SubmissionCrashChild.class,
                        dataDir.resolve("submit-" + kill + ".log"), storeDir.toString(),
                        sandbox.tokenUrl().toString(), sandbox.incidentNewUrl().toString(),
                        sandbox.incidentNoneUrl().toString(), "crash-user", "crash-secret");
                assertThat(child.awaitLine("READY", 60_000)).as("submission child %d opened the store", kill)
                        .isNotNull();
                // The first stored outcome shows that sending runs; a kill soon after lands inside a request.
                assertThat(child.awaitLine("DONE", 120_000)).as("submission child %d sent a request", kill)
                        .isNotNull();
                Thread.sleep(random.nextInt(1200));
                child.kill();
                for (String line : child.drainLines()) {
                    if (line.startsWith("DONE ")) {
                        String[] parts = line.split(" ");
                        for (String id : parts[2].split(",")) {
                            reported.put(Long.parseLong(id), parts[1]);
                        }
                    }
                }
                unknownAfterKills = checkAfterSubmissionKill(storeDir, sandbox, ids, reported, kill);
            }
            assertThat(unknownAfterKills).as("requests interrupted by a kill").isPositive();
            int journalRows = sandbox.journal().reports().stream().mapToInt(r -> r.rows().size()).sum();
            String figures = kills + " kills, " + incidents + " incidents, " + reported.size()
                    + " with a stored outcome reported by the child, " + journalRows + " rows in the journal, "
                    + unknownAfterKills + " interrupted and shown as UNKNOWN, resent without a decision 0";
            System.out.println("[reliability] submission crashes: " + figures);
            ReliabilityFigures.record("crash-submission-" + incidents, figures);
        }
    }

    /**
     * Runs the shipped command {@code meldedesk submit} against the sandbox
     * and kills it soon after a request has reached the sandbox. The checks
     * after each kill are those of {@link #killSubmissions}, without the
     * child's own reports, because the command prints its results only at the end.
     */
    private void killSubmitCommands(int incidents, int kills, long seed) throws Exception {
        Path storeDir = dataDir.resolve("submit-command-data");
        List<Long> ids = prepareReadyIncidents(storeDir, incidents);
        Random random = new Random(seed);
        Map<String, String> env = Map.of("MELDEDESK_SERVICE_USER", "crash-user",
                "MELDEDESK_SERVICE_SECRET", "crash-secret", "MELDEDESK_API_TOKEN", "crash-api-token");
        SandboxConfig config = SandboxConfig.builder().serviceUser("crash-user", "crash-secret")
                .latency(Duration.ofMillis(300)).seed(seed).build();
        int unknown = 0;
        int finished = 0;
        try (SandboxServer sandbox = SandboxServer.start(config)) {
            StorePaths paths = new AppPaths(storeDir).storePaths();
            assertThat(cli(paths, "connection", "set", "crash", "--token-url", sandbox.tokenUrl().toString(),
                    "--incident-url", sandbox.incidentNewUrl().toString(),
                    "--none-url", sandbox.incidentNoneUrl().toString())).as("connection set").isZero();
            assertThat(cli(paths, "connection", "use", "crash")).as("connection use").isZero();
            for (int kill = 0; kill < kills; kill++) {
                int requestsBefore = sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW);
                ChildJvm child = ChildJvm.start(Launcher.class, dataDir.resolve("submit-command-" + kill + ".log"),
                        env, "--data-dir", storeDir.toString(), "--lang", "en", "submit");
                long deadline = System.currentTimeMillis() + 60_000;
                while (sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW) == requestsBefore
                        && child.isAlive() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW))
                        .as("requests of submit command %d", kill).isGreaterThan(requestsBefore);
                if (child.waitFor(random.nextInt(1200))) {
                    finished++;
                } else {
                    child.kill();
                }
                unknown = checkAfterSubmissionKill(storeDir, sandbox, ids, Map.of(), kill);
            }
            int journalRows = sandbox.journal().reports().stream().mapToInt(r -> r.rows().size()).sum();
            String figures = kills + " runs of meldedesk submit with a SIGKILL during sending, " + incidents
                    + " incidents, " + finished + " runs had finished, " + journalRows + " rows in the journal, "
                    + unknown + " interrupted and shown as UNKNOWN, received twice 0, resent without a decision 0";
            System.out.println("[reliability] submit command crashes: " + figures);
            ReliabilityFigures.record("crash-submit-command-" + incidents, figures);
        }
    }

    private static int cli(StorePaths paths, String... args) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return Cli.run(List.of(args), paths, Locale.ENGLISH, quiet, quiet, Map.of());
    }

    private List<Long> prepareReadyIncidents(Path storeDir, int count) throws Exception {
        try (Store store = Store.open(new AppPaths(storeDir).storePaths())) {
            Company company = store.companies().create("3000001", "Absturz AG", true, null);
            List<Draft> drafts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Incident incident = new Incident("crash-" + i, "WIK", String.format("%011d", 30_000_000_000L + i),
                        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), Employee.EMPTY);
                drafts.add(new Draft(company.id(), incident, IncidentStatus.READY, List.of(), Source.TYPED, Map.of(),
                        null));
            }
            return store.incidents().insertDrafts(drafts);
        }
    }

    /** Checks the store after one kill; returns how many incidents kills have left of unknown outcome so far. */
    private static int checkAfterSubmissionKill(Path storeDir, SandboxServer sandbox, List<Long> ids,
            Map<Long, String> reported, int kill) throws Exception {
        Map<String, Integer> timesInJournal = new HashMap<>();
        for (SandboxJournal.Report report : sandbox.journal().reports()) {
            for (SandboxJournal.Row row : report.rows()) {
                timesInJournal.merge(row.externalId(), 1, Integer::sum);
            }
        }
        assertThat(timesInJournal.values()).as("incidents received twice after kill %d", kill)
                .allMatch(times -> times == 1);

        try (Store store = Store.open(new AppPaths(storeDir).storePaths());
                CareflexClient client = CareflexClient.builder(ConnectionProfile.of("sandbox", sandbox.tokenUrl(),
                        sandbox.incidentNewUrl(), sandbox.incidentNoneUrl()),
                        new ServiceUser("crash-user", "crash-secret")).build()) {
            List<StoredIncident> all = store.incidents().list(IncidentFilter.ALL.page(100_000, 0));
            assertThat(all).as("incidents after kill %d", kill).hasSize(ids.size());
            Set<Long> unknown = new HashSet<>();
            for (StoredIncident incident : all) {
                String externalId = incident.incident().externalId();
                assertThat(incident.status()).as("status of %s after kill %d", externalId, kill)
                        .isNotIn(IncidentStatus.SENDING, IncidentStatus.DRAFT);
                if (timesInJournal.containsKey(externalId)) {
                    assertThat(incident.status()).as("status of received %s after kill %d", externalId, kill)
                            .isIn(IncidentStatus.ACCEPTED, IncidentStatus.UNKNOWN);
                }
                if ("ACCEPTED".equals(reported.get(incident.id()))) {
                    assertThat(incident.status()).as("reported accepted %s after kill %d", externalId, kill)
                            .isEqualTo(IncidentStatus.ACCEPTED);
                }
                if (incident.status() == IncidentStatus.UNKNOWN) {
                    unknown.add(incident.id());
                }
            }

            SubmissionService service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                    Clock.systemDefaultZone());
            SubmissionService.Plan plan = service.plan(client, ids, company -> Optional.of("any-token"));
            Set<Long> planned = plan.requests().stream().flatMap(r -> r.incidentIds().stream())
                    .collect(Collectors.toSet());
            planned.retainAll(unknown);
            assertThat(planned).as("unknown incidents planned after kill %d", kill).isEmpty();
            return (int) all.stream().filter(i -> i.status() == IncidentStatus.UNKNOWN
                    && !reported.containsKey(i.id())).count();
        }
    }
}
