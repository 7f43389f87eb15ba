package de.meldedesk.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path whose standard output lines are
 * collected by a reader thread. Lines cut off by a kill are dropped, because
 * only a line that ends with a newline counts as printed.
 */
final class ChildJvm {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readLines, "child-jvm-reader");
        reader.start();
    }

    static ChildJvm start(Class<?> mainClass, Path errorLog, String... args) throws IOException {
        return start(mainClass, errorLog, Map.of(), args);
    }

    /** Like {@link #start(Class, Path, String...)}, with extra environment variables for the child. */
    static ChildJvm start(Class<?> mainClass, Path errorLog, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectError(errorLog.toFile());
        return new ChildJvm(builder.start());
    }

    /**
     * Waits for a line that starts with {@code prefix}; returns it, or null on
     * timeout or when the child ended without printing it. The line stays for {@link #drainLines}.
     */
    String awaitLine(String prefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int checked = 0;
        while (System.currentTimeMillis() < deadline) {
            synchronized (lines) {
                for (; checked < lines.size(); checked++) {
                    if (lines.get(checked).startsWith(prefix)) {
                        return lines.get(checked);
                    }
                }
                if (!reader.isAlive()) {
                    return null;
                }
                lines.wait(100);
            }
        }
        return null;
    }

    /** Kills the child with SIGKILL and waits for it and for the reader. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + process.pid() + " did not end after SIGKILL");
        }
        reader.join(5000);
    }

    boolean waitFor(long timeoutMillis) throws InterruptedException {
        boolean ended = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        if (ended) {
            reader.join(5000);
        }
        return ended;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns and removes every complete line printed so far. */
    List<String> drainLines() {
        synchronized (lines) {
            List<String> drained = new ArrayList<>(lines);
            lines.clear();
            return drained;
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    synchronized (lines) {
                        lines.add(line.toString());
                        lines.notifyAll();
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // The stream ends abruptly when the child is killed; the unfinished line is dropped.
        }
    }
}
