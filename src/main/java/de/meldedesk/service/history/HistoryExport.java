package de.meldedesk.service.history;

import de.meldedesk.domain.AuditEntry;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.i18n.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the sent incidents and the audit log for payroll and auditors. CSV
 * files are UTF-8 with a byte order mark, {@code ;} between fields and CRLF
 * line ends, with dates as dd.MM.yyyy, which German Excel opens without an
 * import dialog. Column headers come from the bundle of the given locale.
 */
public final class HistoryExport {

    /** The columns of the incident export, as keys below {@code history.export.column.}. */
    static final List<String> INCIDENT_COLUMNS = List.of("sentAt", "company", "careflexId", "employeeId",
            "personnelNumber", "name", "type", "validFrom", "createdAt", "externalId", "incidentId", "importId",
            "status", "sourceFile", "sourceRow");

    static final List<String> AUDIT_COLUMNS = List.of("loggedAt", "user", "action", "objectType", "objectId",
            "details");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private static final CSVFormat CSV = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();

    private final Locale locale;
    private final ZoneId zone;

    public HistoryExport(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    /** Returns the translated headers of the incident export, in column order. */
    public List<String> incidentHeaders() {
        return headers(INCIDENT_COLUMNS, "history.export.column.");
    }

    public List<String> auditHeaders() {
        return headers(AUDIT_COLUMNS, "history.audit.column.");
    }

    private List<String> headers(List<String> columns, String prefix) {
        List<String> headers = new ArrayList<>(columns.size());
        for (String column : columns) {
            headers.add(Messages.format(locale, prefix + column));
        }
        return headers;
    }

    /** Writes the incidents as CSV; the stream is closed afterwards. */
    public void writeIncidentsCsv(List<SentIncident> incidents, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>(incidents.size());
        for (SentIncident incident : incidents) {
            rows.add(incidentCells(incident));
        }
        writeCsv(incidentHeaders(), rows, out);
    }

    /** Writes the audit entries as CSV; the stream is closed afterwards. */
    public void writeAuditCsv(List<AuditEntry> entries, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            rows.add(List.of(dateTime(entry.loggedAt()), nonNull(entry.osUser()), nonNull(entry.action()),
                    nonNull(entry.objectType()), nonNull(entry.objectId()), nonNull(entry.details())));
        }
        writeCsv(auditHeaders(), rows, out);
    }

    private static void writeCsv(List<String> headers, List<List<String>> rows, OutputStream out)
            throws IOException {
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            writer.write('\uFEFF');
            printer.printRecord(headers);
            for (List<String> row : rows) {
                List<String> safe = new ArrayList<>(row.size());
                row.forEach(cell -> safe.add(neutralizeFormula(cell)));
                printer.printRecord(safe);
            }
        }
    }

    /**
     * Writes the incidents as an Excel workbook with one sheet; the stream is
     * closed afterwards. Dates are real Excel dates, IDs stay text so that
     * leading zeros survive.
     */
    public void writeIncidentsXlsx(List<SentIncident> incidents, OutputStream out) throws IOException {
        try (out) {
            Workbook workbook = new Workbook(out, "Meldedesk", "1.0");
            Worksheet sheet = workbook.newWorksheet(Messages.format(locale, "history.export.sheet"));
            List<String> headers = incidentHeaders();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            sheet.range(0, 0, 0, headers.size() - 1).style().bold().set();
            int validFromColumn = INCIDENT_COLUMNS.indexOf("validFrom");
            int createdAtColumn = INCIDENT_COLUMNS.indexOf("createdAt");
            int sentAtColumn = INCIDENT_COLUMNS.indexOf("sentAt");
            for (int r = 0; r < incidents.size(); r++) {
                SentIncident incident = incidents.get(r);
                List<String> cells = incidentCells(incident);
                int row = r + 1;
                for (int c = 0; c < cells.size(); c++) {
                    if (c == validFromColumn || c == createdAtColumn || c == sentAtColumn) {
                        continue;
                    }
                    if (!cells.get(c).isEmpty()) {
                        sheet.value(row, c, cells.get(c));
                    }
                }
                writeDate(sheet, row, validFromColumn, incident.stored().incident().validFrom());
                writeDate(sheet, row, createdAtColumn, incident.stored().incident().createdAt());
                if (incident.sentAt() != null) {
                    sheet.value(row, sentAtColumn, incident.sentAt().atZone(zone).toLocalDateTime());
                    sheet.style(row, sentAtColumn).format("dd.mm.yyyy hh:mm:ss").set();
                }
            }
            workbook.finish();
        }
    }

    private static void writeDate(Worksheet sheet, int row, int column, LocalDate date) {
        if (date != null) {
            sheet.value(row, column, date);
            sheet.style(row, column).format("dd.mm.yyyy").set();
        }
    }

    private List<String> incidentCells(SentIncident sent) {
        StoredIncident stored = sent.stored();
        String personnelNumber = stored.incident().employee().job().personnelNumber();
        Integer sourceRow = stored.source().rowNumber();
        return List.of(
                dateTime(sent.sentAt()),
                nonNull(sent.companyName()),
                nonNull(stored.careflexId()),
                nonNull(stored.incident().employeeId()),
                nonNull(personnelNumber),
                nonNull(sent.employeeName()),
                nonNull(stored.incident().type()),
                date(stored.incident().validFrom()),
                date(stored.incident().createdAt()),
                nonNull(stored.incident().externalId()),
                nonNull(stored.incidentId()),
                nonNull(stored.importId()),
                Messages.format(locale, "history.outcome." + stored.status().name()),
                nonNull(stored.source().fileName()),
                sourceRow == null ? "" : sourceRow.toString());
    }

    private String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /**
     * Puts an apostrophe before text that spreadsheet programs would run as
     * a formula, so that a name such as "=HYPERLINK(…)" from an imported file
     * stays text.
     */
    static String neutralizeFormula(String cell) {
        if (!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
