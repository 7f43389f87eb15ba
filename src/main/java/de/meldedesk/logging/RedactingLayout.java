package de.meldedesk.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** A pattern layout whose output, exceptions included, passes through {@link SecretRedactor}. */
public class RedactingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return SecretRedactor.redact(super.doLayout(event));
    }
}
