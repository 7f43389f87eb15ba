package de.meldedesk.cli;

/**
 * A command that cannot go on for a reason the user must fix outside the
 * command line, such as an unknown company, a missing file or no connection.
 * The message is the one line the user sees; the command ends with exit code 2.
 */
class CliFailure extends Exception {

    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message);
    }

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
