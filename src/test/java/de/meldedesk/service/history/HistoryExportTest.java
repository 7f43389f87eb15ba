package de.meldedesk.service.history;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.i18n.Messages;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of sent incidents and of the audit log, read back and compared with the store. */
class HistoryExportTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private HistoryFixture fixture;
    private List<SentIncident> sent;
    private final HistoryExport export = new HistoryExport(Messages.GERMAN, ZONE);

    @BeforeEach
    void setUp() throws Exception {
        fixture = new HistoryFixture(dir.resolve("data"));
        fixture.sendAccepted();
        fixture.sendRejected();
        HistoryService service = new HistoryService(fixture.store, IncidentTypeCatalogue.builtIn(),
                Clock.systemDefaultZone());
        sent = service.allIncidents(HistoryQuery.ALL, (done, total) -> { });
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static List<String> expectedColumn(List<SentIncident> incidents, int column) {
        List<String> values = new ArrayList<>();
        for (SentIncident incident : incidents) {
            String value = switch (column) {
                case 3 -> incident.stored().incident().employeeId();
                case 5 -> incident.employeeName();
                case 10 -> incident.stored().incidentId();
                default -> throw new IllegalArgumentException("column " + column);
            };
            values.add(value == null ? "" : value);
        }
        return values;
    }

    @Test
    void csvHasBomSemicolonsAndCrlf() throws Exception {
        Path file = dir.resolve("export.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.writeIncidentsCsv(sent, out);
        }

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        assertThat(text).startsWith("\uFEFFGesendet am;Firma;CareFlex-ID;Mitarbeiter-ID;");
        assertThat(text.split("\r\n", -1)).hasSize(sent.size() + 2);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void csvReadsBackAsSent() throws Exception {
        Path file = dir.resolve("export.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.writeIncidentsCsv(sent, out);
        }

        String text = Files.readString(file, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
                .get())) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).isEqualTo(export.incidentHeaders());
        List<CSVRecord> data = records.subList(1, records.size());
        assertThat(data).hasSize(4);
        for (int column : new int[] {3, 5, 10}) {
            assertThat(data.stream().map(r -> r.get(column)).toList()).as("column " + column)
                    .isEqualTo(expectedColumn(sent, column));
        }
        assertThat(data.get(1).get(7)).isEqualTo("01.03.2026");
        assertThat(data.stream().map(r -> r.get(5)).collect(Collectors.toList())).contains("Öztürk, Ayşe",
                "Weiß, Jürgen");
    }

    @Test
    void xlsxReadsBackAsSent() throws Exception {
        Path file = dir.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            export.writeIncidentsXlsx(sent, out);
        }

        List<Row> rows;
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo("Gesendete Meldungen");
            rows = sheet.read();
        }
        List<String> headers = new ArrayList<>();
        rows.get(0).forEach(cell -> headers.add(cell.getRawValue()));
        assertThat(headers).isEqualTo(export.incidentHeaders());
        List<Row> data = rows.subList(1, rows.size());
        assertThat(data).hasSize(4);
        for (int column : new int[] {3, 5, 10}) {
            assertThat(data.stream().map(r -> text(r, column)).toList()).as("column " + column)
                    .isEqualTo(expectedColumn(sent, column));
        }
        Optional<java.time.LocalDateTime> validFrom = data.get(0).getCellAsDate(7);
        assertThat(validFrom).contains(java.time.LocalDate.of(2026, 3, 1).atStartOfDay());
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null || cell.getRawValue() == null ? "" : cell.getRawValue();
    }

    @Test
    void auditCsvListsEntries() throws Exception {
        Path file = dir.resolve("audit.csv");
        var entries = fixture.store.audit().list(de.meldedesk.persistence.AuditLog.Filter.ALL);
        try (OutputStream out = Files.newOutputStream(file)) {
            export.writeAuditCsv(entries, out);
        }

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(entries).isNotEmpty();
        assertThat(lines.get(0)).isEqualTo("\uFEFFZeit;Benutzer;Aktion;Objektart;Objekt;Details");
        assertThat(lines).hasSize(entries.size() + 1);
        assertThat(lines.get(1)).contains(entries.get(0).action());
    }

    @Test
    void formulaTextStaysText() {
        assertThat(HistoryExport.neutralizeFormula("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(HistoryExport.neutralizeFormula("Weiß")).isEqualTo("Weiß");
    }
}
