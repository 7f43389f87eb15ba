package de.meldedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.testsupport.MutableClock;
import de.meldedesk.wire.CareflexJson;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talks to the sandbox over plain sockets, so the sandbox is checked on its own. */
class SandboxServerTest {

    private final List<SandboxServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(SandboxServer::stop);
    }

    private SandboxServer start(SandboxConfig config) throws IOException {
        SandboxServer server = SandboxServer.start(config);
        servers.add(server);
        return server;
    }

    /** A response read off the socket: status, the Retry-After header (or null) and the body. */
    private record RawResponse(int statusCode, String retryAfter, String body) {
    }

    /**
     * Sends a POST over a plain socket. The JDK's HTTP client replaces every
     * non-ASCII header char with "?", so it cannot send a token with "§".
     */
    private static RawResponse post(URI url, String body, String token) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
        if (token != null) {
            request.writeBytes(("Authorization: Bearer " + token + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toByteArray());
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, split).split("\r\n");
            String retryAfter = null;
            for (String line : head) {
                if (line.toLowerCase(Locale.ROOT).startsWith("retry-after:")) {
                    retryAfter = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), retryAfter,
                    response.substring(split + 4));
        }
    }

    private String token(SandboxServer server) throws Exception {
        RawResponse response = post(server.tokenUrl(),
                "{\"grant_type\":\"password\",\"username\":\"sandbox\",\"password\":\"sandbox-secret\"}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return CareflexJson.MAPPER.readTree(response.body()).get("access_token").asText();
    }

    private static String excerptBody() {
        return CareflexJson.writeReport(ExcerptReport.build());
    }

    private static String withIncidentField(int row, String field, String value) throws IOException {
        ObjectNode root = (ObjectNode) CareflexJson.MAPPER.readTree(excerptBody());
        ObjectNode incident = (ObjectNode) root.get("incidentList").get(row);
        if (value == null) {
            incident.remove(field);
        } else {
            incident.put(field, value);
        }
        return root.toString();
    }

    private static JsonNode firstDetail(RawResponse response) throws IOException {
        return CareflexJson.MAPPER.readTree(response.body()).get("details").get(0);
    }

    @Test
    void tokenResponseHasDocumentedShape() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        SandboxServer server = start(SandboxConfig.builder().clock(clock).build());

        RawResponse response = post(server.tokenUrl(),
                "{\"grant_type\":\"password\",\"username\":\"sandbox\",\"password\":\"sandbox-secret\"}", null);

        JsonNode body = CareflexJson.MAPPER.readTree(response.body());
        assertThat(body.get("access_token").asText()).contains("%§");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(43200);
        assertThat(body.get("created_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void wrongGrantTypeRejected() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        RawResponse response = post(server.tokenUrl(),
                "{\"grant_type\":\"client_credentials\",\"username\":\"sandbox\",\"password\":\"sandbox-secret\"}",
                null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_grant");
    }

    @Test
    void expiredTokenRejected() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        SandboxServer server = start(SandboxConfig.builder().clock(clock).tokenTtl(Duration.ofMinutes(10)).build());
        String token = token(server);
        clock.advance(Duration.ofMinutes(10));

        RawResponse response = post(server.incidentNewUrl(), excerptBody(), token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.journal().reports()).isEmpty();
    }

    @Test
    void unknownTokenRejected() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        assertThat(post(server.incidentNewUrl(), excerptBody(), "made-up%§token").statusCode()).isEqualTo(401);
        assertThat(post(server.incidentNoneUrl(), "{}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptedReportEchoesRows() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        RawResponse response = post(server.incidentNewUrl(), excerptBody(), token(server));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rows = CareflexJson.MAPPER.readTree(response.body()).get("incidentResponseList");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("externalId").asText()).isEqualTo("1234-xx");
        assertThat(rows.get(2).get("externalId").isNull()).isTrue();
        assertThat(rows.get(2).get("type").asText()).isEqualTo("WIK");
        assertThat(rows.get(0).get("employeeId").asText()).isEqualTo("49239697103");
    }

    @Test
    void impossibleDateRejected() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        RawResponse response = post(server.incidentNewUrl(),
                withIncidentField(2, "createdAt", "2026-02-31"), token(server));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode detail = firstDetail(response);
        assertThat(detail.get("rowNumber").asInt()).isEqualTo(2);
        assertThat(detail.get("field").asText()).isEqualTo("createdAt");
        assertThat(detail.get("message").asText()).contains("2026-02-31");
    }

    @Test
    void germanDateRejected() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        RawResponse response = post(server.incidentNewUrl(),
                withIncidentField(0, "validFrom", "01.02.2026"), token(server));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstDetail(response).get("field").asText()).isEqualTo("validFrom");
    }

    @Test
    void missingTypeAndEmployeeIdNamed() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());
        ObjectNode root = (ObjectNode) CareflexJson.MAPPER.readTree(withIncidentField(1, "type", null));
        ((ObjectNode) root.get("incidentList").get(2)).remove("employeeId");

        RawResponse response = post(server.incidentNewUrl(), root.toString(), token(server));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = CareflexJson.MAPPER.readTree(response.body()).get("details");
        assertThat(details).hasSize(2);
        assertThat(details.get(0).get("rowNumber").asInt()).isEqualTo(1);
        assertThat(details.get(0).get("field").asText()).isEqualTo("type");
        assertThat(details.get(1).get("message").asText()).isEqualTo("employeeId is missing");
    }

    @Test
    void missingCareflexIdAndApiTokenNamed() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());
        ObjectNode root = (ObjectNode) CareflexJson.MAPPER.readTree(excerptBody());
        root.remove("careflexId");
        root.put("apiToken", "");

        RawResponse response = post(server.incidentNewUrl(), root.toString(), token(server));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("careflexId is missing").contains("apiToken is missing");
    }

    @Test
    void moreThanHundredIncidentsRejected() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());
        ObjectNode root = (ObjectNode) CareflexJson.MAPPER.readTree(excerptBody());
        ArrayNode list = (ArrayNode) root.get("incidentList");
        while (list.size() < 101) {
            list.add(list.get(2).deepCopy());
        }

        RawResponse response = post(server.incidentNewUrl(), root.toString(), token(server));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(firstDetail(response).get("field").asText()).isEqualTo("incidentList");
    }

    @Test
    void emptyIncidentListRejected() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        RawResponse response = post(server.incidentNewUrl(),
                "{\"careflexId\":\"x\",\"apiToken\":\"y\",\"incidentList\":[]}", token(server));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void getIsNotAllowed() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());
        HttpURLConnection connection = (HttpURLConnection) server.tokenUrl().toURL().openConnection(Proxy.NO_PROXY);

        assertThat(connection.getResponseCode()).isEqualTo(405);
        connection.disconnect();
    }

    @Test
    void journalFileHoldsReportsWithoutApiToken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.jsonl");
        SandboxServer server = start(SandboxConfig.builder().journalFile(file).build());
        String token = token(server);

        post(server.incidentNewUrl(), excerptBody(), token);
        post(server.incidentNoneUrl(), CareflexJson.writeEmptyReport("09ce3580d84bf087", "api-token-1"), token);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = CareflexJson.MAPPER.readTree(lines.get(0));
        assertThat(first.get("kind").asText()).isEqualTo("report");
        assertThat(first.get("rows")).hasSize(3);
        assertThat(first.get("importId").asText()).isEqualTo(server.journal().reports().get(0).importId());
        assertThat(CareflexJson.MAPPER.readTree(lines.get(1)).get("kind").asText()).isEqualTo("emptyReport");
        assertThat(Files.readString(file)).doesNotContain(ExcerptReport.API_TOKEN).doesNotContain("api-token-1");
    }

    @Test
    void fullFailRateAnswers503WithRetryAfter() throws Exception {
        SandboxServer server = start(SandboxConfig.builder().fail503Rate(1.0).retryAfterSeconds(7).build());

        RawResponse response = post(server.incidentNewUrl(), excerptBody(), token(server));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.retryAfter()).isEqualTo("7");
        assertThat(server.journal().reports()).isEmpty();
    }

    @Test
    void sameSeedInjectsSameFaults() throws Exception {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SandboxServer server = start(SandboxConfig.builder().fail503Rate(0.5).seed(42).build());
            String token = token(server);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(post(server.incidentNoneUrl(), "{\"careflexId\":\"x\",\"apiToken\":\"y\"}", token)
                        .statusCode());
            }
            runs.add(statuses);
        }

        assertThat(runs.get(0)).contains(200, 503);
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void requestCountsPerEndpoint() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());
        String token = token(server);

        post(server.incidentNewUrl(), excerptBody(), token);
        post(server.incidentNoneUrl(), "{\"careflexId\":\"x\",\"apiToken\":\"y\"}", token);
        post(server.incidentNoneUrl(), "{\"careflexId\":\"x\",\"apiToken\":\"y\"}", token);

        assertThat(server.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(1);
        assertThat(server.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(1);
        assertThat(server.journal().requestCount(SandboxEndpoint.INCIDENT_NONE)).isEqualTo(2);
    }

    @Test
    void boundToLoopbackOnly() throws Exception {
        SandboxServer server = start(SandboxConfig.defaults());

        assertThat(server.tokenUrl().getHost()).isEqualTo("127.0.0.1");
    }
}
