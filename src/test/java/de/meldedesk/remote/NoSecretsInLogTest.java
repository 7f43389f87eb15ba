package de.meldedesk.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import de.meldedesk.domain.Report;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.ExcerptReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs every kind of exchange and searches the log. The appender uses a plain
 * pattern layout, not the redacting one, so the test fails if code logs a
 * secret even though the production layout would blank it.
 */
class NoSecretsInLogTest {

    private static final String USER = "svc-user-4711";
    private static final String SECRET = "S3rvice-Secret-9!";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Logger root;
    private Logger project;
    private Level projectLevel;

    @BeforeEach
    void attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger %msg %ex%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(output);
        appender.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        project = context.getLogger("de.meldedesk");
        projectLevel = project.getLevel();
        project.setLevel(Level.DEBUG);
    }

    @AfterEach
    void detach() {
        root.detachAppender(appender);
        project.setLevel(projectLevel);
    }

    @Test
    void fullRunLogsNoSecret() throws Exception {
        List<String> tokens;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().serviceUser(USER, SECRET).build());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox),
                        new ServiceUser(USER, SECRET)).build();
                CareflexClient wrong = CareflexClient.builder(SandboxClients.profile(sandbox),
                        new ServiceUser(USER, SECRET + "x")).build()) {
            Report excerpt = ExcerptReport.build();
            List<CompanyIncidents> companies = List.of(new CompanyIncidents(excerpt.careflexId(), excerpt.incidents()));
            client.signIn();
            client.submit(companies, excerpt.apiToken(), SubmitListener.NONE);
            sandbox.unauthorizedNext(1);
            client.submit(companies, excerpt.apiToken(), SubmitListener.NONE);
            sandbox.unauthorizedNext(2);
            client.submit(companies, excerpt.apiToken(), SubmitListener.NONE);
            sandbox.failNext(503, 1);
            client.submit(companies, excerpt.apiToken(), SubmitListener.NONE);
            sandbox.dropNext(1);
            client.submit(companies, excerpt.apiToken(), SubmitListener.NONE);
            sandbox.rejectNext(1);
            client.submit(companies, excerpt.apiToken(), SubmitListener.NONE);
            client.sendEmptyReport(excerpt.careflexId(), excerpt.apiToken());
            wrong.sendEmptyReport(excerpt.careflexId(), excerpt.apiToken());
            tokens = sandbox.issuedTokens();
        }

        String log = output.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("09ce3580d84bf087").contains("UNKNOWN").contains("AUTH_FAILED");
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
        assertThat(log).doesNotContain(SECRET);
        assertThat(log).doesNotContain(ExcerptReport.API_TOKEN);
        for (String token : tokens) {
            assertThat(log).doesNotContain(token);
        }
    }
}
