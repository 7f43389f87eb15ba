package de.meldedesk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.wire.CareflexJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretRedactionTest {

    private static final String SECRET = "s3rvice-Secret!";
    private static final String TOKEN = "P7kmfo8HXItLLOReHq65o4%§ggg45dYhSm5ODc";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Logger logger;

    @BeforeEach
    void attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern("%msg %ex%n");
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
        logger = context.getLogger("de.meldedesk.test");
        logger.addAppender(appender);
        SecretRedactor.register(SECRET);
        SecretRedactor.register(TOKEN);
        SecretRedactor.register(ExcerptReport.API_TOKEN);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        SecretRedactor.forget(SECRET);
        SecretRedactor.forget(TOKEN);
        SecretRedactor.forget(ExcerptReport.API_TOKEN);
    }

    @Test
    void registeredSecretsNeverReachTheLog() {
        logger.info("token request failed for {} with {}", SECRET, TOKEN);
        logger.warn("body {}", CareflexJson.writeReport(ExcerptReport.build()));
        logger.error("failure", new IllegalStateException("server echoed " + TOKEN));

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(SecretRedactor.REPLACEMENT);
        assertThat(text).contains("09ce3580d84bf087");
        assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(ExcerptReport.API_TOKEN);
    }

    @Test
    void shortValuesAreNotRegistered() {
        SecretRedactor.register("abc");

        assertThat(SecretRedactor.redact("abc def")).isEqualTo("abc def");
    }
}
