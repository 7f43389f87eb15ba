package de.meldedesk.ui.common;

import java.util.function.Consumer;

/**
 * The one way ViewModels run work off the JavaFX thread. The job runs in the
 * background; exactly one of the callbacks runs afterwards, on the thread the
 * implementation promises (the JavaFX thread in the app, the caller's thread
 * in {@link SameThreadRunner}), and only there may properties change.
 */
public interface BackgroundRunner {

    <T> Handle run(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Work that may report progress and should stop early when cancelled. */
    @FunctionalInterface
    interface Job<T> {
        T call(Progress progress) throws Exception;
    }

    /** Progress reporting from inside a job; updates reach the UI on its own thread. */
    interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();
    }

    /** A running job: its progress as callbacks and a way to ask it to stop. */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    /** Receives progress updates on the UI thread. */
    @FunctionalInterface
    interface ProgressListener {
        void progress(long done, long total, String message);
    }

    /** Runs a job and forwards its progress to {@code listener}. */
    <T> Handle run(Job<T> job, ProgressListener listener, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
