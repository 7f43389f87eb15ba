package de.meldedesk.wire;

/** A JSON document that does not have the shape the interface defines. */
public class WireFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
