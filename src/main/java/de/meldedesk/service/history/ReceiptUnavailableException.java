package de.meldedesk.service.history;

/**
 * Thrown when no receipt can be built for a request: it was not accepted, or
 * its stored response does not fit the stored request. {@code messageKey}
 * names the bundle text that explains it to the clerk.
 */
public final class ReceiptUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public ReceiptUnavailableException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
