package de.meldedesk.remote;

/** Progress of {@link CareflexClient#submit}; both methods run on the submitting thread. */
public interface SubmitListener {

    SubmitListener NONE = new SubmitListener() {
    };

    /** Called just before request {@code index} (0-based) of {@code total} is sent. */
    default void beforeSend(PreparedRequest request, int index, int total) {
    }

    /** Called with the result of request {@code index}, also for requests skipped after an earlier failure. */
    default void afterSend(RequestResult result, int index, int total) {
    }
}
