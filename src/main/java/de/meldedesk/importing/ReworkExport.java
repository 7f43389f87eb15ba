package de.meldedesk.importing;

import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the rows that were left out of a report to a CSV file the clerk can
 * fix and import again: the original columns plus one column with the
 * problems in the clerk's language. UTF-8 with byte-order mark, {@code ;}
 * and CRLF make German Excel open it with umlauts intact.
 */
public final class ReworkExport {

    private ReworkExport() {
    }

    public static void writeCsv(List<ImportedRow> rows, Path file, Locale locale) throws IOException {
        Set<String> headers = new LinkedHashSet<>();
        for (ImportedRow row : rows) {
            headers.addAll(row.cells().keySet());
        }
        List<String> headerLine = new ArrayList<>(headers);
        headerLine.add(Messages.format(locale, "import.rework.problemColumn"));

        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
        try (OutputStream out = Files.newOutputStream(file);
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, format);
            printer.printRecord(headerLine);
            for (ImportedRow row : rows) {
                List<String> record = new ArrayList<>(headerLine.size());
                for (String header : headers) {
                    String value = row.cells().get(header);
                    record.add(value == null ? "" : value);
                }
                record.add(problems(row, locale));
                printer.printRecord(record);
            }
            printer.flush();
        }
    }

    /** Joins the row's problems, each with its field name, one per line inside the cell. */
    private static String problems(ImportedRow row, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (Problem problem : row.problems()) {
            String severity = Messages.format(locale, "severity." + problem.severity().name());
            if (problem.field() == null || problem.field().isEmpty()) {
                lines.add(Messages.format(locale, "import.rework.rowProblem", severity, problem.message(locale)));
            } else {
                lines.add(Messages.format(locale, "import.rework.fieldProblem", severity, problem.fieldLabel(locale),
                        problem.message(locale)));
            }
        }
        return String.join("\n", lines);
    }
}
