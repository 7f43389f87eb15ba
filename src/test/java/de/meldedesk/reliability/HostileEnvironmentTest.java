package de.meldedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.AlreadyRunningException;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreDamagedException;
import de.meldedesk.persistence.StoreException;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ClientTimeouts;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.InvalidProfileException;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.service.SubmissionService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile environment: an unusable data folder, a full disk, a second
 * instance, a damaged database, servers that respond with HTML, huge bodies or
 * redirects, and plain http to another host. Each case ends in a clear
 * outcome or message, loses nothing and leaves the store consistent.
 */
class HostileEnvironmentTest {

    private static final List<Locale> LOCALES = List.of(Messages.GERMAN, Messages.ENGLISH);

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        servers.forEach(server -> server.stop(0));
        for (Path mount : mounts) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    // ---- data folder and database ----------------------------------------------------------

    @Test
    void readOnlyFolderGivesClearMessage() throws Exception {
        Path folder = dir.resolve("readonly");
        Files.createDirectories(folder);
        if (!mountTmpfs(folder, "ro,size=1m")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        Assumptions.assumeFalse(Files.isWritable(folder),
                "the folder stays writable: running as root without permission to mount a read-only tmpfs");

        StoreOpenException e = catchThrowableOfType(StoreOpenException.class,
                () -> Store.open(new AppPaths(folder).storePaths()));

        assertThat(e).as("exception for a read-only folder").isNotNull();
        assertClearMessage(e, folder.toString());
    }

    @Test
    void folderThatIsAFileGivesClearMessage() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");

        StoreOpenException e = catchThrowableOfType(StoreOpenException.class,
                () -> Store.open(new AppPaths(file).storePaths()));

        assertThat(e).as("exception for a file as data folder").isNotNull();
        assertClearMessage(e, file.toString());
    }

    @Test
    void secondInstanceIsRefused() throws Exception {
        try (Store first = Store.open(new AppPaths(dir).storePaths())) {
            AlreadyRunningException e = catchThrowableOfType(AlreadyRunningException.class,
                    () -> Store.open(new AppPaths(dir).storePaths()));

            assertThat(e).as("exception for a second instance").isNotNull();
            assertClearMessage(e, null);
            assertThat(first.companies().findByCareflexId("none")).as("first instance still works").isEmpty();
        }
    }

    @Test
    void damagedDatabaseNamesNewestBackup() throws Exception {
        AppPaths paths = new AppPaths(dir);
        try (Store store = Store.open(paths.storePaths())) {
            store.companies().create("6000001", "Kaputt GmbH", true, null);
        }
        Path database = paths.storePaths().databaseFile();
        byte[] garbage = new byte[(int) Files.size(database)];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(database, garbage);

        StoreDamagedException e = catchThrowableOfType(StoreDamagedException.class,
                () -> Store.open(paths.storePaths()));

        assertThat(e).as("exception for a damaged database").isNotNull();
        assertThat(e.newestBackup()).as("newest backup").isNotNull();
        assertClearMessage(e, e.newestBackup().getFileName().toString());
    }

