package de.meldedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import de.meldedesk.app.AppPaths;
import de.meldedesk.bench.HrExport;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.importing.ReworkExport;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.service.EmptyReportService;
import de.meldedesk.service.ImportService;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.persistence.AuditLog;
import de.meldedesk.service.history.HistoryExport;
import de.meldedesk.service.history.HistoryQuery;
import de.meldedesk.service.history.HistoryService;
import de.meldedesk.service.history.ReceiptPdf;
import de.meldedesk.service.history.SentIncident;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs a scripted session: sign-in, import, submission with rejections and
 * acceptances, empty report, rework export, history exports (sent incidents
 * as CSV and xlsx, the audit log, a PDF receipt), an unexpected error in the log.
 * Then searches for the service secret, the access tokens and the API token:
 * the database cell by cell, and every file of the data folder (log and
 * backups included) and new temporary files byte by byte. The log appender uses a plain layout, so a
 * secret that only the redacting production layout would blank still fails
 * the test.
 */
class SecretsSweepTest {

    private static final String USER = "svc-sweep";
    private static final String SECRET = "Sweep-Secret-§%41-Kx9";
    private static final String API_TOKEN = "sweep-api-token-§%42-Lm3";
    private static final String CAREFLEX_ID = "7000001";

    @TempDir
    Path dataDir;

