package de.meldedesk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Synthetic German HR exports with the columns of a typical personnel system:
 * one NEW incident per employee, German dates, umlauts, leading zeros. The
 * same seed gives the same rows, so benchmark and crash runs are repeatable.
 */
public final class HrExport {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    public static final List<String> HEADERS = List.of("Personalnummer", "Mitarbeiter-ID", "Titel", "Vorname",
            "Nachname", "Geburtsdatum", "Geschlecht", "Straße", "Hausnummer", "Adresszusatz", "PLZ", "Ort", "Land",
            "Standort", "Beschäftigungsstatus", "Eintrittsdatum", "Führungskraft", "E-Mail geschäftlich",
            "Mobil geschäftlich", "Telefon geschäftlich", "Meldeart", "Gültig ab");

    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String[] FIRST = {"Käthe", "Jürgen", "Özlem", "Grzegorz", "Aylin", "Björn", "Zoë", "René",
        "François", "Søren", "Hans-Peter", "Ängelika"};
    private static final String[] LAST = {"Öztürk", "Weiß", "Bäcker", "Müller", "Schäfer", "Großmann", "Nguyen",
        "Øster", "Kühn", "von Löwenstein", "Straßburger", "Jäger"};
    private static final String[] STREETS = {"Industriestraße", "Goethestraße", "Am Mühlbach", "Lindenallee",
        "Hauptstraße", "Chemiepark Süd"};
    private static final String[] CITIES = {"Dresden", "Marl", "Burghausen", "Leuna", "Ludwigshafen", "Köln"};

    private HrExport() {
    }

    /** Creates {@code count} employee rows, each value as text in the column order of {@link #HEADERS}. */
    public static List<List<String>> rows(int count, long seed) {
        Random random = new Random(seed);
        List<List<String>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            LocalDate birthday = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15_000));
            LocalDate start = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3_000));
            LocalDate validFrom = start.withDayOfMonth(1).plusMonths(1);
            String mail = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + i + "@example.org";
            rows.add(List.of(
                    String.format("%06d", i % 1_000_000),
                    String.format("%011d", 10_000_000_000L + seed % 1000 * 1_000_000L + i),
                    i % 17 == 0 ? "Dr." : "",
                    first,
                    last,
                    birthday.format(GERMAN),
                    random.nextBoolean() ? "w" : "m",
                    STREETS[random.nextInt(STREETS.length)],
                    (1 + random.nextInt(120)) + (random.nextInt(5) == 0 ? "a" : ""),
                    i % 23 == 0 ? "c/o Hausverwaltung Lange" : "",
                    String.format("%05d", 1_067 + random.nextInt(98_000)),
                    CITIES[random.nextInt(CITIES.length)],
                    "DE",
                    "Labor " + (1 + random.nextInt(9)),
                    "T",
                    start.format(GERMAN),
                    random.nextInt(10) == 0 ? "ja" : "nein",
                    mail,
                    "0170 " + (1_000_000 + random.nextInt(8_999_999)),
                    "0118 " + (1_000_000 + random.nextInt(8_999_999)),
                    "NEW",
                    validFrom.format(GERMAN)));
        }
        return rows;
    }

    /** Writes the rows as Excel's German CSV: Windows-1252, {@code ;}, CRLF, no quotes needed. */
    public static void writeCsv(Path file, List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder(rows.size() * 220);
        text.append(String.join(";", HEADERS)).append("\r\n");
        for (List<String> row : rows) {
            text.append(String.join(";", row)).append("\r\n");
        }
        Files.writeString(file, text, WINDOWS_1252);
    }

    /** Writes the rows as a workbook with one sheet; every cell is text, as many HR systems export it. */
    public static void writeXlsx(Path file, List<List<String>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Meldedesk", "1.0");
            Worksheet sheet = workbook.newWorksheet("Export");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isEmpty()) {
                        sheet.value(r + 1, c, row.get(c));
                    }
                }
            }
            workbook.finish();
        }
    }
}