    @Test
    void fullDiskKeepsCommittedDrafts() throws Exception {
        Path folder = dir.resolve("small");
        Files.createDirectories(folder);
        Assumptions.assumeTrue(mountTmpfs(folder, "size=6m"), "mounting a small tmpfs needs root");

        List<Long> committed = new ArrayList<>();
        Throwable failure = null;
        try (Store store = Store.open(new AppPaths(folder).storePaths())) {
            Company company = store.companies().create("6000002", "Voll GmbH", true, null);
            for (int batch = 0; batch < 1_000 && failure == null; batch++) {
                try {
                    committed.addAll(store.incidents().insertDrafts(drafts(company.id(), batch * 200, 200)));
                } catch (StoreException e) {
                    failure = e;
                }
            }
        } catch (StoreException e) {
            // Closing may fail too when the disk is full; the check below reopens the store.
            failure = failure == null ? e : failure;
        }
        assertThat(failure).as("failure on the full disk").isInstanceOf(StoreException.class);
        assertThat(committed).as("drafts committed before the disk was full").isNotEmpty();

        new ProcessBuilder("mount", "-o", "remount,size=64m", folder.toString()).inheritIO().start().waitFor();
        try (Store store = Store.open(new AppPaths(folder).storePaths())) {
            List<Long> missing = new ArrayList<>();
            for (long id : committed) {
                if (store.incidents().findById(id).isEmpty()) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("committed drafts missing after the disk was full").isEmpty();
        }
        System.out.println("[reliability] disk full: " + committed.size() + " drafts committed before "
                + failure.getMessage().lines().findFirst().orElse("") + "; all found after remounting");
    }

    // ---- hostile servers -------------------------------------------------------------------

    @Test
    void htmlInsteadOfJsonIsUnknown() throws Exception {
        URI base = server(exchange -> respond(exchange, 200, "text/html",
                "<html><body><h1>Wartungsarbeiten</h1></body></html>".getBytes(StandardCharsets.UTF_8)));

        Sent sent = sendThrough(base);

        assertThat(sent.outcome()).as("outcome of a 200 HTML answer").isEqualTo(RequestOutcome.UNKNOWN);
        assertThat(sent.errorText()).as("error text").contains("does not match");
        assertUnknownAndNotPlanned(sent);
    }

    @Test
    void hugeResponseIsCutAndUnknown() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        URI base = server(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 50L * chunk.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The client stops reading after its limit and closes the connection.
            }
        });
        long start = System.nanoTime();

        Sent sent = sendThrough(base);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(sent.outcome()).as("outcome of a 50 MB answer").isEqualTo(RequestOutcome.UNKNOWN);
        assertThat(sent.errorText()).as("error text").contains("larger than");
        assertThat(millis).as("time to give up on a 50 MB answer, ms").isLessThan(10_000);
        assertUnknownAndNotPlanned(sent);
    }

    @Test
    void redirectToOtherHostIsNotFollowed() throws Exception {
        AtomicInteger otherHostRequests = new AtomicInteger();
        URI other = server(exchange -> {
            otherHostRequests.incrementAndGet();
            respond(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        });
        // 127.0.0.2 is another host name for the client; both stay on loopback.
        URI base = server(exchange -> {
            exchange.getResponseHeaders().set("Location", other.resolve("/incident/new").toString()
                    .replace("127.0.0.1", "127.0.0.2"));
            respond(exchange, 302, "text/plain", new byte[0]);
        });

        Sent sent = sendThrough(base);

        assertThat(otherHostRequests).as("requests that reached the other host").hasValue(0);
        assertThat(sent.outcome()).as("outcome of a redirect").isEqualTo(RequestOutcome.UNKNOWN);
        assertThat(sent.errorText()).as("error text").contains("redirect");
        assertUnknownAndNotPlanned(sent);
    }

    @Test
    void plainHttpToOtherHostIsRefused() {
        URI remote = URI.create("http://portal.example/oauth/token");

        assertThatThrownBy(() -> ConnectionProfile.of("remote", remote, URI.create("http://portal.example/new"),
                URI.create("http://portal.example/none")))
                .as("profile with plain http to another host")
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> {
                    assertThat(e.getMessage()).contains("only https");
                });
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The outcome of one incident sent through the real store and service, and the store to check. */
    private record Sent(RequestOutcome outcome, String errorText, Store store, CareflexClient client, long id) {
    }

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeOpen() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Sent sendThrough(URI base) throws Exception {
        Store store = Store.open(new AppPaths(dir.resolve("store")).storePaths());
        open.add(store);
        Company company = store.companies().create("6000003", "Feindlich GmbH", true, null);
        long id = store.incidents().insertDrafts(drafts(company.id(), 0, 1)).get(0);
        CareflexClient client = CareflexClient.builder(ConnectionProfile.of("hostile", base.resolve("/token"),
                base.resolve("/incident/new"), base.resolve("/incident/none")), new ServiceUser("u", "s"))
                .timeouts(new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .build();
        open.add(client);
        SubmissionService service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                Clock.systemDefaultZone());
        SubmissionService.Plan plan = service.plan(client, List.of(id), c -> Optional.of("api-token"));
        List<SubmissionService.SentRequest> sent = service.send(client, "hostile", plan, (d, t, s) -> { },
                () -> false);
        assertThat(sent).as("requests sent").hasSize(1);
        for (Locale locale : LOCALES) {
            assertThat(sent.get(0).result().describe(locale)).as("description in %s", locale).isNotBlank();
        }
        return new Sent(sent.get(0).result().outcome(), sent.get(0).result().errorText(), store, client, id);
    }

    private static void assertUnknownAndNotPlanned(Sent sent) {
        StoredIncident stored = sent.store().incidents().findById(sent.id()).orElseThrow();
        assertThat(stored.status()).as("stored status").isEqualTo(IncidentStatus.UNKNOWN);
        SubmissionService service = new SubmissionService(sent.store(), IncidentTypeCatalogue.builtIn(),
                Clock.systemDefaultZone());
        SubmissionService.Plan plan = service.plan(sent.client(), List.of(sent.id()), c -> Optional.of("t"));
        assertThat(plan.incidentCount()).as("unknown incident planned again").isZero();
    }

    /** A handler of the hostile server's incident endpoints. */
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Starts a loopback server whose /token issues a token and whose /incident/ paths use the handler. */
    private URI server(Handler incidents) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, "application/json",
                    "{\"access_token\":\"hostile-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                            .getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/incident/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            incidents.handle(exchange);
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static List<Draft> drafts(long companyId, int from, int count) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Incident incident = new Incident("env-" + i, "WIK", String.format("%011d", 60_000_000_000L + i),
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), Employee.EMPTY);
            drafts.add(new Draft(companyId, incident, IncidentStatus.READY, List.of(), Source.TYPED, Map.of(), null));
        }
        return drafts;
    }

    private static void assertClearMessage(StoreOpenException e, String mustContain) {
        for (Locale locale : LOCALES) {
            String message = e.userMessage(locale);
            assertThat(message).as("message in %s", locale).isNotBlank();
            assertThat(message).as("message in %s is not a key", locale).isNotEqualTo(e.messageKey());
            assertThat(message).as("message in %s has no stack trace", locale).doesNotContain("\tat ", "Exception");
            if (mustContain != null) {
                assertThat(message).as("message in %s names the place", locale).contains(mustContain);
            }
        }
    }

    /** Mounts a tmpfs with the options; returns false where mounting is not allowed. */
    private boolean mountTmpfs(Path folder, String options) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        if (mount.waitFor() != 0) {
            return false;
        }
        mounts.add(folder);
        return true;
    }
}
