package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReworkExportTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4))
            .withType("SDB");

    @TempDir
    Path dir;

    private ImportedFile imported() {
        return new ImportEngine().readText("Mitarbeiter-ID\tNachname\tVorname\n4,92397E+10\tMüller; Söhne\tEva\n"
                + "49239697103\tRoth\tTim\n", "paste", OPTIONS);
    }

    @Test
    void germanExcelReadsIt() throws IOException {
        Path file = dir.resolve("rework.csv");

        ReworkExport.writeCsv(imported().rowsWithErrors(), file, Locale.GERMANY);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        assertThat(text).startsWith("Mitarbeiter-ID;Nachname;Vorname;Probleme\r\n");
        assertThat(text).contains("4,92397E+10;\"Müller; Söhne\";Eva;");
        assertThat(text).contains("Fehler – Mitarbeiter-ID: „4,92397E+10“ ist eine von Excel gekürzte Zahl.");
        assertThat(text.split("\r\n", -1)).hasSize(3);
    }

    @Test
    void englishProblemColumn() throws IOException {
        Path file = dir.resolve("rework-en.csv");

        ReworkExport.writeCsv(imported().rowsWithErrors(), file, Locale.UK);
        String text = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(text).contains(";Problems\r\n");
        assertThat(text).contains("Error – ");
    }

    @Test
    void exportReadsBackAsSameColumns() throws IOException {
        Path file = dir.resolve("again.csv");
        ReworkExport.writeCsv(imported().rowsWithErrors(), file, Locale.GERMANY);

        ImportedFile again = new ImportEngine().read(file, OPTIONS);

        assertThat(again.delimiter()).isEqualTo(';');
        assertThat(again.rows()).hasSize(1);
        assertThat(again.rows().get(0).cells()).containsEntry("Nachname", "Müller; Söhne");
    }
}
