package de.meldedesk.importing;

import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of reading one file or one pasted text. Every value the engine
 * guessed (encoding, delimiter, sheet, header row, mapping) is here, so that a
 * UI can show it and read again with an override in {@link ImportOptions}.
 *
 * @param sourceName      file name or the name given for pasted text
 * @param format          how the content was read; detected from the bytes, not the file name
 * @param encoding        the character set of a text format, e.g. {@code UTF-8}; null for XLSX
 * @param delimiter       the column separator of a text format; null for XLSX and JSON
 * @param sheetName       the sheet read from a workbook, else null
 * @param sheetNames      all sheets of a workbook, else empty
 * @param headerRow       the row number of the header as the spreadsheet shows it; 0 when there is none
 * @param headers         the header texts by column; a column without a header gets its letter
 * @param headerSignature a hash of the normalised headers that finds a saved {@link ImportProfile}
 * @param mapping         the field of each column and how it was found
 * @param profileName     the name of the saved profile that was applied, or null
 * @param contentHash     SHA-256 of the file's bytes (of the UTF-8 text for pasted text), in hex
 * @param problems        problems and notes about the file as a whole (field null)
 * @param rows            the data rows, in source order
 */
public record ImportedFile(
        String sourceName,
        ImportFormat format,
        String encoding,
        Character delimiter,
        String sheetName,
        List<String> sheetNames,
        int headerRow,
        List<String> headers,
        String headerSignature,
        List<ColumnMapping> mapping,
        String profileName,
        String contentHash,
        List<Problem> problems,
        List<ImportedRow> rows) {

    public ImportedFile {
        sheetNames = List.copyOf(sheetNames);
        headers = List.copyOf(headers);
        mapping = List.copyOf(mapping);
        problems = List.copyOf(problems);
        rows = List.copyOf(rows);
    }

    /** Returns whether the file itself could not be read completely, e.g. a wrong encoding or a broken workbook. */
    public boolean hasFileErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<ImportedRow> rowsWithErrors() {
        return rows.stream().filter(ImportedRow::hasErrors).toList();
    }

    public List<ImportedRow> rowsWithoutErrors() {
        return rows.stream().filter(row -> !row.hasErrors()).toList();
    }

    /** Finds the column that fills the field with the given wire path. */
    public Optional<ColumnMapping> columnFor(String fieldPath) {
        return mapping.stream()
                .filter(column -> column.field() != null && column.field().path().equals(fieldPath))
                .findFirst();
    }

    /**
     * Formats a problem as a sentence that names the file, and for a row
     * problem the row and, where the field came from a column, that column.
     */
    public String describe(ImportedRow row, Problem problem, Locale locale) {
        String message = problem.message(locale);
        if (row == null && problem.field() != null) {
            return Messages.format(locale, "import.where.fileField", sourceName, problem.fieldLabel(locale), message);
        }
        if (row == null) {
            return Messages.format(locale, "import.where.file", sourceName, message);
        }
        if (format == ImportFormat.JSON) {
            String path = problem.field() == null ? "" : "." + problem.field();
            return Messages.format(locale, "import.where.json", sourceName, row.rowNumber(),
                    "incidentList[" + (row.rowNumber() - 1) + "]" + path, message);
        }
        Optional<ColumnMapping> column = problem.field() == null ? Optional.empty() : columnFor(problem.field());
        if (column.isPresent()) {
            return Messages.format(locale, "import.where.cell", sourceName, row.rowNumber(),
                    column.get().letter(), column.get().header(), message);
        }
        if (problem.field() != null && !problem.field().isEmpty()) {
            return Messages.format(locale, "import.where.field", sourceName, row.rowNumber(),
                    problem.fieldLabel(locale), message);
        }
        return Messages.format(locale, "import.where.row", sourceName, row.rowNumber(), message);
    }
}
