package de.meldedesk.wire;

/** A response whose rows cannot be joined one to one with the incidents that were sent. */
public class ResponseMismatchException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResponseMismatchException(String message) {
        super(message);
    }
}
