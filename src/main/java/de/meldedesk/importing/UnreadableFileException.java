package de.meldedesk.importing;

import de.meldedesk.domain.validation.Problem;

/** Stops reading a file, with the problem that explains the reason to the clerk. */
class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    UnreadableFileException(Problem problem) {
        super(problem.key());
        this.problem = problem;
    }

    UnreadableFileException(String key, Object... args) {
        this(Problem.error(null, key, args));
    }

    Problem problem() {
        return problem;
    }
}
