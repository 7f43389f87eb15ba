package de.meldedesk.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs jobs at once on the calling thread, so ViewModel tests need neither threads nor a toolkit. */
public final class SameThreadRunner implements BackgroundRunner {

    @Override
    public <T> Handle run(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(job, (done, total, message) -> { }, onSuccess, onFailure);
    }

    @Override
    public <T> Handle run(Job<T> job, ProgressListener listener, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                listener.progress(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        T result;
        try {
            result = job.call(progress);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return handle(cancelled);
        }
        onSuccess.accept(result);
        return handle(cancelled);
    }

    private static Handle handle(AtomicBoolean cancelled) {
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }
}
