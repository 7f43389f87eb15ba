package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.validation.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxImportTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4));

    @TempDir
    Path dir;

    private ImportedFile read(Path file) {
        return read(file, OPTIONS);
    }

    private static ImportedFile read(Path file, ImportOptions options) {
        return new ImportEngine().read(file, options);
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    /** Writes an export as Excel users make it: a title, a header in row 3, formats, a hidden row and a footer. */
    private Path exportWithTitleAndFooter() throws IOException {
        Path file = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "Test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Export");
            sheet.value(0, 0, "Personalexport Dezember 2026");
            sheet.range(0, 0, 0, 5).merge();
            String[] headers = {"Personalnummer", "Mitarbeiter-ID", "Nachname", "Geburtsdatum", "PLZ", "Postleitzahl alt"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(2, c, headers[c]);
            }
            Object[][] rows = {
                {28140, 49239697103L, "Öztürk", LocalDate.of(1993, 6, 3), 1067, 1067},
                {47024, 28365461076L, "Weiß", LocalDate.of(1972, 12, 4), 45772, 45772},
                {49226, 10324966855L, "Bäcker", LocalDate.of(1987, 1, 3), 4109, 4109},
            };
            for (int r = 0; r < rows.length; r++) {
                int row = 3 + r;
                sheet.value(row, 0, (Number) rows[r][0]);
                sheet.style(row, 0).format("000000").set();
                sheet.value(row, 1, (Number) rows[r][1]);
                sheet.value(row, 2, (String) rows[r][2]);
                sheet.value(row, 3, (LocalDate) rows[r][3]);
                sheet.style(row, 3).format("dd.mm.yyyy").set();
                sheet.value(row, 4, (Number) rows[r][4]);
                sheet.style(row, 4).format("00000").set();
                sheet.value(row, 5, (Number) rows[r][5]);
            }
            sheet.hideRow(5);
            sheet.value(8, 0, "Summe: 3 Mitarbeiter");
            sheet.finish();
        }
        return file;
    }

    @Test
    void headerFoundBelowTitle() throws IOException {
        ImportedFile file = read(exportWithTitleAndFooter());

        assertThat(file.headerRow()).isEqualTo(3);
        assertThat(file.sheetName()).isEqualTo("Export");
        assertThat(file.rows()).extracting(ImportedRow::rowNumber).containsExactly(4, 5, 6);
        assertThat(keys(file.problems())).contains("import.table.rowsAboveHeader", "import.table.footerIgnored");
    }

    @Test
    void numberFormatKeepsLeadingZeros() throws IOException {
        ImportedFile file = read(exportWithTitleAndFooter());

        assertThat(file.rows().get(0).incident().employee().job().personnelNumber()).isEqualTo("028140");
        assertThat(file.rows().get(0).incident().employee().address().zipCode()).isEqualTo("01067");
        assertThat(file.rows().get(0).cells()).containsEntry("Personalnummer", "028140");
    }

    @Test
    void longNumberGivesAllDigits() throws IOException {
        ImportedFile file = read(exportWithTitleAndFooter());

        assertThat(file.rows().get(0).incident().employeeId()).isEqualTo("49239697103");
    }

    @Test
    void dateCellsReadByFormat() throws IOException {
        ImportedFile file = read(exportWithTitleAndFooter());

        assertThat(file.rows().get(0).incident().employee().birthday()).isEqualTo(LocalDate.of(1993, 6, 3));
        assertThat(file.rows().get(0).cells()).containsEntry("Geburtsdatum", "03.06.1993");
        assertThat(file.rows().get(0).changes()).isEmpty();
    }

    @Test
    void generalNumberZipGetsZeroBackWithChange() throws IOException {
        ImportedFile file = read(exportWithTitleAndFooter().getParent().resolve("export.xlsx"),
                OPTIONS.withMapping(java.util.Map.of("Postleitzahl alt", ImportField.ZIP_CODE, "PLZ",
                        ImportField.CITY)));
        ImportedRow row = file.rows().get(2);

        assertThat(row.incident().employee().address().zipCode()).isEqualTo("04109");
        assertThat(row.changes()).extracting(FieldChange::reasonKey).contains("import.change.zipZero");
        assertThat(file.mapping().get(5).source()).isEqualTo(MappingSource.MANUAL);
    }

    @Test
    void hiddenRowsReported() throws IOException {
        ImportedFile file = read(exportWithTitleAndFooter());

        assertThat(keys(file.problems())).contains("import.xlsx.hiddenRows");
        assertThat(keys(file.rows().get(2).problems())).contains("import.row.hidden");
        assertThat(keys(file.rows().get(0).problems())).doesNotContain("import.row.hidden");
    }

    @Test
    void formulaWithoutCachedValue() throws IOException {
        Path file = dir.resolve("formula.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "Test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Daten");
            sheet.value(0, 0, "Mitarbeiter-ID");
            sheet.value(0, 1, "Nachname");
            sheet.value(1, 0, "12345678901");
            sheet.formula(1, 1, "UPPER(\"roth\")");
            sheet.finish();
        }

        ImportedFile imported = read(file);

        assertThat(keys(imported.problems())).contains("import.xlsx.formulaWithoutValue");
        assertThat(keys(imported.rows().get(0).errors())).contains("import.cell.formulaWithoutValue");
        assertThat(imported.rows().get(0).incident().employee().lastName()).isNull();
    }

    @Test
    void formulaReadFromCachedValue() throws IOException {
        String data = TestWorkbooks.textRow(1, "Mitarbeiter-ID", "Nachname", "Eintrittsdatum")
                + "<row r=\"2\"><c r=\"A2\"><f>10^10*1.2345678901</f><v>12345678901</v></c>"
                + "<c r=\"B2\" t=\"str\"><f>PROPER(\"roth\")</f><v>Roth</v></c>"
                + "<c r=\"C2\" s=\"1\"><f>DATE(2020,1,14)</f><v>43844</v></c></row>";
        Path file = TestWorkbooks.write(dir.resolve("cached.xlsx"), false, data, "");

        ImportedRow row = read(file).rows().get(0);

        assertThat(row.incident().employeeId()).isEqualTo("12345678901");
        assertThat(row.incident().employee().lastName()).isEqualTo("Roth");
        assertThat(row.incident().employee().job().startOfEmployment()).isEqualTo(LocalDate.of(2020, 1, 14));
    }

    @Test
    void dateSystem1904() throws IOException {
        String data = TestWorkbooks.textRow(1, "Mitarbeiter-ID", "Geburtsdatum")
                + "<row r=\"2\">" + TestWorkbooks.text("A2", "12345678901")
                + TestWorkbooks.number("B2", 1, "32661") + "</row>";
        Path file = TestWorkbooks.write(dir.resolve("mac.xlsx"), true, data, "");

        ImportedFile imported = read(file);

        assertThat(imported.rows().get(0).incident().employee().birthday()).isEqualTo(LocalDate.of(1993, 6, 3));
        assertThat(keys(imported.problems())).contains("import.xlsx.date1904");
    }

    @Test
    void timePartNeverRoundsUp() throws IOException {
        String data = TestWorkbooks.textRow(1, "Mitarbeiter-ID", "Geburtsdatum")
                + "<row r=\"2\">" + TestWorkbooks.text("A2", "12345678901")
                + TestWorkbooks.number("B2", 1, "34123.99999") + "</row>";
        Path file = TestWorkbooks.write(dir.resolve("time.xlsx"), false, data, "");

        assertThat(read(file).rows().get(0).incident().employee().birthday()).isEqualTo(LocalDate.of(1993, 6, 3));
    }

    @Test
    void serialSixtyIsNoDay() throws IOException {
        String data = TestWorkbooks.textRow(1, "Mitarbeiter-ID", "Geburtsdatum")
                + "<row r=\"2\">" + TestWorkbooks.text("A2", "12345678901")
                + TestWorkbooks.number("B2", 1, "60") + "</row>";
        Path file = TestWorkbooks.write(dir.resolve("leap.xlsx"), false, data, "");

        ImportedRow row = read(file).rows().get(0);

        assertThat(row.incident().employee().birthday()).isNull();
        assertThat(keys(row.errors())).contains("import.date.invalidSerial");
    }

    @Test
    void serialsAroundTheLeapBug() {
        assertThat(ExcelValues.dateFromSerial(java.math.BigDecimal.valueOf(59), false)).isEqualTo(LocalDate.of(1900, 2, 28));
        assertThat(ExcelValues.dateFromSerial(java.math.BigDecimal.valueOf(61), false)).isEqualTo(LocalDate.of(1900, 3, 1));
        assertThat(ExcelValues.dateFromSerial(java.math.BigDecimal.valueOf(60), false)).isNull();
        assertThat(ExcelValues.dateFromSerial(java.math.BigDecimal.ZERO, true)).isEqualTo(LocalDate.of(1904, 1, 1));
    }

    @Test
    void mergedTwoRowHeader() throws IOException {
        String data = "<row r=\"1\">" + TestWorkbooks.text("A1", "Mitarbeiter-ID") + TestWorkbooks.text("B1", "geschäftlich")
                + "</row>" + TestWorkbooks.textRow(2, null, "E-Mail", "Mobil", "Telefon")
                + TestWorkbooks.textRow(3, "12345678901", "a@example.org", "0170 1", "030 2");
        String merges = "<mergeCells count=\"2\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:D1\"/></mergeCells>";
        Path file = TestWorkbooks.write(dir.resolve("merged.xlsx"), false, data, merges);

        ImportedFile imported = read(file);

        assertThat(imported.headerRow()).isEqualTo(2);
        assertThat(imported.mapping()).extracting(ColumnMapping::field).containsExactly(ImportField.EMPLOYEE_ID,
                ImportField.EMAIL_BUSINESS, ImportField.MOBILE_BUSINESS, ImportField.LANDLINE_BUSINESS);
        assertThat(imported.rows()).hasSize(1);
        assertThat(imported.rows().get(0).incident().employeeId()).isEqualTo("12345678901");
    }

    @Test
    void excelErrorValueIsAnError() throws IOException {
        String data = TestWorkbooks.textRow(1, "Mitarbeiter-ID", "Nachname")
                + "<row r=\"2\">" + TestWorkbooks.text("A2", "12345678901")
                + "<c r=\"B2\" t=\"e\"><v>#NV</v></c></row>";
        Path file = TestWorkbooks.write(dir.resolve("error.xlsx"), false, data, "");

        assertThat(keys(read(file).rows().get(0).errors())).contains("import.cell.excelError");
    }

    @Test
    void firstSheetWithDataChosen() throws IOException {
        Path file = dir.resolve("sheets.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "Test", "1.0")) {
            workbook.newWorksheet("Leer").finish();
            Worksheet data = workbook.newWorksheet("Daten");
            data.value(0, 0, "Mitarbeiter-ID");
            data.value(1, 0, "12345678901");
            data.finish();
            Worksheet other = workbook.newWorksheet("Alt");
            other.value(0, 0, "Mitarbeiter-ID");
            other.value(1, 0, "98765432109");
            other.finish();
        }

        ImportedFile chosen = read(file);
        ImportedFile named = read(file, OPTIONS.withSheet("Alt"));
        ImportedFile missing = read(file, OPTIONS.withSheet("Fehlt"));

        assertThat(chosen.sheetName()).isEqualTo("Daten");
        assertThat(chosen.sheetNames()).containsExactly("Leer", "Daten", "Alt");
        assertThat(named.rows().get(0).incident().employeeId()).isEqualTo("98765432109");
        assertThat(keys(missing.problems())).containsExactly("import.xlsx.sheetMissing");
    }

    @Test
    void zipBombRejected() throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 201; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        ImportedFile imported = read(file);

        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        assertThat(keys(imported.problems())).containsExactly("import.xlsx.tooLarge");
    }

    @Test
    void tooManyEntriesRejected() throws IOException {
        Path file = dir.resolve("entries.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i <= XlsxPackageScan.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
        }

        assertThat(keys(read(file).problems())).containsExactly("import.xlsx.tooManyEntries");
    }

    @Test
    void tooManyRowsRejected() throws IOException {
        Path file = dir.resolve("rows.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "Test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Daten");
            sheet.value(0, 0, "Mitarbeiter-ID");
            for (int r = 1; r <= 200; r++) {
                sheet.value(r, 0, "12345678901");
            }
            sheet.finish();
        }

        assertThat(keys(read(file, OPTIONS.withMaxRows(100)).problems())).containsExactly("import.file.tooManyRows");
    }

    @Test
    void oldExcelFormatRejected() throws IOException {
        Path file = dir.resolve("old.xls");
        Files.write(file, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0, 0, 0});

        assertThat(keys(read(file).problems())).containsExactly("import.xlsx.oldFormat");
    }

    @Test
    void damagedWorkbookRejected() throws IOException {
        Path file = dir.resolve("damaged.xlsx");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});

        ImportedFile imported = read(file);

        assertThat(imported.hasFileErrors()).isTrue();
        assertThat(imported.format()).isEqualTo(ImportFormat.XLSX);
    }

    @Test
    void zipWithoutWorkbookRejected() throws IOException {
        Path file = dir.resolve("other.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(read(file).hasFileErrors()).isTrue();
    }
}
