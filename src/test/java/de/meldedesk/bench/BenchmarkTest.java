package de.meldedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark run of {@code mvn -Pbench verify}: all cases at full size. The
 * table goes to standard output and to {@code target/benchmarks.md}. The test
 * fails when a target is missed, naming the cases.
 */
@Tag("bench")
class BenchmarkTest {

    @TempDir
    Path work;

    @Test
    void allTargetsMet() throws Exception {
        Path report = Path.of("target", "benchmarks.md");
        Files.createDirectories(report.getParent());
        List<Main.Result> results;
        try (PrintStream file = new PrintStream(Files.newOutputStream(report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8)) {
            PrintStream both = new PrintStream(new TeeStream(System.out, file), true, StandardCharsets.UTF_8);
            results = Main.run(Main.Settings.parse("--work", work.toString()), both);
        }
        assertThat(results).as("cases that missed their target").allMatch(Main.Result::met);
    }

    /** Writes to two streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
