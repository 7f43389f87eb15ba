package de.meldedesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Locale locale, String... args) {
        return SandboxMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), locale, new CountDownLatch(0));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void optionsParsedIntoConfig() throws Exception {
        SandboxConfig config = SandboxMain.parse(new String[] {"--port", "8123", "--service-user", "u1",
            "--service-secret", "s1", "--token-ttl", "600", "--latency-ms", "25", "--fail-503", "0.2",
            "--drop-after-processing", "0.1", "--journal", "j.jsonl"});

        assertThat(config.port()).isEqualTo(8123);
        assertThat(config.serviceUserId()).isEqualTo("u1");
        assertThat(config.serviceSecret()).isEqualTo("s1");
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.latency()).isEqualTo(Duration.ofMillis(25));
        assertThat(config.fail503Rate()).isEqualTo(0.2);
        assertThat(config.dropAfterProcessingRate()).isEqualTo(0.1);
        assertThat(config.journalFile()).hasToString("j.jsonl");
    }

    @Test
    void invalidNumberIsOneLineError() {
        int code = run(Locale.UK, "--port", "eighty");

        assertThat(code).isEqualTo(SandboxMain.EXIT_USAGE);
        assertThat(errText()).isEqualTo("meldedesk sandbox: The option --port needs a whole number from 0 to 65535,"
                + " not \"eighty\"." + System.lineSeparator());
        assertThat(out.size()).isZero();
    }

    @Test
    void rateAboveOneRejected() {
        assertThat(run(Locale.GERMANY, "--fail-503", "1.5")).isEqualTo(SandboxMain.EXIT_USAGE);
        assertThat(errText()).contains("--fail-503").contains("1.5").doesNotContain("\n\n");
    }

    @Test
    void unknownOptionRejected() {
        assertThat(run(Locale.UK, "--colour", "red")).isEqualTo(SandboxMain.EXIT_USAGE);
        assertThat(errText()).contains("--colour");
    }

    @Test
    void missingValueRejected() {
        assertThat(run(Locale.UK, "--journal")).isEqualTo(SandboxMain.EXIT_USAGE);
        assertThat(errText()).contains("--journal needs a value");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run(Locale.UK, "--help")).isEqualTo(SandboxMain.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: meldedesk sandbox");
    }

    @Test
    void runPrintsThreeUrlsAndServes() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
            Future<Integer> code = runner.submit(() -> SandboxMain.run(new String[] {"--port", "0"}, printer,
                    new PrintStream(err, true, StandardCharsets.UTF_8), Locale.UK, stop));
            String[] lines = awaitLines(3);

            assertThat(lines[0]).matches("http://127\\.0\\.0\\.1:\\d+/oauth/token");
            assertThat(lines[1]).endsWith("/api/v1/incident/new");
            assertThat(lines[2]).endsWith("/api/v1/incident/none");
            HttpResponse<String> token = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().send(
                    HttpRequest.newBuilder(URI.create(lines[0])).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"grant_type\":\"password\",\"username\":\"sandbox\",\"password\":\"sandbox-secret\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(200);
            stop.countDown();
            assertThat(code.get(5, TimeUnit.SECONDS)).isEqualTo(SandboxMain.EXIT_OK);
        } finally {
            stop.countDown();
            runner.shutdownNow();
        }
    }

    private String[] awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
            if (lines.length >= count && !lines[count - 1].isEmpty()) {
                return lines;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sandbox printed no URLs within 10 s: " + out.toString(StandardCharsets.UTF_8));
    }
}
