package de.meldedesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.meldedesk.bench.HrExport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.ReportResponse;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.importing.ImportedRow;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.testsupport.Samples;
import de.meldedesk.wire.CareflexJson;
import de.meldedesk.wire.ResponseMismatchException;
import de.meldedesk.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds seeded mutants of valid CSV, XLSX and JSON files to the import engine,
 * and mutants of a valid response to the wire reader. The engine must return
 * within {@value #TIMEOUT_SECONDS} s without throwing, under the 1 GiB test heap,
 * and explain each problem in German and in English; the wire reader may only
 * throw its two documented exceptions.
 */
class HostileFileTest {

    private static final int TIMEOUT_SECONDS = 5;
    private static final int SHORT_RUNS = 100;
    private static final int FULL_RUNS = 10_000;
    private static final long MAX_KEPT_MB = 64;
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 3, 2))
            .withCareflexId("4000001");

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fuzz-read");
        thread.setDaemon(true);
        return thread;
    });
    private final ImportEngine engine = new ImportEngine();
    private long slowestMillis;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void csvMutantsShortRun() throws Exception {
        fuzzText("csv", SHORT_RUNS, 101L);
    }

    @Test
    void jsonMutantsShortRun() throws Exception {
        fuzzText("json", SHORT_RUNS, 102L);
    }

    @Test
    void xlsxMutantsShortRun() throws Exception {
        fuzzXlsx(SHORT_RUNS, 103L);
    }

    @Test
    void responseMutantsShortRun() throws Exception {
        fuzzResponses(SHORT_RUNS * 10, 104L);
    }

    @Test
    void namelessSheetIsDamaged() throws Exception {
        Path valid = dir.resolve("valid.xlsx");
        HrExport.writeXlsx(valid, HrExport.rows(3, 1L));
        List<Mutator.ZipPart> parts = Mutator.unzip(Files.readAllBytes(valid));
        for (Mutator.ZipPart part : parts) {
            if (part.name.equals("xl/workbook.xml")) {
                part.bytes = new String(part.bytes, StandardCharsets.UTF_8).replace("name=\"Export\"", "")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }

        ImportedFile file = read(Mutator.zip(parts), "nameless.xlsx", -1);

        assertThat(file.problems()).extracting(Problem::key).containsExactly("import.xlsx.damaged");
    }

    @Test
    void hugeNamespaceIsDamagedAndNotKept() throws Exception {
        Path valid = dir.resolve("valid.xlsx");
        HrExport.writeXlsx(valid, HrExport.rows(3, 1L));
        List<Mutator.ZipPart> parts = Mutator.unzip(Files.readAllBytes(valid));
        String uri = "urn:" + "n".repeat(4 * 1024 * 1024);
        for (Mutator.ZipPart part : parts) {
            if (part.name.startsWith("xl/worksheets/")) {
                part.bytes = new String(part.bytes, StandardCharsets.UTF_8).replaceFirst("<worksheet ",
                        "<worksheet xmlns:big=\"" + uri + "\" ").getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[] workbook = Mutator.zip(parts);
        long before = usedHeapAfterGc();

        for (int i = 0; i < 20; i++) {
            ImportedFile file = read(workbook, "namespace.xlsx", i);
            assertThat(file.problems()).extracting(Problem::key).containsExactly("import.xlsx.damaged");
        }

        // Kept by the parser, 20 such URIs would take about 250 MB.
        assertThat(usedHeapAfterGc() - before).as("heap kept after 20 reads").isLessThan(64L * 1024 * 1024);
    }

    @Test
    @Tag("reliability")
    void csvMutantsFullRun() throws Exception {
        fuzzText("csv", FULL_RUNS, 201L);
    }

    @Test
    @Tag("reliability")
    void jsonMutantsFullRun() throws Exception {
        fuzzText("json", FULL_RUNS, 202L);
    }

    @Test
    @Tag("reliability")
    void xlsxMutantsFullRun() throws Exception {
        fuzzXlsx(FULL_RUNS, 203L);
    }

    @Test
    @Tag("reliability")
    void responseMutantsFullRun() throws Exception {
        fuzzResponses(FULL_RUNS * 10, 204L);
    }

    private void fuzzText(String format, int runs, long seed) throws Exception {
        byte[] valid = format.equals("csv") ? validCsv() : Samples.read("careflex-request-example.json")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(valid, "valid." + format, -1).rows()).as("rows of the valid %s", format).isNotEmpty();
        Mutator mutator = new Mutator(seed);
        int problems = 0;
        long before = usedHeapAfterGc();
        for (int run = 0; run < runs; run++) {
            byte[] mutant = mutator.mutateText(valid, format.equals("json"));
            problems += read(mutant, "mutant." + format, run).problems().size();
        }
        report(format, runs, problems, usedHeapAfterGc() - before);
    }

    private void fuzzXlsx(int runs, long seed) throws Exception {
        Path valid = dir.resolve("valid.xlsx");
        HrExport.writeXlsx(valid, HrExport.rows(20, seed));
        byte[] validBytes = Files.readAllBytes(valid);
        assertThat(read(validBytes, "valid.xlsx", -1).rows()).as("rows of the valid workbook").hasSize(20);

        byte[] bomb = Mutator.zipBomb(validBytes, 300);
        assertThat(bomb.length).as("size of the zip bomb").isLessThan(2 * 1024 * 1024);
        ImportedFile bombed = read(bomb, "bomb.xlsx", -1);
        assertThat(bombed.hasFileErrors()).as("zip bomb refused").isTrue();

        Mutator mutator = new Mutator(seed);
        int problems = 0;
        long before = usedHeapAfterGc();
        for (int run = 0; run < runs; run++) {
            byte[] mutant = mutator.random().nextInt(50) == 0 ? mutator.mutateBytes(bomb, 1 + run % 3)
                    : mutator.mutateXlsx(validBytes);
            problems += read(mutant, "mutant.xlsx", run).problems().size();
        }
        report("xlsx", runs, problems, usedHeapAfterGc() - before);
    }

    /** Reads one file with a timeout and checks that each problem has a German and an English message. */
    private ImportedFile read(byte[] content, String name, int run) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        long start = System.nanoTime();
        Future<ImportedFile> reading = executor.submit(() -> engine.read(file, OPTIONS));
        ImportedFile result;
        try {
            result = reading.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            Path kept = keep(content, name, run);
            throw new AssertionError("reading mutant " + run + " took longer than " + TIMEOUT_SECONDS
                    + " s; kept as " + kept, e);
        } catch (ExecutionException e) {
            Path kept = keep(content, name, run);
            throw new AssertionError("reading mutant " + run + " threw; kept as " + kept, e.getCause());
        }
        slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
        List<Problem> all = new ArrayList<>(result.problems());
        for (ImportedRow row : result.rows()) {
            all.addAll(row.problems());
        }
        for (Problem problem : all) {
            for (Locale locale : List.of(Messages.GERMAN, Messages.ENGLISH)) {
                String message = problem.message(locale);
                assertThat(Messages.has(locale, problem.key())).as("bundle %s has %s (mutant %d)", locale,
                        problem.key(), run).isTrue();
                assertThat(message).as("message of %s in %s (mutant %d)", problem.key(), locale, run).isNotBlank();
            }
        }
        if (!result.rows().isEmpty() || !result.problems().isEmpty()) {
            return result;
        }
        return fail("mutant %d gave neither rows nor a problem", run);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        Thread.sleep(100);
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private Path keep(byte[] content, String name, int run) throws Exception {
        Path kept = Path.of("target", "fuzz-failures", run + "-" + name);
        Files.createDirectories(kept.getParent());
        Files.write(kept, content);
        return kept.toAbsolutePath();
    }

    private void fuzzResponses(int runs, long seed) throws Exception {
        Report sent = ExcerptReport.build();
        byte[] valid = validResponse(sent).getBytes(StandardCharsets.UTF_8);
        assertThat(CareflexJson.join(sent, CareflexJson.parseResponse(new String(valid, StandardCharsets.UTF_8))))
                .as("incidents of the valid response").hasSize(3);
        Mutator mutator = new Mutator(seed);
        int refused = 0;
        for (int run = 0; run < runs; run++) {
            String body = new String(mutator.mutateText(valid, true), StandardCharsets.UTF_8);
            Future<Boolean> parsing = executor.submit(() -> {
                try {
                    ReportResponse response = CareflexJson.parseResponse(body);
                    CareflexJson.join(sent, response);
                    return true;
                } catch (WireFormatException | ResponseMismatchException e) {
                    assertThat(e.getMessage()).as("message of a refused response").isNotBlank();
                    return false;
                }
            });
            try {
                if (!parsing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    refused++;
                }
            } catch (ExecutionException e) {
                Path kept = keep(body.getBytes(StandardCharsets.UTF_8), "response.json", run);
                throw new AssertionError("response mutant " + run + " threw another exception; kept as " + kept,
                        e.getCause());
            }
        }
        String figures = runs + " response mutants, " + refused + " refused with WireFormatException or "
                + "ResponseMismatchException, other exceptions 0";
        System.out.println("[reliability] fuzz responses: " + figures);
        ReliabilityFigures.record("fuzz-responses-" + runs, figures);
    }

    /**
     * Checks that a run left no more than {@value #MAX_KEPT_MB} MB more on the
     * heap than before it, so memory does not pile up from file to file, and reports the figures.
     */
    private void report(String format, int runs, int problems, long keptBytes) {
        assertThat(keptBytes).as("heap kept after %d %s mutants", runs, format)
                .isLessThan(MAX_KEPT_MB * 1024 * 1024);
        String figures = runs + " " + format + " mutants, " + problems + " problems reported, uncaught exceptions 0,"
                + " slowest read " + slowestMillis + " ms, heap kept after the run "
                + Math.max(0, keptBytes / (1024 * 1024)) + " MB";
        System.out.println("[reliability] fuzz " + format + ": " + figures);
        ReliabilityFigures.record("fuzz-" + format + "-" + runs, figures);
    }

    /** Builds the response the sandbox would send for the report, with plain JSON quotes. */
    private static String validResponse(Report sent) {
        ObjectNode root = CareflexJson.MAPPER.createObjectNode();
        root.put("importId", "8d2adbc0-4d63-4cec-a8f4-445b08a3e33e");
        ArrayNode list = root.putArray("incidentResponseList");
        for (int i = 0; i < sent.incidents().size(); i++) {
            Incident incident = sent.incidents().get(i);
            ObjectNode row = list.addObject();
            row.put("rowNumber", i);
            row.put("incidentId", "8ba8977c-a75b-4ec0-9798-7a7f1420972" + i);
            row.put("externalId", incident.externalId());
            row.put("employeeId", incident.employeeId());
            row.put("type", incident.type());
        }
        return root.toPrettyString();
    }

    private static byte[] validCsv() throws Exception {
        StringBuilder text = new StringBuilder(String.join(";", HrExport.HEADERS)).append("\r\n");
        for (List<String> row : HrExport.rows(20, 5L)) {
            text.append(String.join(";", row)).append("\r\n");
        }
        return text.toString().getBytes(HrExport.WINDOWS_1252);
    }
}
