package de.meldedesk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.ReportValidator;
import de.meldedesk.wire.CareflexJson;
import de.meldedesk.wire.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the CareFlex REST interface, bound to 127.0.0.1 only,
 * for training and tests. It issues tokens (which contain {@code %} and
 * {@code §} like the documented example), validates reports as the interface
 * description demands, journals what it accepts and injects faults on request.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern ROW_PATH = Pattern.compile("incidentList\\[(\\d+)\\]\\.(\\S+) (.*)");

    private final SandboxConfig config;
    private final SandboxJournal journal;
    private final FaultInjector faults;
    private final SecureRandom tokenRandom = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Deque<Duration> delays = new ConcurrentLinkedDeque<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    public SandboxServer(SandboxConfig config) {
        this.config = config;
        this.journal = new SandboxJournal(config.journalFile());
        this.faults = new FaultInjector(config.seed(), config.fail503Rate(), config.dropAfterProcessingRate());
    }

    /** Creates and starts a server with the given settings. */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        SandboxServer sandbox = new SandboxServer(config);
        sandbox.start();
        return sandbox;
    }

    /**
     * Binds to 127.0.0.1 and starts serving.
     *
     * @throws IOException when the port cannot be bound
     */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("the sandbox is already running");
        }
        HttpServer created = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 0);
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "sandbox-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        created.setExecutor(executor);
        created.createContext(SandboxEndpoint.TOKEN.path(), exchange -> handle(SandboxEndpoint.TOKEN, exchange));
        created.createContext(SandboxEndpoint.INCIDENT_NEW.path(),
                exchange -> handle(SandboxEndpoint.INCIDENT_NEW, exchange));
        created.createContext(SandboxEndpoint.INCIDENT_NONE.path(),
                exchange -> handle(SandboxEndpoint.INCIDENT_NONE, exchange));
        created.start();
        server = created;
        LOG.info("Sandbox started on {} (token TTL {}, latency {} ms, 503 rate {}, drop rate {})",
                baseUrl(), config.tokenTtl(), config.latency().toMillis(), config.fail503Rate(),
                config.dropAfterProcessingRate());
    }

    /** Stops serving at once; exchanges still running lose their connection. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // On JDK 17 a delay of 1 s was always waited out in full, even with no exchange running.
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Sandbox on {} stopped", baseUrl());
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not running");
        }
        return server.getAddress().getPort();
    }

    public URI tokenUrl() {
        return url(SandboxEndpoint.TOKEN);
    }

    public URI incidentNewUrl() {
        return url(SandboxEndpoint.INCIDENT_NEW);
    }

    public URI incidentNoneUrl() {
        return url(SandboxEndpoint.INCIDENT_NONE);
    }

    public URI url(SandboxEndpoint endpoint) {
        return URI.create(baseUrl() + endpoint.path());
    }

    public SandboxConfig config() {
        return config;
    }

    public SandboxJournal journal() {
        return journal;
    }

    /** Returns every access token issued so far, oldest first. */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    /** Responds to the next {@code times} incident requests with {@code status}; 429 and 503 carry Retry-After. */
    public void failNext(int status, int times) {
        faults.force(FaultInjector.Kind.STATUS, status, times);
    }

    /** Processes and journals the next {@code times} incident requests, then closes the connection unanswered. */
    public void dropNext(int times) {
        faults.force(FaultInjector.Kind.DROP, 0, times);
    }

    /** Rejects the next {@code times} incident requests with 400 and a validation error on row 0. */
    public void rejectNext(int times) {
        faults.force(FaultInjector.Kind.REJECT, 400, times);
    }

    /**
     * Delays the response to the next {@code times} processed incident requests, after the processing
     * and on top of the configured latency, so a client can time out after the server has acted.
     */
    public void delayNext(Duration delay, int times) {
        for (int i = 0; i < times; i++) {
            delays.addLast(delay);
        }
    }

    /** Responds to the next {@code times} incident requests with 401, as for a revoked token. */
    public void unauthorizedNext(int times) {
        faults.force(FaultInjector.Kind.UNAUTHORIZED, 401, times);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(SandboxEndpoint endpoint, HttpExchange exchange) throws IOException {
        journal.countRequest(endpoint);
        try (exchange) {
            byte[] body = readBody(exchange);
            sleep(config.latency().toMillis());
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, error("method_not_allowed", "use POST"));
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(endpoint.path())) {
                respond(exchange, 404, error("not_found", "no endpoint at " + exchange.getRequestURI().getPath()));
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (endpoint == SandboxEndpoint.TOKEN) {
                issueToken(exchange, text);
            } else {
                incident(endpoint, exchange, text);
            }
        } catch (RuntimeException e) {
            LOG.error("Sandbox request to {} failed", endpoint.path(), e);
        }
    }

    private void issueToken(HttpExchange exchange, String body) throws IOException {
        JsonNode root = json(body);
        if (root == null || !root.isObject()) {
            respond(exchange, 400, error("invalid_request", "the body must be a JSON object"));
            return;
        }
        boolean valid = "password".equals(root.path("grant_type").asText(null))
                && config.serviceUserId().equals(root.path("username").asText(null))
                && config.serviceSecret().equals(root.path("password").asText(null));
        if (!valid) {
            LOG.info("Sandbox token request rejected: wrong grant_type, service user ID or secret");
            respond(exchange, 401, error("invalid_grant", "grant_type, username or password is wrong"));
            return;
        }
        String token = newToken();
        Instant now = config.clock().instant();
        tokens.put(token, now.plus(config.tokenTtl()));
        issuedTokens.add(token);
        ObjectNode answer = CareflexJson.MAPPER.createObjectNode();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", config.tokenTtl().toSeconds());
        answer.put("created_at", now.getEpochSecond());
        respond(exchange, 200, answer);
    }

    private void incident(SandboxEndpoint endpoint, HttpExchange exchange, String body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            // The JDK server turns each header byte into one char, so ISO-8859-1 gives back the raw bytes.
            journal.recordAuthorization(endpoint, authorization.getBytes(StandardCharsets.ISO_8859_1));
        }

        FaultInjector.Fault fault = faults.next();
        if (fault != null && fault.kind() == FaultInjector.Kind.UNAUTHORIZED) {
            LOG.info("Sandbox answers {} with 401 as requested", endpoint.path());
            respond(exchange, 401, error("invalid_token", "the access token was revoked"));
            return;
        }
        if (!tokenValid(authorization)) {
            respond(exchange, 401, error("invalid_token", "the access token is missing, unknown or expired"));
            return;
        }
        if (fault != null && fault.kind() == FaultInjector.Kind.STATUS) {
            LOG.info("Sandbox answers {} with {} as requested", endpoint.path(), fault.status());
            if (fault.status() == 503 || fault.status() == 429) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(config.retryAfterSeconds()));
            }
            respond(exchange, fault.status(), error("unavailable", "the sandbox simulates HTTP " + fault.status()));
            return;
        }
        if (fault != null && fault.kind() == FaultInjector.Kind.REJECT) {
            respond(exchange, 400, validation(List.of(detail(0, "type", "rejected by the sandbox on request"))));
            return;
        }

        ObjectNode answer = endpoint == SandboxEndpoint.INCIDENT_NEW
                ? processReport(exchange, body)
                : processEmptyReport(exchange, body);
        if (answer == null) {
            return;
        }
        Duration delay = delays.pollFirst();
        if (delay != null) {
            sleep(delay.toMillis());
        }
        if (fault != null && fault.kind() == FaultInjector.Kind.DROP) {
            LOG.info("Sandbox processed a request to {} and drops the connection without an answer", endpoint.path());
            // Closing the exchange before the response headers are sent closes the TCP connection.
            return;
        }
        respond(exchange, 200, answer);
    }

    /** Validates and journals a report; returns the answer, or null when a 400 has already been sent. */
    private ObjectNode processReport(HttpExchange exchange, String body) throws IOException {
        Report report;
        try {
            report = CareflexJson.readReport(body);
        } catch (WireFormatException e) {
            respond(exchange, 400, validation(List.of(detailFromPath(e.getMessage()))));
            return null;
        }

        List<ObjectNode> problems = new ArrayList<>();
        if (Text.isBlank(report.careflexId())) {
            problems.add(detail(null, "careflexId", "careflexId is missing"));
        }
        if (Text.isBlank(report.apiToken())) {
            problems.add(detail(null, "apiToken", "apiToken is missing"));
        }
        int count = report.incidents().size();
        if (count == 0 || count > ReportValidator.MAX_INCIDENTS) {
            problems.add(detail(null, "incidentList", "incidentList must contain 1 to "
                    + ReportValidator.MAX_INCIDENTS + " incidents, not " + count));
        }
        for (int i = 0; i < count; i++) {
            Incident incident = report.incidents().get(i);
            requireField(problems, i, "type", incident.type());
            requireField(problems, i, "employeeId", incident.employeeId());
            requireField(problems, i, "createdAt", incident.createdAt());
            requireField(problems, i, "validFrom", incident.validFrom());
        }
        if (!problems.isEmpty()) {
            respond(exchange, 400, validation(problems));
            return null;
        }

        String importId = UUID.randomUUID().toString();
        ObjectNode answer = CareflexJson.MAPPER.createObjectNode();
        answer.put("importId", importId);
        ArrayNode list = answer.putArray("incidentResponseList");
        List<SandboxJournal.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Incident incident = report.incidents().get(i);
            SandboxJournal.Row row = new SandboxJournal.Row(i, UUID.randomUUID().toString(),
                    incident.externalId(), incident.employeeId(), incident.type());
            rows.add(row);
            ObjectNode node = list.addObject();
            node.put("rowNumber", row.rowNumber());
            node.put("incidentId", row.incidentId());
            node.put("externalId", row.externalId());
            node.put("employeeId", row.employeeId());
            node.put("type", row.type());
        }
        journal.add(new SandboxJournal.Report(importId, report.careflexId(), config.clock().instant(), rows));
        LOG.info("Sandbox accepted import {} for company {} with {} incidents", importId, report.careflexId(), count);
        return answer;
    }

    private ObjectNode processEmptyReport(HttpExchange exchange, String body) throws IOException {
        JsonNode root = json(body);
        if (root == null || !root.isObject()) {
            respond(exchange, 400, validation(List.of(detail(null, "body", "the body must be a JSON object"))));
            return null;
        }
        List<ObjectNode> problems = new ArrayList<>();
        String careflexId = root.path("careflexId").asText("");
        if (careflexId.isBlank()) {
            problems.add(detail(null, "careflexId", "careflexId is missing"));
        }
        if (root.path("apiToken").asText("").isBlank()) {
            problems.add(detail(null, "apiToken", "apiToken is missing"));
        }
        if (!problems.isEmpty()) {
            respond(exchange, 400, validation(problems));
            return null;
        }
        String importId = UUID.randomUUID().toString();
        journal.add(new SandboxJournal.EmptyReport(importId, careflexId, config.clock().instant()));
        LOG.info("Sandbox accepted empty report {} for company {}", importId, careflexId);
        ObjectNode answer = CareflexJson.MAPPER.createObjectNode();
        answer.put("importId", importId);
        return answer;
    }

    private boolean tokenValid(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        byte[] raw = authorization.substring("Bearer ".length()).getBytes(StandardCharsets.ISO_8859_1);
        Instant expiresAt = tokens.get(new String(raw, StandardCharsets.UTF_8));
        return expiresAt != null && config.clock().instant().isBefore(expiresAt);
    }

    /** Creates a token shaped like the documented example: letters and digits with {@code %} and {@code §} inside. */
    private String newToken() {
        return randomText(22) + "%§" + randomText(6) + "%41" + randomText(8);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(tokenRandom.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireField(List<ObjectNode> problems, int row, String field, Object value) {
        if (value == null || (value instanceof String && Text.isBlank((String) value))) {
            problems.add(detail(row, field, field + " is missing"));
        }
    }

    /** Turns a reader message such as "incidentList[2].createdAt is not a date" into a detail with row and field. */
    private static ObjectNode detailFromPath(String message) {
        Matcher m = ROW_PATH.matcher(message);
        if (m.matches()) {
            return detail(Integer.parseInt(m.group(1)), m.group(2), m.group(2) + " " + m.group(3));
        }
        return detail(null, "body", message);
    }

    private static ObjectNode detail(Integer rowNumber, String field, String message) {
        ObjectNode node = CareflexJson.MAPPER.createObjectNode();
        if (rowNumber != null) {
            node.put("rowNumber", rowNumber);
        }
        node.put("field", field);
        node.put("message", message);
        return node;
    }

    private static ObjectNode validation(List<ObjectNode> details) {
        ObjectNode node = CareflexJson.MAPPER.createObjectNode();
        node.put("error", "validation");
        node.putArray("details").addAll(details);
        return node;
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode node = CareflexJson.MAPPER.createObjectNode();
        node.put("error", code);
        node.put("message", message);
        return node;
    }

    private static JsonNode json(String body) {
        try {
            return CareflexJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
