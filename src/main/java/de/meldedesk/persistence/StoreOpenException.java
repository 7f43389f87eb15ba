package de.meldedesk.persistence;

import de.meldedesk.i18n.Messages;
import java.util.List;
import java.util.Locale;

/**
 * The store could not be opened for a reason the clerk must hear about. The
 * exception message is English for the log; {@link #userMessage} is the text
 * to show.
 */
public class StoreOpenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> messageArgs;

    public StoreOpenException(String message, String messageKey, List<Object> messageArgs, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
        this.messageArgs = List.copyOf(messageArgs);
    }

    public String messageKey() {
        return messageKey;
    }

    /** Returns the message for the clerk in the given language. */
    public String userMessage(Locale locale) {
        return Messages.format(locale, messageKey, messageArgs.toArray());
    }
}