    @Test
    void sessionLeavesNoSecretBehind() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        Path logFile = dataDir.resolve("logs").resolve("meldedesk.log");
        FileAppender<ILoggingEvent> appender = attachPlainLog(logFile);
        List<String> accessTokens;
        List<String> maskedBodies = new ArrayList<>();
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().serviceUser(USER, SECRET).build());
                Store store = Store.open(new AppPaths(dataDir).storePaths());
                CareflexClient client = CareflexClient.builder(ConnectionProfile.of("sandbox", sandbox.tokenUrl(),
                        sandbox.incidentNewUrl(), sandbox.incidentNoneUrl()), new ServiceUser(USER, SECRET)).build()) {
            client.signIn();
            Company company = store.companies().create(CAREFLEX_ID, "Geheim Chemie GmbH", true, null);
            Company quiet = store.companies().create("7000002", "Ruhig GmbH", true, null);

            Path csv = dataDir.resolve("import").resolve("export.csv");
            Files.createDirectories(csv.getParent());
            HrExport.writeCsv(csv, HrExport.rows(250, 9L));
            ImportedFile file = new ImportEngine().read(csv, ImportOptions.defaults()
                    .withToday(LocalDate.of(2026, 3, 2)).withCareflexId(CAREFLEX_ID));
            new ImportService(store).store(file, CAREFLEX_ID, true, false);
            ReworkExport.writeCsv(file.rows().subList(0, 5), dataDir.resolve("import").resolve("rework.csv"),
                    java.util.Locale.GERMANY);

            SubmissionService service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                    Clock.systemDefaultZone());
            List<Long> ready = store.incidents().list(IncidentFilter.ALL.statuses(IncidentStatus.READY)
                    .page(10_000, 0)).stream().map(StoredIncident::id).toList();
            assertThat(ready).as("ready incidents after the import").hasSizeGreaterThan(200);
            sandbox.rejectNext(1);
            sandbox.unauthorizedNext(1);
            SubmissionService.Plan plan = service.plan(client, ready, c -> Optional.of(API_TOKEN));
            List<SubmissionService.SentRequest> sent = service.send(client, "sandbox", plan, (d, t, s) -> { },
                    () -> false);
            sent.forEach(s -> maskedBodies.add(s.result().sentBodyMasked()));
            assertThat(sent).as("outcomes").extracting(s -> s.result().outcome())
                    .contains(RequestOutcome.REJECTED, RequestOutcome.ACCEPTED);

            new EmptyReportService(store, ZoneId.systemDefault()).send(client, "sandbox", quiet,
                    YearMonth.of(2026, 2), API_TOKEN);
            writeExports(store, sent, dataDir.resolve("exports"));
            LoggerFactory.getLogger("de.meldedesk.ui.common.ErrorReporter").error("Unexpected error, reference {}",
                    "0302-0800-ABCD", new IllegalStateException("simulated failure while sending"));
            accessTokens = sandbox.issuedTokens();
        } finally {
            detach(appender);
        }

        List<String> secrets = new ArrayList<>(accessTokens);
        secrets.add(SECRET);
        secrets.add(API_TOKEN);
        assertThat(accessTokens).as("access tokens issued").hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.size(logFile)).as("log size").isPositive();

        List<String> cells = allCells(dataDir);
        assertThat(cells).as("database cells read").hasSizeGreaterThan(1000);
        for (String secret : secrets) {
            assertThat(cells).as("database cells containing %s", describe(secret))
                    .noneMatch(cell -> cell.contains(secret));
            assertThat(maskedBodies).as("masked bodies containing %s", describe(secret))
                    .noneMatch(body -> body.contains(secret));
        }

        List<Path> files = filesUnder(dataDir);
        files.addAll(newTemporaryFiles(started));
        assertThat(files).as("files searched").anyMatch(f -> f.toString().contains("backups"));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String secret : secrets) {
                assertThat(indexOf(bytes, secret.getBytes(StandardCharsets.UTF_8)))
                        .as("%s in %s", describe(secret), file).isNegative();
                assertThat(indexOf(bytes, secret.getBytes(StandardCharsets.ISO_8859_1)))
                        .as("%s (ISO-8859-1) in %s", describe(secret), file).isNegative();
            }
        }
        String figures = "session with " + maskedBodies.size() + " requests, " + accessTokens.size()
                + " access tokens; searched " + cells.size() + " database cells and " + files.size()
                + " files (log, backups, exports, temporary files); secrets found 0";
        System.out.println("[reliability] secrets: " + figures);
        ReliabilityFigures.record("secrets", figures);
    }

    @Test
    void clipboardUsersAreTheReviewedOnes() throws IOException {
        List<String> users = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(source).contains("ClipboardContent")) {
                    users.add(source.getFileName().toString());
                }
            }
        }
        // Each of these was checked for what it copies, so a new clipboard user fails here until it is checked too.
        // ErrorReporter: the error reference and stack trace, which NoSecretsInLogTest checks through the log.
        // Clipboards (submit flow) and HistoryController: request bodies with the API token masked, responses,
        // import and incident IDs. IncidentsController: draft rows as text and incident IDs; drafts hold no secret.
        assertThat(users).as("classes that put content on the clipboard").containsExactlyInAnyOrder(
                "ErrorReporter.java", "Clipboards.java", "HistoryController.java", "IncidentsController.java");
    }

    /** Writes what a clerk can export from the history: sent incidents, the audit log and a receipt. */
    private static void writeExports(Store store, List<SubmissionService.SentRequest> sent, Path folder)
            throws Exception {
        Files.createDirectories(folder);
        HistoryService history = new HistoryService(store, IncidentTypeCatalogue.builtIn(), Clock.systemDefaultZone());
        List<SentIncident> incidents = history.allIncidents(HistoryQuery.ALL, (done, total) -> { });
        assertThat(incidents).as("sent incidents to export").isNotEmpty();
        HistoryExport export = new HistoryExport(Locale.GERMANY, ZoneId.systemDefault());
        try (OutputStream out = Files.newOutputStream(folder.resolve("verlauf.csv"))) {
            export.writeIncidentsCsv(incidents, out);
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("verlauf.xlsx"))) {
            export.writeIncidentsXlsx(incidents, out);
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve("protokoll.csv"))) {
            export.writeAuditCsv(history.audit(AuditLog.Filter.ALL), out);
        }
        long accepted = sent.stream().filter(s -> s.result().outcome() == RequestOutcome.ACCEPTED)
                .findFirst().orElseThrow().submissionId();
        Files.write(folder.resolve("quittung.pdf"), new ReceiptPdf(Locale.GERMANY, ZoneId.systemDefault())
                .write(history.receipt(accepted), Instant.now()));
        // The xlsx and PDF files are compressed, so the byte search below also gets their inflated text.
        for (String name : List.of("verlauf.xlsx", "quittung.pdf")) {
            Files.writeString(folder.resolve(name + ".text"), inflatedText(folder.resolve(name)),
                    StandardCharsets.UTF_8);
        }
    }

    /** Returns the text of an xlsx file's parts, or of a PDF's pages. */
    private static String inflatedText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        if (file.toString().endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                text.append(new PDFTextStripper().getText(pdf));
            }
        } else {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(text).as("text of %s", file.getFileName()).isNotEmpty();
        return text.toString();
    }

    private static String describe(String secret) {
        return "secret starting " + secret.substring(0, 4);
    }

    private static FileAppender<ILoggingEvent> attachPlainLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%d %level [%thread] %logger %msg %ex%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return appender;
    }

    private static void detach(FileAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    private static List<String> allCells(Path dataDir) throws Exception {
        List<String> cells = new ArrayList<>();
        de.meldedesk.persistence.StorePaths paths = new AppPaths(dataDir).storePaths();
        String url = "jdbc:h2:file:" + paths.databaseDir().resolve(de.meldedesk.persistence.StorePaths.DATABASE_NAME);
        try (Connection c = DriverManager.getConnection(url, "meldedesk", "");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            cells.add(String.valueOf(rs.getObject(i)));
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).toList());
        }
    }

    /** Returns the files directly in the temporary folder that changed during the session, up to 50 MB each. */
    private static List<Path> newTemporaryFiles(Instant since) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path path : paths.toList()) {
                try {
                    if (Files.isRegularFile(path) && Files.isReadable(path) && Files.size(path) < 50L * 1024 * 1024
                            && Files.getLastModifiedTime(path).toInstant().isAfter(since)) {
                        files.add(path);
                    }
                } catch (IOException e) {
                    // A file that vanished meanwhile belongs to another process.
                }
            }
        }
        return files;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
