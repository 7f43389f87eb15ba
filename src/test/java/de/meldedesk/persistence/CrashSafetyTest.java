package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import de.meldedesk.reliability.ReliabilityFigures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that writes drafts with SIGKILL at random moments and
 * checks after each kill that the database opens and contains every draft the
 * process reported as committed.
 */
class CrashSafetyTest {

    private static final int KILLS = 10;

    @TempDir
    Path dataDir;

    @Test
    void killedWriterLosesNoCommittedDraft() throws Exception {
        Random random = new Random(20261204L);
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(kill);
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = readIds(child, committed, ready);

            assertThat(ready.await(30, TimeUnit.SECONDS)).as("child %d opened the store", kill).isTrue();
            // On a loaded machine the first commit can take long; kill only once this child has committed one.
            int before = committed.size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (committed.size() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(50 + random.nextInt(600));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child %d ended", kill).isTrue();
            reader.join(5000);

            assertNoneMissing(committed, kill);
        }
        assertThat(committed).hasSizeGreaterThan(KILLS);
    }

    /**
     * Kills a process while it closes the store, which compacts the file
     * after many small commits, and checks that every committed draft is there.
     */
    @Test
    void killedWhileCompactingLosesNothing() throws Exception {
        killWhileCompacting(3, 20261205L);
    }

    @Test
    @Tag("reliability")
    void killedWhileCompactingFullRun() throws Exception {
        killWhileCompacting(20, 20261206L);
    }

    private void killWhileCompacting(int kills, long seed) throws Exception {
        Random random = new Random(seed);
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        StorePaths paths = TestStores.paths(dataDir);
        int compacted = 0;
        for (int kill = 0; kill <= kills; kill++) {
            Process child = start(kill, CompactCrashChild.class, "1000");
            CountDownLatch closing = new CountDownLatch(1);
            Thread reader = readIds(child, committed, closing, "CLOSING");
            assertThat(closing.await(120, TimeUnit.SECONDS)).as("child %d reached the close", kill).isTrue();
            long before = Files.size(paths.databaseFile());
            // The first child closes undisturbed, to show that the close compacts.
            if (kill == 0) {
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("first child ended").isTrue();
                assertThat(Files.size(paths.databaseFile())).as("file size after the compacting close")
                        .isLessThan(before / 2);
            } else {
                Thread.sleep(random.nextInt(250));
                child.destroyForcibly();
            }
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child %d ended", kill).isTrue();
            reader.join(5000);
            compacted += Files.size(paths.databaseFile()) < before / 2 ? 1 : 0;

            assertNoneMissing(committed, kill);
        }
        assertThat(committed).hasSize(1000 * (kills + 1));
        assertThat(compacted).as("closes that compacted the file").isPositive();
        String figures = kills + " kills within 250 ms of the close, " + (compacted - 1)
                + " after the compaction had finished, " + committed.size() + " committed drafts, missing 0";
        System.out.println("[reliability] kills while compacting: " + figures);
        ReliabilityFigures.record("crash-compact-" + kills, figures);
    }

    /** Opens the store and checks that every committed draft is in it. */
    private void assertNoneMissing(Set<Long> committed, int kill) throws StoreOpenException {
        try (Store store = TestStores.open(dataDir)) {
            Set<Long> missing = new TreeSet<>();
            for (long id : committed) {
                if (store.incidents().findById(id).isEmpty()) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("committed drafts missing after kill %d", kill).isEmpty();
        }
    }

    private Process start(int kill) throws IOException {
        return start(kill, CrashChild.class);
    }

    private Process start(int kill, Class<?> child, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), child.getName(), dataDir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(dataDir.resolve("child-" + child.getSimpleName() + "-" + kill + ".log").toFile());
        return builder.start();
    }

    private static Thread readIds(Process child, Set<Long> committed, CountDownLatch ready) {
        return readIds(child, committed, ready, "READY");
    }

    /** Reads the child's lines on a thread: counts {@code signal} down on that line and collects committed ids. */
    private static Thread readIds(Process child, Set<Long> committed, CountDownLatch ready, String signal) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals(signal)) {
                        ready.countDown();
                    } else if (line.endsWith(" ok")) {
                        committed.add(Long.parseLong(line.substring(0, line.length() - 3)));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // The stream ends abruptly when the child is killed; a line without " ok" is not counted.
            }
        }, "crash-child-reader");
        thread.start();
        return thread;
    }
}
