package de.meldedesk.persistence;

/** A database operation failed for a reason the caller cannot fix, such as a full disk. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
