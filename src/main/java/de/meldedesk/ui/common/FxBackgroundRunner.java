package de.meldedesk.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs jobs on named daemon threads and calls back on the JavaFX thread. */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundRunner.class);

    private final ExecutorService executor;

    public FxBackgroundRunner(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "meldedesk-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

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
                Platform.runLater(() -> listener.progress(done, total, message));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        executor.execute(() -> {
            try {
                T result = job.call(progress);
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                LOG.warn("Background job failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
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

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background jobs still running after 5 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
