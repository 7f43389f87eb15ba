package de.meldedesk.importing;

import de.meldedesk.domain.DateText;
import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a table of cells into imported rows: finds the header row, maps the
 * columns to fields, leaves out title rows, footers and repeated headers, and
 * reads each data row.
 */
final class TableImporter {

    /** The header is looked for among this many non-empty rows at the top. */
    private static final int HEADER_SEARCH_ROWS = 30;
    /** Content-based mapping looks at this many values of a column. */
    private static final int CONTENT_SAMPLE = 50;
    /** Share of sampled values that must fit before a column is mapped by content. */
    private static final double CONTENT_SHARE = 0.8;
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Pattern ZIP = Pattern.compile("\\d{4,5}");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Set<String> SEX_CODES = Set.of("m", "w", "d");
    private static final Set<String> YES_NO = Set.of("ja", "nein");
    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    /** The result of {@link #read}: what was found about the table, and its rows. */
    record Result(int headerRow, List<String> headers, String headerSignature, List<ColumnMapping> mapping,
            List<ImportedRow> rows) {
    }

    private final ImportOptions options;
    private final ImportProfile profile;
    private final List<Problem> fileProblems;

    TableImporter(ImportOptions options, ImportProfile profile, List<Problem> fileProblems) {
        this.options = options;
        this.profile = profile;
        this.fileProblems = fileProblems;
    }

    /**
     * Returns the signatures a saved profile may have been stored under: that of
     * the header found by aliases first, then those of the first rows, because a
     * header whose texts are no known aliases is only found through its profile.
     */
    static List<String> candidateSignatures(SourceTable table, ImportOptions options) {
        TableImporter importer = new TableImporter(options, null, new ArrayList<>());
        int width = width(table);
        List<String> signatures = new ArrayList<>();
        int headerIndex = importer.findHeader(table);
        if (headerIndex >= 0) {
            signatures.add(signature(importer.headerTexts(table, headerIndex, width)));
        }
        int looked = 0;
        for (int i = 0; i < table.rows().size() && looked < 10; i++) {
            if (!table.rows().get(i).blank()) {
                signatures.add(signature(importer.headerTexts(table, i, width)));
                looked++;
            }
        }
        return signatures;
    }

    Result read(SourceTable table, String sheet, ImportProgress progress, String sourceName)
            throws ImportCancelledException {
        int width = width(table);
        int headerIndex = findHeader(table);
        List<String> headerTexts = headerIndex < 0 ? blankHeaders(width) : headerTexts(table, headerIndex, width);
        List<String> headers = displayHeaders(headerTexts);
        int headerRow = headerIndex < 0 ? 0 : table.rows().get(headerIndex).number();
        if (headerIndex < 0) {
            fileProblems.add(Problem.warning(null, "import.table.noHeader"));
        } else if (headerIndex > 0) {
            fileProblems.add(Problem.warning(null, "import.table.rowsAboveHeader", headerRow));
        }

        List<SourceTable.Row> data = dataRows(table, headerIndex);
        List<ColumnMapping> mapping = map(table, headerIndex, headerTexts, headers, data);
        data = withoutFooter(data, mapping);

        RowBuilder builder = new RowBuilder(options, false);
        List<ImportedRow> rows = new ArrayList<>(data.size());
        int done = 0;
        for (SourceTable.Row source : data) {
            if (progress.isCancelled()) {
                throw new ImportCancelledException(sourceName, done);
            }
            if (headerIndex >= 0 && repeatsHeader(source, headerTexts)) {
                fileProblems.add(Problem.warning(null, "import.table.repeatedHeader", source.number()));
                continue;
            }
            rows.add(buildRow(builder, source, sheet, headers, mapping));
            done++;
            if (done % 500 == 0) {
                progress.rowsDone(done, data.size());
            }
        }
        progress.rowsDone(data.size(), data.size());
        return new Result(headerRow, headers, signature(headerTexts), mapping, RowBuilder.markDuplicates(rows));
    }

