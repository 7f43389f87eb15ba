package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.validation.Problem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4));
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private ImportedFile read(String name, byte[] bytes) throws IOException {
        return read(name, bytes, OPTIONS);
    }

    private ImportedFile read(String name, byte[] bytes, ImportOptions options) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return new ImportEngine().read(file, options);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    @Test
    void windows1252WithTypographicCharacters() throws IOException {
        String text = "Mitarbeiter-ID;Nachname;Ort\r\n12345678901;„Müller“ – 5 €;Köln\r\n";

        ImportedFile file = read("cp1252.csv", bytes(text, Charset.forName("windows-1252")));

        assertThat(file.encoding()).isEqualTo("windows-1252");
        assertThat(file.rows().get(0).incident().employee().lastName()).isEqualTo("„Müller“ – 5 €");
        assertThat(file.rows().get(0).incident().employee().address().city()).isEqualTo("Köln");
        assertThat(file.problems()).extracting(Problem::key).contains("import.file.windows1252");
    }

    @Test
    void byteOrderMarkLeavesFirstHeaderIntact() throws IOException {
        ImportedFile file = read("bom.csv", withBom("Mitarbeiter-ID;Nachname\r\n12345678901;Weiß\r\n"));

        assertThat(file.headers().get(0)).isEqualTo("Mitarbeiter-ID");
        assertThat(file.mapping().get(0).field()).isEqualTo(ImportField.EMPLOYEE_ID);
        assertThat(file.rows().get(0).incident().employeeId()).isEqualTo("12345678901");
        assertThat(file.problems()).extracting(Problem::key).doesNotContain("import.file.windows1252");
    }

    @Test
    void utf16WithByteOrderMark() throws IOException {
        byte[] body = "Mitarbeiter-ID;Nachname\r\n12345678901;Öztürk\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);

        ImportedFile file = read("utf16.csv", all);

        assertThat(file.encoding()).isEqualTo("UTF-16LE");
        assertThat(file.rows().get(0).incident().employee().lastName()).isEqualTo("Öztürk");
    }

    @Test
    void utf16WithoutByteOrderMark() throws IOException {
        ImportedFile file = read("utf16be.csv",
                bytes("Mitarbeiter-ID;Nachname\r\n12345678901;Jäger\r\n", StandardCharsets.UTF_16BE));

        assertThat(file.encoding()).isEqualTo("UTF-16BE");
        assertThat(file.rows().get(0).incident().employee().lastName()).isEqualTo("Jäger");
    }

    @Test
    void doubleEncodedTextWarns() throws IOException {
        String doubled = new String("Müller".getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));

        ImportedFile file = read("double.csv", withBom("Mitarbeiter-ID;Nachname\r\n12345678901;" + doubled + "\r\n"));

        assertThat(doubled).isEqualTo("MÃ¼ller");
        assertThat(file.problems()).extracting(Problem::key).contains("import.file.doubleEncoded");
    }

    @Test
    void semicolonWithDecimalCommas() throws IOException {
        String text = "Mitarbeiter-ID;Nachname;Stunden\r\n12345678901;Meier;38,5\r\n12345678902;Jung;40\r\n"
                + "12345678903;Alt;19,25\r\n";

        ImportedFile file = read("decimal.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.rows()).hasSize(3);
    }

    @Test
    void commaWithQuotedCommas() throws IOException {
        String text = "Mitarbeiter-ID,Nachname,Vorname\n12345678901,\"Müller, Jr.\",Hans\n12345678902,Roth,Eva\n";

        ImportedFile file = read("comma.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.delimiter()).isEqualTo(',');
        assertThat(file.rows().get(0).incident().employee().lastName()).isEqualTo("Müller, Jr.");
    }

    @Test
    void tabAndPipeDelimiters() throws IOException {
        ImportedFile tab = read("tab.txt", bytes("Mitarbeiter-ID\tNachname\n12345678901\tRoth\n", StandardCharsets.UTF_8));
        ImportedFile pipe = read("pipe.txt", bytes("Mitarbeiter-ID|Nachname\n12345678901|Roth\n", StandardCharsets.UTF_8));

        assertThat(tab.delimiter()).isEqualTo('\t');
        assertThat(pipe.delimiter()).isEqualTo('|');
    }

    @Test
    void quotedLineBreakStaysInOneRow() throws IOException {
        String text = "Mitarbeiter-ID;Straße;Nachname\r\n12345678901;\"Hauptstraße\r\nHinterhaus\";Roth\r\n"
                + "12345678902;Ring;Jung\r\n";

        ImportedFile file = read("breaks.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).incident().employee().address().street()).isEqualTo("Hauptstraße Hinterhaus");
        assertThat(file.rows().get(0).changes()).extracting(FieldChange::reasonKey).contains("import.change.whitespace");
        assertThat(file.rows().get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void lostZeroOfZipCodeRestored() throws IOException {
        ImportedFile file = read("zip.csv", bytes("Mitarbeiter-ID;PLZ\r\n12345678901;1067\r\n", StandardCharsets.UTF_8));
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().employee().address().zipCode()).isEqualTo("01067");
        assertThat(row.changes()).contains(new FieldChange("employee.address.zipCode", "1067", "01067",
                "import.change.zipZero"));
        assertThat(row.problems()).extracting(Problem::key).contains("import.zipCode.zeroRestored");
    }

    @Test
    void zipCodeOfOtherCountryKeepsFourDigits() throws IOException {
        ImportedFile file = read("zipat.csv",
                bytes("Mitarbeiter-ID;PLZ;Land\r\n12345678901;1010;Österreich\r\n", StandardCharsets.UTF_8));
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().employee().address().zipCode()).isEqualTo("1010");
        assertThat(row.incident().employee().address().country()).isEqualTo("AT");
    }

    @Test
    void scientificEmployeeIdRejected() throws IOException {
        ImportedFile file = read("sci.csv", bytes("Mitarbeiter-ID;Nachname\r\n4,92397E+10;Roth\r\n",
                StandardCharsets.UTF_8));
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().employeeId()).isNull();
        assertThat(row.errors()).filteredOn(p -> "employeeId".equals(p.field())).extracting(Problem::key)
                .containsExactly("problem.employeeId.scientific");
        assertThat(row.cells()).containsEntry("Mitarbeiter-ID", "4,92397E+10");
    }

    @Test
    void scientificPersonnelNumberRejected() throws IOException {
        ImportedFile file = read("sci2.csv", bytes("Mitarbeiter-ID;Personalnummer\r\n12345678901;1,2345E+11\r\n",
                StandardCharsets.UTF_8));

        assertThat(file.rows().get(0).incident().employee().job().personnelNumber()).isNull();
        assertThat(file.rows().get(0).errors()).extracting(Problem::key).contains("import.number.scientific");
    }

    @Test
    void titleRowsAndFooterLeftOut() throws IOException {
        String text = "Personalexport Dezember 2026;;;\r\n;;;\r\nMitarbeiter-ID;Nachname;Vorname;PLZ\r\n"
                + "12345678901;Roth;Eva;01067\r\n12345678902;Jung;Tim;04109\r\n;;;\r\nSumme: 2 Mitarbeiter;;;\r\n"
                + "Erstellt am 01.12.2026;;;\r\n";

        ImportedFile file = read("title.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.headerRow()).isEqualTo(3);
        assertThat(file.rows()).extracting(ImportedRow::rowNumber).containsExactly(4, 5);
        assertThat(file.problems()).extracting(Problem::key)
                .contains("import.table.rowsAboveHeader", "import.table.footerIgnored");
    }

    @Test
    void trailingEmptyColumnsAndRowsIgnored() throws IOException {
        String text = "Mitarbeiter-ID;Nachname;;;\r\n12345678901;Roth;;;\r\n;;;;\r\n\r\n";

        ImportedFile file = read("trailing.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.headers()).containsExactly("Mitarbeiter-ID", "Nachname");
        assertThat(file.rows()).hasSize(1);
    }

    @Test
    void emptyFileIsAProblem() throws IOException {
        ImportedFile empty = read("empty.csv", new byte[0]);
        ImportedFile bomOnly = read("bom-only.csv", BOM);

        assertThat(empty.problems()).extracting(Problem::key).containsExactly("import.file.empty");
        assertThat(bomOnly.problems()).extracting(Problem::key).containsExactly("import.file.empty");
        assertThat(empty.rows()).isEmpty();
    }

    @Test
    void binaryGarbageIsAProblem() throws IOException {
        byte[] garbage = new byte[20_000];
        new Random(7).nextBytes(garbage);

        ImportedFile file = read("garbage.csv", garbage);

        assertThat(file.hasFileErrors()).isTrue();
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void brokenQuotesNameTheLine() throws IOException {
        String text = "Mitarbeiter-ID;Nachname\r\n12345678901;Roth\r\n12345678902;\"Jung\r\n";

        ImportedFile file = read("quotes.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.problems()).extracting(Problem::key).contains("import.csv.brokenQuotes");
        assertThat(file.rows()).hasSize(1);
    }

    @Test
    void forcedEncodingThatDoesNotFitIsAProblem() throws IOException {
        byte[] cp1252 = bytes("Mitarbeiter-ID;Nachname\r\n12345678901;Müller\r\n", Charset.forName("windows-1252"));

        ImportedFile file = read("forced.csv", cp1252, OPTIONS.withEncoding(StandardCharsets.UTF_8));

        assertThat(file.problems()).extracting(Problem::key).containsExactly("import.file.encoding");
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void replacementCharacterNeverBecomesAValue() throws IOException {
        ImportedFile file = read("fffd.csv", bytes("Mitarbeiter-ID;Nachname\r\n12345678901;M\uFFFDller\r\n",
                StandardCharsets.UTF_8));
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().employee().lastName()).isNull();
        assertThat(row.errors()).extracting(Problem::key).contains("import.cell.replacementCharacter");
        assertThat(row.cells().get("Nachname")).doesNotContain("\uFFFD");
    }

    @Test
    void identicalRowsMarkedAsDuplicates() throws IOException {
        String text = "Mitarbeiter-ID;Nachname\r\n12345678901;Roth\r\n12345678902;Jung\r\n12345678901;Roth\r\n";

        ImportedFile file = read("dupes.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(file.rows().get(2).duplicateOf()).isEqualTo(2);
        assertThat(file.rows().get(1).duplicateOf()).isNull();
        assertThat(file.rows().get(2).problems()).extracting(Problem::key).contains("import.row.duplicate");
    }

    @Test
    void describeNamesFileRowAndColumn() throws IOException {
        ImportedFile file = read("where.csv", bytes("Mitarbeiter-ID;PLZ\r\n12345678901;12\r\n", StandardCharsets.UTF_8));
        ImportedRow row = file.rows().get(0);
        Problem zip = row.problems().stream().filter(p -> "employee.address.zipCode".equals(p.field())).findFirst()
                .orElseThrow();

        assertThat(file.describe(row, zip, java.util.Locale.GERMANY))
                .startsWith("where.csv, Zeile 2, Spalte B „PLZ“: ");
        assertThat(file.describe(row, zip, java.util.Locale.UK)).startsWith("where.csv, row 2, column B \"PLZ\": ");
    }
}
