package de.meldedesk.remote;

import de.meldedesk.i18n.Messages;
import java.util.Locale;

/**
 * A connection profile that cannot be used. The English message is for logs;
 * {@link #describe(Locale)} returns the sentence a clerk reads.
 */
public class InvalidProfileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] args;

    public InvalidProfileException(String englishMessage, String messageKey, Object... args) {
        super(englishMessage);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public InvalidProfileException(String englishMessage, Throwable cause, String messageKey, Object... args) {
        super(englishMessage, cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    /** Formats the clerk's message in the given language. */
    public String describe(Locale locale) {
        return Messages.format(locale, messageKey, args);
    }
}
