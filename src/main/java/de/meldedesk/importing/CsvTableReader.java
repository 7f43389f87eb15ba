package de.meldedesk.importing;

import de.meldedesk.domain.validation.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads delimited text into a {@link SourceTable}, and guesses the delimiter. */
final class CsvTableReader {

    /** The delimiters tried, in the order that wins a tie: German Excel's first. */
    static final char[] CANDIDATES = {';', ',', '\t', '|'};
    /** Records looked at when guessing the delimiter. */
    private static final int SNIFF_RECORDS = 50;

    private CsvTableReader() {
    }

    /**
     * Guesses the delimiter from the quoted structure. Each candidate parses
     * the first records with quotes respected, and the one that splits them
     * into the same number of columns most often wins. With equal consistency
     * more columns win. Counting characters would be fooled by decimal commas
     * and by commas inside quoted names. Returns null when no candidate gives
     * at least two columns.
     */
    static Character sniff(String text) {
        Character best = null;
        double bestConsistency = 0;
        int bestColumns = 0;
        for (char candidate : CANDIDATES) {
            Map<Integer, Integer> counts = new HashMap<>();
            int records = 0;
            try (CSVParser parser = CSVParser.parse(new StringReader(text), format(candidate))) {
                Iterator<CSVRecord> it = parser.iterator();
                while (it.hasNext() && records < SNIFF_RECORDS) {
                    CSVRecord record = it.next();
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    counts.merge(record.size(), 1, Integer::sum);
                    records++;
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                // Broken quotes under this delimiter: the records counted so far decide.
            }
            if (records == 0) {
                continue;
            }
            int columns = 0;
            int mostFrequent = 0;
            for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
                if (entry.getValue() > mostFrequent || entry.getValue() == mostFrequent && entry.getKey() > columns) {
                    columns = entry.getKey();
                    mostFrequent = entry.getValue();
                }
            }
            double consistency = (double) mostFrequent / records;
            if (columns >= 2 && (consistency > bestConsistency + 1e-9
                    || Math.abs(consistency - bestConsistency) <= 1e-9 && columns > bestColumns)) {
                best = candidate;
                bestConsistency = consistency;
                bestColumns = columns;
            }
        }
        return best;
    }

    /**
     * Parses the text into rows numbered as a spreadsheet would number them
     * (blank lines count; a line break inside quotes does not). Rows beyond
     * {@code maxRows} make the file unreadable; broken quotes end the table
     * with an error naming the line.
     */
    static SourceTable read(String text, char delimiter, int maxRows, List<Problem> problems)
            throws UnreadableFileException {
        List<SourceTable.Row> rows = new ArrayList<>();
        CSVParser parser = null;
        try {
            parser = CSVParser.parse(new StringReader(text), format(delimiter));
            for (CSVRecord record : parser) {
                if (rows.size() > maxRows) {
                    throw new UnreadableFileException("import.file.tooManyRows", maxRows);
                }
                List<SourceCell> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(SourceCell.text(value));
                }
                rows.add(new SourceTable.Row((int) record.getRecordNumber(), cells, false));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            long line = parser == null ? 1 : parser.getCurrentLineNumber();
            problems.add(Problem.error(null, "import.csv.brokenQuotes", line));
        } finally {
            closeQuietly(parser);
        }
        return new SourceTable(rows, List.of());
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(false)
                .get();
    }

    private static void closeQuietly(CSVParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // A parser over a String holds nothing to release.
            }
        }
    }
}
