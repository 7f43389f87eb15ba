package de.meldedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark runner with tiny sizes in the normal build, so that it
 * keeps working. It checks that every case measures, not the targets, which
 * only mean something at full size.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void runnerMeasuresEveryCase() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<Main.Result> results = Main.run(Main.Settings.parse("--rows", "120", "--history", "300", "--runs", "1",
                "--cases", "csv,xlsx,submission,start,memory,search", "--work", work.toString()),
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(results).extracting(Main.Result::name).containsExactly("CSV import", "XLSX import", "Submission",
                "Start", "Memory", "Search by name", "Search by employee ID", "Search by incident ID");
        assertThat(results).as("cases with a positive median").allMatch(result -> result.median() > 0);
        assertThat(results.subList(0, 5)).as("cases with a measured floor").allMatch(Main.Result::hasFloor);
        assertThat(output.toString(StandardCharsets.UTF_8)).as("printed table").contains("| Case |");
    }
}
