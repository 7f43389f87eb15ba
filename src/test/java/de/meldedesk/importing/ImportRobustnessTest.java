package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.validation.Problem;
import de.meldedesk.testsupport.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRobustnessTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4));

    @TempDir
    Path dir;

    /** Writes inputs of every awkward kind: damaged, truncated, random, nested and mis-encoded. */
    private List<Path> awkwardFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            byte[] garbage = new byte[1 + random.nextInt(50_000)];
            random.nextBytes(garbage);
            files.add(write("garbage" + i + ".csv", garbage));
        }
        byte[] sample = Files.readAllBytes(Samples.file("personal-export-50.xlsx"));
        for (int cut : new int[] {10, 100, sample.length / 2, sample.length - 10}) {
            files.add(write("cut" + cut + ".xlsx", java.util.Arrays.copyOf(sample, cut)));
        }
        byte[] json = Files.readAllBytes(Samples.file("careflex-request-example.json"));
        files.add(write("cut.json", java.util.Arrays.copyOf(json, json.length / 2)));
        files.add(write("nested.json", ("[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII)));
        files.add(write("scalar.json", "{\"incidentList\": 5}".getBytes(StandardCharsets.UTF_8)));
        files.add(write("strings.json", "[\"a\", 1, null]".getBytes(StandardCharsets.UTF_8)));
        files.add(write("undefined1252.csv", new byte[] {'a', ';', 'b', '\n', (byte) 0x81, ';', (byte) 0x8D, '\n'}));
        files.add(write("fffd.csv", "Nachname\nM\uFFFDller\n".getBytes(StandardCharsets.UTF_8)));
        files.add(write("onlyheader.csv", "Mitarbeiter-ID;Nachname\r\n".getBytes(StandardCharsets.UTF_8)));
        files.add(write("onecell.csv", "x".getBytes(StandardCharsets.UTF_8)));
        files.add(write("quotes.csv", "\"\"\"\";\"".getBytes(StandardCharsets.UTF_8)));
        files.add(write("cp1252.csv", "Nachname;Ort\r\nMüller – „x“;€\r\n".getBytes(Charset.forName("windows-1252"))));
        files.add(write("empty.xlsx", new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        files.add(TestWorkbooks.write(dir.resolve("nodata.xlsx"), false, "", ""));
        files.add(TestWorkbooks.write(dir.resolve("badxml.xlsx"), false, "<row r=\"1\"><c r=\"A1\"", ""));
        files.add(TestWorkbooks.write(dir.resolve("fffd.xlsx"), false,
                TestWorkbooks.textRow(1, "Nachname") + TestWorkbooks.textRow(2, "M\uFFFDller"), ""));
        return files;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void awkwardFilesGiveProblemsNotExceptions() throws IOException {
        for (Path file : awkwardFiles()) {
            ImportedFile imported = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> new ImportEngine().read(file, OPTIONS), file.getFileName().toString());

            assertThat(imported).as(file.getFileName().toString()).isNotNull();
            assertThat(imported.toString()).as(file.getFileName() + " holds U+FFFD").doesNotContain("\uFFFD");
            for (Problem problem : imported.problems()) {
                assertThat(imported.describe(null, problem, Locale.GERMANY)).as(problem.key())
                        .doesNotContain(problem.key());
                assertThat(imported.describe(null, problem, Locale.UK)).as(problem.key())
                        .doesNotContain(problem.key());
            }
        }
    }

    @Test
    void everyProblemOfTheSamplesHasTexts() throws IOException {
        List<Path> files = new ArrayList<>(awkwardFiles());
        files.add(Samples.file("careflex-request-example.json"));
        files.add(Samples.file("personal-export-50.csv"));
        for (Path file : files) {
            ImportedFile imported = new ImportEngine().read(file, OPTIONS);
            for (ImportedRow row : imported.rows()) {
                for (Problem problem : row.problems()) {
                    assertThat(imported.describe(row, problem, Locale.GERMANY)).as(problem.key())
                            .doesNotContain(problem.key()).contains(file.getFileName().toString());
                }
                for (FieldChange change : row.changes()) {
                    assertThat(change.message(Locale.UK)).as(change.reasonKey()).doesNotContain(change.reasonKey());
                }
            }
        }
    }

    /** Repeats the sample rows with a new employee ID in each, so no row is a duplicate. */
    private Path largeCsv(int rows) throws IOException {
        List<String> lines = Samples.read("personal-export-50.csv").lines().toList();
        StringBuilder text = new StringBuilder(lines.get(0)).append("\r\n");
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(1 + i % (lines.size() - 1)).split(";", -1);
            cells[1] = String.format(Locale.ROOT, "%011d", 10_000_000_000L + i);
            text.append(String.join(";", cells)).append("\r\n");
        }
        Path file = dir.resolve("large.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void tenThousandCsvRowsWithProgress() throws Exception {
        Path file = largeCsv(10_000);
        AtomicInteger lastDone = new AtomicInteger();
        ImportProgress progress = new ImportProgress() {
            @Override
            public void rowsDone(int done, int total) {
                lastDone.set(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        long start = System.nanoTime();
        ImportedFile imported = new ImportEngine().read(file, OPTIONS, progress);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(imported.rows()).hasSize(10_000);
        assertThat(lastDone.get()).isEqualTo(10_000);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void tenThousandXlsxRows() throws IOException {
        Path file = dir.resolve("large.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "Test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Daten");
            String[] headers = {"Mitarbeiter-ID", "Nachname", "Vorname", "Geburtsdatum", "PLZ", "Personalnummer"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            for (int r = 1; r <= 10_000; r++) {
                sheet.value(r, 0, String.format(Locale.ROOT, "%011d", 10_000_000_000L + r));
                sheet.value(r, 1, "Müller");
                sheet.value(r, 2, "Eva");
                sheet.value(r, 3, LocalDate.of(1980, 1, 1).plusDays(r));
                sheet.style(r, 3).format("dd.mm.yyyy").set();
                sheet.value(r, 4, "01067");
                sheet.value(r, 5, r);
                sheet.style(r, 5).format("000000").set();
            }
            sheet.finish();
        }

        long start = System.nanoTime();
        ImportedFile imported = new ImportEngine().read(file, OPTIONS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(imported.rows()).hasSize(10_000);
        assertThat(imported.rows().get(9_999).incident().employee().job().personnelNumber()).isEqualTo("010000");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cancelStopsTheImport() throws IOException {
        Path file = largeCsv(3_000);
        ImportProgress cancelAfterFirstReport = new ImportProgress() {
            private boolean reported;

            @Override
            public void rowsDone(int done, int total) {
                reported = true;
            }

            @Override
            public boolean isCancelled() {
                return reported;
            }
        };

        assertThatThrownBy(() -> new ImportEngine().read(file, OPTIONS, cancelAfterFirstReport))
                .isInstanceOf(ImportCancelledException.class);
    }
}