    private ImportedRow buildRow(RowBuilder builder, SourceTable.Row source, String sheet, List<String> headers,
            List<ColumnMapping> mapping) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int c = 0; c < headers.size(); c++) {
            String text = source.cell(c).text();
            cells.put(headers.get(c), text.indexOf('\uFFFD') >= 0 ? "" : text);
        }
        Map<ImportField, SourceCell> values = new EnumMap<>(ImportField.class);
        for (ColumnMapping column : mapping) {
            if (column.field() != null) {
                values.put(column.field(), source.cell(column.column()));
            }
        }
        return builder.build(source.number(), sheet, cells, values, source.hidden(), List.of());
    }

    /** Returns the index in {@code table.rows()} of the header row, or -1 when the table has none. */
    int findHeader(SourceTable table) {
        List<SourceTable.Row> rows = table.rows();
        if (options.headerRow() != null) {
            if (options.headerRow() == 0) {
                return -1;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).number() == options.headerRow()) {
                    return i;
                }
            }
            fileProblems.add(Problem.error(null, "import.table.headerRowMissing", options.headerRow()));
        }
        int width = width(table);
        int best = -1;
        int bestScore = 0;
        int looked = 0;
        for (int i = 0; i < rows.size() && looked < HEADER_SEARCH_ROWS; i++) {
            SourceTable.Row row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            looked++;
            Set<ImportField> fields = EnumSet.noneOf(ImportField.class);
            List<String> texts = headerTexts(table, i, width);
            List<String> above = i > 0 ? headerTexts(table, i - 1, width) : blankHeaders(width);
            int namedByHand = 0;
            for (int c = 0; c < texts.size(); c++) {
                if (row.cell(c).date() != null || row.cell(c).number() != null) {
                    continue;
                }
                ImportField field = aliasField(texts.get(c), above.get(c));
                if (lookup(options.mapping(), texts.get(c)) != null) {
                    namedByHand++;
                } else if (field != null) {
                    fields.add(field);
                }
            }
            int score = fields.size() + namedByHand;
            int needed = Math.min(2, Math.max(1, row.filledCells()));
            if (score > bestScore && score >= needed) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** Returns the header text of each column, taking the text of a merged cell that covers it. */
    List<String> headerTexts(SourceTable table, int index, int width) {
        SourceTable.Row row = table.rows().get(index);
        List<String> texts = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String text = Text.clean(row.cell(c).text());
            if (text == null) {
                text = mergedText(table, row.number(), c);
            }
            texts.add(text == null ? "" : text);
        }
        return texts;
    }

    private static String mergedText(SourceTable table, int rowNumber, int column) {
        for (SourceTable.CellRange range : table.merges()) {
            if (range.contains(rowNumber, column)) {
                for (SourceTable.Row row : table.rows()) {
                    if (row.number() == range.firstRow()) {
                        return Text.clean(row.cell(range.firstColumn()).text());
                    }
                }
            }
        }
        return null;
    }

    /** Matches a header text, or the header combined with the group label above it ("E-Mail" under "geschäftlich"). */
    private static ImportField aliasField(String header, String above) {
        if (header.isEmpty()) {
            return null;
        }
        ImportField field = ImportField.forHeader(header).orElse(null);
        if (field == null && !above.isEmpty() && !above.equals(header)) {
            field = ImportField.forHeader(header + " " + above)
                    .or(() -> ImportField.forHeader(above + " " + header)).orElse(null);
        }
        return field;
    }

    private List<ColumnMapping> map(SourceTable table, int headerIndex, List<String> headerTexts, List<String> headers,
            List<SourceTable.Row> data) {
        int width = headers.size();
        ImportField[] fields = new ImportField[width];
        MappingSource[] sources = new MappingSource[width];
        Set<ImportField> used = EnumSet.noneOf(ImportField.class);
        Map<String, ImportField> manual = options.mapping();
        Map<String, String> saved = profile == null ? Map.of() : profile.mapping();

        for (int c = 0; c < width; c++) {
            String letter = ColumnMapping.letter(c);
            String header = headerTexts.get(c);
            if (!manual.isEmpty() && (lookup(manual, header) != null || manual.containsKey(letter))) {
                Map.Entry<String, ImportField> entry = lookup(manual, header);
                ImportField field = entry != null ? entry.getValue() : manual.get(letter);
                assign(c, field, MappingSource.MANUAL, fields, sources, used, headers);
            } else if (manual.isEmpty() && saved.containsKey(headers.get(c))) {
                ImportField field = ImportField.forPath(saved.get(headers.get(c))).orElse(null);
                assign(c, field, MappingSource.PROFILE, fields, sources, used, headers);
            }
        }
        List<String> above = headerIndex > 0 ? headerTexts(table, headerIndex - 1, width) : blankHeaders(width);
        for (int c = 0; c < width; c++) {
            if (sources[c] == null && !headerTexts.get(c).isEmpty()) {
                ImportField field = aliasField(headerTexts.get(c), above.get(c));
                if (field != null) {
                    assign(c, field, MappingSource.ALIAS, fields, sources, used, headers);
                }
            }
        }
        for (int c = 0; c < width; c++) {
            if (sources[c] == null && headerTexts.get(c).isEmpty()) {
                ImportField field = byContent(data, c, used);
                if (field != null) {
                    assign(c, field, MappingSource.CONTENT, fields, sources, used, headers);
                }
            }
        }

        List<ColumnMapping> mapping = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            MappingSource source = fields[c] == null ? MappingSource.NONE : sources[c];
            mapping.add(new ColumnMapping(c, headers.get(c), fields[c], source));
            if (fields[c] == null && sources[c] == null && hasData(data, c)) {
                fileProblems.add(Problem.warning(null, "import.mapping.ignored", ColumnMapping.letter(c), headers.get(c)));
            }
            if (source == MappingSource.CONTENT) {
                fileProblems.add(Problem.warning(fields[c].path(), "import.mapping.byContent", ColumnMapping.letter(c)));
            }
        }
        return mapping;
    }

    private static Map.Entry<String, ImportField> lookup(Map<String, ImportField> manual, String header) {
        if (header.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, ImportField> entry : manual.entrySet()) {
            if (entry.getKey().equals(header) || ImportField.normalize(entry.getKey()).equals(ImportField.normalize(header))) {
                return entry;
            }
        }
        return null;
    }

    private void assign(int column, ImportField field, MappingSource source, ImportField[] fields,
            MappingSource[] sources, Set<ImportField> used, List<String> headers) {
        sources[column] = source;
        if (field == null) {
            return;
        }
        if (!used.add(field)) {
            fileProblems.add(Problem.warning(field.path(), "import.mapping.fieldTwice", ColumnMapping.letter(column),
                    headers.get(column)));
            return;
        }
        fields[column] = field;
    }

    /** Guesses the field of a column without a header from its values, or returns null when nothing fits well. */
    private ImportField byContent(List<SourceTable.Row> data, int column, Set<ImportField> used) {
        List<SourceCell> sample = sampleOf(data, column);
        if (sample.isEmpty()) {
            return null;
        }

        List<LocalDate> dates = new ArrayList<>();
        Map<ImportField, Integer> matches = new EnumMap<>(ImportField.class);
        for (SourceCell cell : sample) {
            String text = Objects.requireNonNullElse(Text.clean(cell.text()), "");
            LocalDate date = cell.date();
            if (date == null && cell.number() == null) {
                DateText.Result parsed = DateText.parse(text, DateText.Kind.NEAR_TODAY, options.today());
                date = parsed.ok() ? parsed.date() : null;
            }
            if (date != null) {
                dates.add(date);
            }
            ImportField field = fieldOfValue(text);
            if (field != null) {
                matches.merge(field, 1, Integer::sum);
            }
        }

        if (fits(dates.size(), sample.size())) {
            return dateField(dates, used);
        }
        for (Map.Entry<ImportField, Integer> match : matches.entrySet()) {
            if (fits(match.getValue(), sample.size()) && !used.contains(match.getKey())) {
                return match.getKey();
            }
        }
        return null;
    }

    private List<SourceCell> sampleOf(List<SourceTable.Row> data, int column) {
        List<SourceCell> sample = new ArrayList<>();
        for (SourceTable.Row row : data) {
            SourceCell cell = row.cell(column);
            if (!cell.blank()) {
                sample.add(cell);
            }
            if (sample.size() == CONTENT_SAMPLE) {
                break;
            }
        }
        return sample;
    }

    /** Returns the field whose values look like this text, e.g. 11 digits for the employee ID, or null. */
    private ImportField fieldOfValue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (ELEVEN_DIGITS.matcher(text).matches()) {
            return ImportField.EMPLOYEE_ID;
        }
        if (ZIP.matcher(text).matches()) {
            return ImportField.ZIP_CODE;
        }
        if (text.contains("@")) {
            return ImportField.EMAIL_BUSINESS;
        }
        if (SEX_CODES.contains(lower)) {
            return ImportField.SEX;
        }
        if (options.catalogue().find(text).isPresent()) {
            return ImportField.TYPE;
        }
        if (COUNTRY_CODES.contains(text)) {
            return ImportField.COUNTRY;
        }
        if (YES_NO.contains(lower)) {
            return ImportField.MANAGEMENT;
        }
        return null;
    }

    /** Picks the date field: first days of a month are a start date, dates long past are birthdays. */
    private ImportField dateField(List<LocalDate> dates, Set<ImportField> used) {
        boolean firstDays = dates.stream().allMatch(d -> d.getDayOfMonth() == 1);
        boolean oldDates = dates.stream().allMatch(d -> d.getYear() <= options.today().getYear() - 14);
        List<ImportField> order = firstDays
                ? List.of(ImportField.VALID_FROM, ImportField.START_OF_EMPLOYMENT, ImportField.CREATED_AT)
                : oldDates ? List.of(ImportField.BIRTHDAY, ImportField.START_OF_EMPLOYMENT)
                : List.of(ImportField.START_OF_EMPLOYMENT, ImportField.CREATED_AT, ImportField.VALID_FROM);
        return order.stream().filter(field -> !used.contains(field)).findFirst().orElse(null);
    }

    private static boolean fits(int matches, int sampled) {
        return matches >= CONTENT_SHARE * sampled;
    }

    private static boolean hasData(List<SourceTable.Row> data, int column) {
        for (SourceTable.Row row : data) {
            if (!row.cell(column).blank()) {
                return true;
            }
        }
        return false;
    }

    private List<SourceTable.Row> dataRows(SourceTable table, int headerIndex) {
        List<SourceTable.Row> data = new ArrayList<>();
        List<SourceTable.Row> rows = table.rows();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                data.add(rows.get(i));
            }
        }
        return data;
    }

    /**
     * Leaves out notes below the table ("Summe: 50", "Stand 01.12.2026"): rows at
     * the end with at most two filled cells and no employee ID, only words, in its column.
     */
    private List<SourceTable.Row> withoutFooter(List<SourceTable.Row> data, List<ColumnMapping> mapping) {
        int employeeColumn = mapping.stream().filter(c -> c.field() == ImportField.EMPLOYEE_ID)
                .mapToInt(ColumnMapping::column).findFirst().orElse(-1);
        long mappedColumns = mapping.stream().filter(ColumnMapping::mapped).count();
        int end = data.size();
        // NOTE: a heuristic. A last row with only one or two cells filled and no ID would also be dropped, with a warning.
        while (end > 0) {
            SourceTable.Row row = data.get(end - 1);
            boolean fewCells = employeeColumn >= 0 ? row.filledCells() <= 2 && isNoId(row.cell(employeeColumn))
                    : row.filledCells() <= 1 && mappedColumns >= 4;
            if (!fewCells) {
                break;
            }
            end--;
        }
        if (end < data.size()) {
            fileProblems.add(Problem.warning(null, "import.table.footerIgnored", data.get(end).number(),
                    data.get(data.size() - 1).number()));
        }
        return data.subList(0, end);
    }

    /** Tells whether a cell of the employee ID column is empty or contains words, as "Summe: 50" does. */
    private static boolean isNoId(SourceCell cell) {
        return cell.blank() || WORD.matcher(cell.text()).find();
    }

    private static boolean repeatsHeader(SourceTable.Row row, List<String> headerTexts) {
        int matches = 0;
        for (int c = 0; c < headerTexts.size(); c++) {
            String text = Text.clean(row.cell(c).text());
            if (!headerTexts.get(c).isEmpty() && headerTexts.get(c).equals(text)) {
                matches++;
            }
        }
        return matches >= 2 && matches == row.filledCells();
    }

    static int width(SourceTable table) {
        int width = 0;
        for (SourceTable.Row row : table.rows()) {
            width = Math.max(width, row.width());
        }
        return width;
    }

    private static List<String> blankHeaders(int width) {
        List<String> blank = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            blank.add("");
        }
        return blank;
    }

    /** Names each column for the cell map: its header, or its letter when the header is empty or repeated. */
    private static List<String> displayHeaders(List<String> headerTexts) {
        List<String> names = new ArrayList<>(headerTexts.size());
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < headerTexts.size(); c++) {
            String header = headerTexts.get(c);
            String name = header.isEmpty() ? ColumnMapping.letter(c) : header;
            if (!seen.add(name)) {
                name = header + " (" + ColumnMapping.letter(c) + ")";
                seen.add(name);
            }
            names.add(name);
        }
        return names;
    }

    static String signature(List<String> headerTexts) {
        StringBuilder joined = new StringBuilder();
        for (String header : headerTexts) {
            joined.append(ImportField.normalize(header)).append('\u001F');
        }
        return sha256(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
