package de.meldedesk.cli;

/** A command line that cannot be run as given; the message is the one line the user sees. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
