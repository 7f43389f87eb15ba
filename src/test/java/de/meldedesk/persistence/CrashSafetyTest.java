package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        assertThat(committed).hasSizeGreaterThan(KILLS);
    }

    private Process start(int kill) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dataDir.toString());
        builder.redirectError(dataDir.resolve("child-" + kill + ".log").toFile());
        return builder.start();
    }

    private static Thread readIds(Process child, Set<Long> committed, CountDownLatch ready) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("READY")) {
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
