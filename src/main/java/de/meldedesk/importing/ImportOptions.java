package de.meldedesk.importing;

import de.meldedesk.domain.DateText;
import de.meldedesk.domain.IncidentTypeCatalogue;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defaults for values a file does not contain, and overrides for what the
 * engine would otherwise detect. A null override means "detect".
 *
 * @param today          the day that decides default dates, two-digit years and plausible ages
 * @param careflexId     the company of rows without a company column; may be null
 * @param type           the incident type of rows without a type column
 * @param createdAt      the recording date of rows without such a column; null means {@code today}
 * @param validFrom      the start date of rows without such a column; null means the 1st of next month
 * @param encoding       the character set of a text file
 * @param delimiter      the column separator of a text file
 * @param sheet          the name of the workbook sheet to read
 * @param headerRow      the row number of the header as a spreadsheet shows it; 0 means the file has none
 * @param dateFormat     a {@link java.time.format.DateTimeFormatter} pattern such as {@code MM/dd/yyyy}
 *                       that decides every date written as text
 * @param mapping        columns mapped by hand: header text or column letter to field; a null field
 *                       ignores the column. When it is not empty, no saved profile is applied.
 * @param catalogue      the incident types known to the company
 * @param maxRows        the most data rows read from one file; a larger file is rejected
 */
public record ImportOptions(
        LocalDate today,
        String careflexId,
        String type,
        LocalDate createdAt,
        LocalDate validFrom,
        Charset encoding,
        Character delimiter,
        String sheet,
        Integer headerRow,
        String dateFormat,
        Map<String, ImportField> mapping,
        IncidentTypeCatalogue catalogue,
        int maxRows) {

    /** Default row limit, high above a monthly export and low enough to keep memory in bounds. */
    public static final int DEFAULT_MAX_ROWS = 100_000;

    public ImportOptions {
        today = today == null ? LocalDate.now() : today;
        type = type == null ? IncidentTypeCatalogue.NEW : type;
        mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        catalogue = catalogue == null ? IncidentTypeCatalogue.builtIn() : catalogue;
        maxRows = maxRows <= 0 ? DEFAULT_MAX_ROWS : maxRows;
    }

    /** Returns the defaults: today, type {@code NEW}, no company, everything detected. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, null, null, null, null, null, null, null, null, null, null, 0);
    }

    public LocalDate effectiveCreatedAt() {
        return createdAt != null ? createdAt : today;
    }

    public LocalDate effectiveValidFrom() {
        return validFrom != null ? validFrom : DateText.firstOfNextMonth(today);
    }

    public ImportOptions withToday(LocalDate value) {
        return new ImportOptions(value, careflexId, type, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withCareflexId(String value) {
        return new ImportOptions(today, value, type, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withType(String value) {
        return new ImportOptions(today, careflexId, value, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withCreatedAt(LocalDate value) {
        return new ImportOptions(today, careflexId, type, value, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withValidFrom(LocalDate value) {
        return new ImportOptions(today, careflexId, type, createdAt, value, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withEncoding(Charset value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, value, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withDelimiter(Character value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, value, sheet,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withSheet(String value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, delimiter, value,
                headerRow, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withHeaderRow(Integer value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, delimiter, sheet,
                value, dateFormat, mapping, catalogue, maxRows);
    }

    public ImportOptions withDateFormat(String value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, value, mapping, catalogue, maxRows);
    }

    public ImportOptions withMapping(Map<String, ImportField> value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, value, catalogue, maxRows);
    }

    public ImportOptions withCatalogue(IncidentTypeCatalogue value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, value, maxRows);
    }

    public ImportOptions withMaxRows(int value) {
        return new ImportOptions(today, careflexId, type, createdAt, validFrom, encoding, delimiter, sheet,
                headerRow, dateFormat, mapping, catalogue, value);
    }
}
