package de.meldedesk.bench;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.Source;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.service.ImportService;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.wire.CareflexJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.CharCodingConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The benchmark cases. Each measured run of Meldedesk alternates with a run of
 * its floor, so that load from other processes hits both alike. Setup (fresh
 * stores, files, servers, sign-in) is not timed.
 */
final class Cases {

    static final String CAREFLEX_ID = "5000001";
    private static final String API_TOKEN = "bench-api-token-%§";
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 3, 2))
            .withCareflexId(CAREFLEX_ID);
    private static final List<String> HEADLESS = List.of("-Dtestfx.robot=glass", "-Dtestfx.headless=true",
            "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Djava.awt.headless=true");

    private final Main.Settings settings;
    private final PrintStream out;
    private int storeNumber;
    private List<double[]> startRuns;

    Cases(Main.Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    // ---- CSV and XLSX import -------------------------------------------------------------------

    Main.Result csvImport() throws Exception {
        Path csv = settings.work().resolve("export.csv");
        HrExport.writeCsv(csv, HrExport.rows(settings.rows(), 42L));
        return importCase("CSV import", csv, this::csvFloor);
    }

    Main.Result xlsxImport() throws Exception {
        Path xlsx = settings.work().resolve("export.xlsx");
        HrExport.writeXlsx(xlsx, HrExport.rows(settings.rows(), 42L));
        return importCase("XLSX import", xlsx, this::xlsxFloor);
    }

    /** A floor run that returns its time in milliseconds. */
    private interface FloorRun {
        double run(Path file) throws Exception;
    }

    private Main.Result importCase(String name, Path file, FloorRun floor) throws Exception {
        List<Double> app = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        double readShare = 0;
        for (int run = 0; run <= settings.runs(); run++) {
            double[] times = importIntoFreshStore(file);
            double floorTime = floor.run(file);
            if (run > 0) {
                app.add(times[0]);
                floors.add(floorTime);
                readShare += times[1] / times[0] / settings.runs();
            }
        }
        return new Main.Result(name, "ms", Main.median(app), Main.median(floors), 1.5,
                settings.rows() + " rows; reading is " + Math.round(readShare * 100) + " % of the time");
    }

    /** Returns the total and the read-only time of one import into a fresh store. */
    private double[] importIntoFreshStore(Path file) throws Exception {
        Path dir = settings.work().resolve("store-" + storeNumber++);
        try (Store store = Store.open(new AppPaths(dir).storePaths())) {
            store.companies().create(CAREFLEX_ID, "Bench Chemie GmbH", true, null);
            ImportEngine engine = new ImportEngine();
            ImportService imports = new ImportService(store);
            long start = System.nanoTime();
            ImportedFile imported = engine.read(file, OPTIONS);
            long read = System.nanoTime();
            ImportService.Outcome outcome = imports.store(imported, CAREFLEX_ID, false, false);
            long end = System.nanoTime();
            if (outcome.draftIds().size() != settings.rows()) {
                throw new IllegalStateException("the import stored " + outcome.draftIds().size() + " of "
                        + settings.rows() + " rows; first problem: " + firstProblem(imported));
            }
            return new double[] {(end - start) / 1e6, (read - start) / 1e6};
        } finally {
            deleteTree(dir);
        }
    }

    private static String firstProblem(ImportedFile file) {
        if (!file.problems().isEmpty()) {
            return file.problems().get(0).toString();
        }
        return file.rows().stream().flatMap(row -> row.problems().stream()).findFirst()
                .map(Object::toString).orElse("none");
    }

    private double csvFloor(Path file) throws Exception {
        return plainInsert(insert -> {
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                    .get();
            try (Reader reader = Files.newBufferedReader(file, HrExport.WINDOWS_1252)) {
                for (CSVRecord record : format.parse(reader)) {
                    for (int c = 0; c < HrExport.HEADERS.size(); c++) {
                        insert.setString(c + 1, record.get(c));
                    }
                    insert.addBatch();
                }
            }
        });
    }

    private double xlsxFloor(Path file) throws Exception {
        return plainInsert(insert -> {
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
                    Stream<Row> rows = workbook.getFirstSheet().openStream()) {
                for (Row row : (Iterable<Row>) rows.skip(1)::iterator) {
                    for (int c = 0; c < HrExport.HEADERS.size(); c++) {
                        insert.setString(c + 1, row.getCellText(c));
                    }
                    insert.addBatch();
                }
            }
        });
    }

    /** Fills a batch insert into a plain H2 table. */
    private interface BatchFiller {
        void fill(PreparedStatement insert) throws Exception;
    }

    /** Times parsing plus a batch insert in one transaction into a fresh H2 file with one plain table. */
    private double plainInsert(BatchFiller filler) throws Exception {
        Path dir = settings.work().resolve("floor-" + storeNumber++);
        Files.createDirectories(dir);
        StringBuilder columns = new StringBuilder();
        for (int c = 0; c < HrExport.HEADERS.size(); c++) {
            columns.append(c == 0 ? "" : ", ").append("c").append(c).append(" VARCHAR(1000)");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("floor"), "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE plain (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + columns + ")");
            }
            connection.setAutoCommit(false);
            String sql = "INSERT INTO plain VALUES (DEFAULT" + ", ?".repeat(HrExport.HEADERS.size()) + ")";
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                filler.fill(insert);
                insert.executeBatch();
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e6;
        } finally {
            deleteTree(dir);
        }
    }

    // ---- Submission --------------------------------------------------------------------------

    Main.Result submission() throws Exception {
        List<Double> app = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().serviceUser("bench", "bench-secret")
                .build())) {
            ConnectionProfile profile = ConnectionProfile.of("sandbox", sandbox.tokenUrl(), sandbox.incidentNewUrl(),
                    sandbox.incidentNoneUrl());
            List<Incident> incidents = submissionIncidents();
            List<String> bodies = new ArrayList<>();
            for (int from = 0; from < incidents.size(); from += 100) {
                Report report = new Report(CAREFLEX_ID, API_TOKEN,
                        incidents.subList(from, Math.min(incidents.size(), from + 100)));
                bodies.add(CareflexJson.writeReport(report));
            }
            for (int run = 0; run <= settings.runs(); run++) {
                double appTime = submitFromFreshStore(profile, incidents);
                double floorTime = postPlain(sandbox, bodies);
                if (run > 0) {
                    app.add(appTime);
                    floors.add(floorTime);
                }
            }
        }
        return new Main.Result("Submission", "ms", Main.median(app), Main.median(floors), 1.25,
                settings.rows() + " incidents in " + (settings.rows() + 99) / 100 + " requests");
    }

    private List<Incident> submissionIncidents() {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < settings.rows(); i++) {
            incidents.add(new Incident("bench-" + i, "WIK", String.format("%011d", 50_000_000_000L + i),
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), Employee.EMPTY));
        }
        return incidents;
    }

    private double submitFromFreshStore(ConnectionProfile profile, List<Incident> incidents) throws Exception {
        Path dir = settings.work().resolve("store-" + storeNumber++);
        try (Store store = Store.open(new AppPaths(dir).storePaths());
                CareflexClient client = CareflexClient.builder(profile, new ServiceUser("bench", "bench-secret"))
                        .build()) {
            Company company = store.companies().create(CAREFLEX_ID, "Bench Chemie GmbH", true, null);
            List<Draft> drafts = new ArrayList<>();
            for (Incident incident : incidents) {
                drafts.add(new Draft(company.id(), incident, IncidentStatus.READY, List.of(), Source.TYPED, Map.of(),
                        null));
            }
            List<Long> ids = store.incidents().insertDrafts(drafts);
            client.signIn();
            SubmissionService service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                    Clock.systemDefaultZone());
            long start = System.nanoTime();
            SubmissionService.Plan plan = service.plan(client, ids, c -> Optional.of(API_TOKEN));
            List<SubmissionService.SentRequest> sent = service.send(client, "sandbox", plan, (d, t, s) -> { },
                    () -> false);
            double millis = (System.nanoTime() - start) / 1e6;
            long accepted = sent.stream().filter(s -> s.result().outcome() == RequestOutcome.ACCEPTED).count();
            if (accepted != plan.requests().size() || plan.incidentCount() != incidents.size()) {
                throw new IllegalStateException(accepted + " of " + plan.requests().size()
                        + " requests were accepted, " + plan.blocked().size() + " incidents blocked");
            }
            return millis;
        } finally {
            deleteTree(dir);
        }
    }

    /** Times the floor: HttpClient 5 posts the pre-serialised bodies with a token and stores nothing. */
    private static double postPlain(SandboxServer sandbox, List<String> bodies) throws Exception {
        // Header values as UTF-8, as Meldedesk's client sends them: the sandbox's tokens contain "§".
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .charCodingConfig(CharCodingConfig.custom().setCharset(StandardCharsets.UTF_8).build())
                        .build())
                .build();
        try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(connections).build()) {
            HttpPost tokenRequest = new HttpPost(sandbox.tokenUrl());
            tokenRequest.setEntity(new StringEntity("{\"grant_type\":\"password\",\"username\":\"bench\","
                    + "\"password\":\"bench-secret\"}", ContentType.APPLICATION_JSON));
            String tokenBody = http.execute(tokenRequest, response -> EntityUtils.toString(response.getEntity()));
            String token = CareflexJson.MAPPER.readTree(tokenBody).get("access_token").asText();
            long start = System.nanoTime();
            for (String body : bodies) {
                HttpPost post = new HttpPost(sandbox.incidentNewUrl());
                post.setHeader("Authorization", "Bearer " + token);
                post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                int status = http.execute(post, response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode();
                });
                if (status != 200) {
                    throw new IllegalStateException("the floor's request returned HTTP " + status);
                }
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    // ---- Start and memory --------------------------------------------------------------------

    Main.Result start() throws Exception {
        List<double[]> runs = startRuns();
        return new Main.Result("Start", "ms", Main.median(column(runs, 0)), Main.median(column(runs, 2)), 1.5,
                "launch to first rendered main window, " + settings.rows() + " drafts in the store");
    }

    Main.Result memory() throws Exception {
        List<double[]> runs = startRuns();
        return new Main.Result("Memory", "MB", Main.median(column(runs, 1)) / 1024,
                Main.median(column(runs, 3)) / 1024, 2.0, "peak resident memory (VmHWM) of the child JVM");
    }

    private static List<Double> column(List<double[]> runs, int index) {
        return runs.stream().map(run -> run[index]).toList();
    }

    /** Runs the start probes once for both cases: app ms, app kB, minimal ms, minimal kB per run. */
    private List<double[]> startRuns() throws Exception {
        if (startRuns != null) {
            return startRuns;
        }
        Path dataDir = settings.work().resolve("start-data");
        try (Store store = Store.open(new AppPaths(dataDir).storePaths())) {
            Company company = store.companies().create(CAREFLEX_ID, "Bench Chemie GmbH", true, null);
            List<Draft> drafts = new ArrayList<>();
            for (Incident incident : submissionIncidents()) {
                drafts.add(new Draft(company.id(), incident, IncidentStatus.READY, List.of(), Source.TYPED, Map.of(),
                        null));
            }
            store.incidents().insertDrafts(drafts);
        }
        List<double[]> runs = new ArrayList<>();
        for (int run = 0; run <= settings.runs(); run++) {
            double[] app = probe("app", dataDir.toString());
            double[] minimal = probe("minimal", "-");
            if (run > 0) {
                runs.add(new double[] {app[0], app[1], minimal[0], minimal[1]});
            }
        }
        startRuns = runs;
        return runs;
    }

    /** Starts one probe JVM; returns milliseconds from launch to RENDERED and its VmHWM in kB. */
    private double[] probe(String mode, String dataDir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(HEADLESS);
        command.add("-Dmeldedesk.logDir=" + settings.work().resolve("logs"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StartProbe.class.getName());
        command.add(mode);
        command.add(dataDir);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(settings.work().resolve("probe-" + mode + ".log").toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        double renderedMillis = -1;
        double kilobytes = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("RENDERED")) {
                    renderedMillis = (System.nanoTime() - start) / 1e6;
                } else if (line.startsWith("VMHWM ")) {
                    kilobytes = Double.parseDouble(line.substring(6));
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (renderedMillis < 0) {
            throw new IllegalStateException("the " + mode + " probe did not render; see "
                    + settings.work().resolve("probe-" + mode + ".log"));
        }
        return new double[] {renderedMillis, kilobytes};
    }

    // ---- Search ------------------------------------------------------------------------------

    List<Main.Result> search() throws Exception {
        Path dir = settings.work().resolve("history");
        try (Store store = Store.open(new AppPaths(dir).storePaths())) {
            long fillStart = System.nanoTime();
            List<String> incidentIds = fillHistory(store);
            out.println("history of " + settings.history() + " sent incidents written in "
                    + Math.round((System.nanoTime() - fillStart) / 1e9) + " s");
            String sampleIncidentId = incidentIds.get(incidentIds.size() / 3);
            String sampleEmployeeId = String.format("%011d", 60_000_000_000L + settings.history() / 2);
            List<Main.Result> results = new ArrayList<>();
            results.add(searchCase(store, "Search by name", "Straßburger"));
            results.add(searchCase(store, "Search by employee ID", sampleEmployeeId));
            results.add(searchCase(store, "Search by incident ID", sampleIncidentId));
            return results;
        } finally {
            deleteTree(dir);
        }
    }

    private Main.Result searchCase(Store store, String name, String text) {
        List<Double> times = new ArrayList<>();
        long found = 0;
        for (int run = 0; run <= settings.runs(); run++) {
            long start = System.nanoTime();
            int page = store.incidents().searchHistory(text, 50, 0).size();
            found = store.incidents().countHistory(text);
            double millis = (System.nanoTime() - start) / 1e6;
            if (page == 0) {
                throw new IllegalStateException(name + " found nothing for " + text);
            }
            if (run > 0) {
                times.add(millis);
            }
        }
        return new Main.Result(name, "ms", Main.median(times), 0, 50, "first page of 50 and the count ("
                + found + " hits) in " + settings.history() + " sent incidents");
    }

    /** Writes sent incidents in submissions of 100, as the service would; returns their incident IDs. */
    private List<String> fillHistory(Store store) {
        String[] lastNames = {"Müller", "Schäfer", "Öztürk", "Weiß", "Straßburger", "Jäger", "Kühn", "Bäcker"};
        Company company = store.companies().create(CAREFLEX_ID, "Bench Chemie GmbH", true, null);
        List<String> incidentIds = new ArrayList<>();
        for (int from = 0; from < settings.history(); from += 10_000) {
            List<Draft> drafts = new ArrayList<>();
            for (int i = from; i < Math.min(settings.history(), from + 10_000); i++) {
                Employee employee = new Employee(null, "Vorname" + i % 97, lastNames[i % lastNames.length] + (i % 13),
                        null, null, null, null, null);
                drafts.add(new Draft(company.id(), new Incident("hist-" + i, "WIK",
                        String.format("%011d", 60_000_000_000L + i), LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 2, 1), employee), IncidentStatus.READY, List.of(), Source.TYPED, Map.of(),
                        null));
            }
            List<Long> ids = store.incidents().insertDrafts(drafts);
            for (int part = 0; part < ids.size(); part += 100) {
                List<Long> slice = ids.subList(part, Math.min(ids.size(), part + 100));
                long submission = store.submissions().create(company.id(), "sandbox", "{}", slice.size());
                store.incidents().markSending(slice, submission);
                Map<Long, String> accepted = new HashMap<>();
                for (Long id : slice) {
                    String incidentId = java.util.UUID.nameUUIDFromBytes(("h" + id).getBytes(StandardCharsets.UTF_8))
                            .toString();
                    accepted.put(id, incidentId);
                    incidentIds.add(incidentId);
                }
                store.incidents().recordAccepted(submission, "import-" + submission, accepted);
            }
        }
        return incidentIds;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
