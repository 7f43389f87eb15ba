package de.meldedesk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.wire.CareflexJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of what the sandbox received: every accepted report and empty report (without
 * the API token), a request counter per endpoint, and the raw bytes of the
 * last {@value #MAX_HEADERS} Authorization headers. With a journal file, each
 * accepted report is also appended to it as one JSON line.
 */
public final class SandboxJournal {

    /** One processed row: the incident ID the sandbox assigned and what was sent. */
    public record Row(int rowNumber, String incidentId, String externalId, String employeeId, String type) {
    }

    /** One accepted {@code incident/new} request. */
    public record Report(String importId, String careflexId, Instant receivedAt, List<Row> rows) {

        public Report {
            rows = List.copyOf(rows);
        }
    }

    /** One accepted {@code incident/none} request. */
    public record EmptyReport(String importId, String careflexId, Instant receivedAt) {
    }

    /** The Authorization header of one request exactly as its bytes arrived. */
    public record AuthorizationHeader(SandboxEndpoint endpoint, byte[] raw) {

        public AuthorizationHeader {
            raw = raw.clone();
        }

        @Override
        public byte[] raw() {
            return raw.clone();
        }

        /** Returns the header decoded as UTF-8. */
        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    static final int MAX_HEADERS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxJournal.class);

    private final Path file;
    private final List<Report> reports = new ArrayList<>();
    private final List<EmptyReport> emptyReports = new ArrayList<>();
    private final List<AuthorizationHeader> headers = new ArrayList<>();
    private final Map<SandboxEndpoint, AtomicInteger> counters = new EnumMap<>(SandboxEndpoint.class);

    SandboxJournal(Path file) {
        this.file = file;
        for (SandboxEndpoint endpoint : SandboxEndpoint.values()) {
            counters.put(endpoint, new AtomicInteger());
        }
    }

    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    public synchronized List<EmptyReport> emptyReports() {
        return List.copyOf(emptyReports);
    }

    /** Returns how many requests reached the endpoint, whatever their result. */
    public int requestCount(SandboxEndpoint endpoint) {
        return counters.get(endpoint).get();
    }

    public synchronized List<AuthorizationHeader> authorizationHeaders() {
        return List.copyOf(headers);
    }

    void countRequest(SandboxEndpoint endpoint) {
        counters.get(endpoint).incrementAndGet();
    }

    synchronized void recordAuthorization(SandboxEndpoint endpoint, byte[] raw) {
        headers.add(new AuthorizationHeader(endpoint, raw));
        if (headers.size() > MAX_HEADERS) {
            headers.remove(0);
        }
    }

    synchronized void add(Report report) {
        reports.add(report);
        ObjectNode line = CareflexJson.MAPPER.createObjectNode();
        line.put("kind", "report");
        line.put("importId", report.importId());
        line.put("careflexId", report.careflexId());
        line.put("receivedAt", report.receivedAt().toString());
        ArrayNode rows = line.putArray("rows");
        for (Row row : report.rows()) {
            ObjectNode node = rows.addObject();
            node.put("rowNumber", row.rowNumber());
            node.put("incidentId", row.incidentId());
            node.put("externalId", row.externalId());
            node.put("employeeId", row.employeeId());
            node.put("type", row.type());
        }
        append(line);
    }

    synchronized void add(EmptyReport report) {
        emptyReports.add(report);
        ObjectNode line = CareflexJson.MAPPER.createObjectNode();
        line.put("kind", "emptyReport");
        line.put("importId", report.importId());
        line.put("careflexId", report.careflexId());
        line.put("receivedAt", report.receivedAt().toString());
        append(line);
    }

    private void append(ObjectNode line) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, line.toString() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("Writing the sandbox journal file {} failed", file, e);
        }
    }
}
