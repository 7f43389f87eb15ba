package de.meldedesk.importing;

import de.meldedesk.domain.DateText;
import de.meldedesk.domain.validation.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Reads one sheet of an .xlsx workbook with fastexcel-reader, which streams
 * the sheet and needs a fraction of Apache POI's size. Cells keep what the
 * sheet shows: dates by their number format in the workbook's date system,
 * numbers in their format (so {@code 000000} keeps leading zeros), and
 * formulas by their cached value.
 */
final class XlsxTableReader {

    /** Columns beyond this are not read; an HR export has a few dozen. */
    static final int MAX_COLUMNS = 256;
    /** Error values a formula can have as its cached value, in English and German Excel. */
    private static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?",
            "#NUM!", "#N/A", "#NV", "#WERT!", "#BEZUG!", "#ZAHL!", "#GETTING_DATA", "#SPILL!", "#CALC!",
            "#ÜBERLAUF!", "#BERECHNEN!");

    /** The sheet read, the names of all sheets, and its cells. */
    record Result(String sheetName, List<String> sheetNames, SourceTable table) {
    }

    private XlsxTableReader() {
    }

    static Result read(Path file, ImportOptions options, ImportProgress progress, List<Problem> problems,
            String sourceName) throws UnreadableFileException, IOException, ImportCancelledException {
        XlsxPackageScan scan = XlsxPackageScan.scan(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            if (sheets.stream().anyMatch(s -> s.getName() == null)) {
                // Excel always names a sheet, so a workbook with a nameless sheet is damaged.
                throw new UnreadableFileException("import.xlsx.damaged");
            }
            List<String> names = sheets.stream().map(Sheet::getName).toList();
            Sheet sheet = choose(sheets, options.sheet(), names);
            if (sheet == null) {
                return new Result(null, names, new SourceTable(List.of(), List.of()));
            }
            SourceTable table = readSheet(sheet, workbook.isDate1904(), scan.merges(sheet.getName()), options,
                    progress, problems, sourceName);
            return new Result(sheet.getName(), names, table);
        } catch (ExcelReaderException e) {
            throw new UnreadableFileException("import.xlsx.damaged");
        }
    }

    /** Picks the sheet named in the options, else the first visible sheet that has data. */
    private static Sheet choose(List<Sheet> sheets, String wanted, List<String> names) throws UnreadableFileException, IOException {
        if (wanted != null) {
            return sheets.stream().filter(s -> s.getName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new UnreadableFileException("import.xlsx.sheetMissing", wanted,
                            String.join(", ", names)));
        }
        for (Sheet sheet : sheets) {
            if (sheet.getVisibility() == SheetVisibility.VISIBLE && hasData(sheet)) {
                return sheet;
            }
        }
        return null;
    }

    private static boolean hasData(Sheet sheet) throws IOException {
        try (Stream<Row> rows = sheet.openStream()) {
            return rows.anyMatch(row -> row.getFirstNonEmptyCell().isPresent());
        }
    }

    private static SourceTable readSheet(Sheet sheet, boolean date1904, List<SourceTable.CellRange> merges,
            ImportOptions options, ImportProgress progress, List<Problem> problems, String sourceName)
            throws IOException, UnreadableFileException, ImportCancelledException {
        List<SourceTable.Row> rows = new ArrayList<>();
        List<String> formulasWithoutValue = new ArrayList<>();
        List<Integer> hiddenRows = new ArrayList<>();
        boolean wideRows = false;
        try (Stream<Row> stream = sheet.openStream()) {
            Iterator<Row> it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                if (rows.size() % 500 == 0) {
                    if (progress.isCancelled()) {
                        throw new ImportCancelledException(sourceName, rows.size());
                    }
                    progress.rowsDone(rows.size(), -1);
                }
                if (rows.size() > options.maxRows()) {
                    throw new UnreadableFileException("import.file.tooManyRows", options.maxRows());
                }
                int count = Math.min(row.getCellCount(), MAX_COLUMNS);
                wideRows |= row.getCellCount() > MAX_COLUMNS && hasDataBeyond(row);
                List<SourceCell> cells = new ArrayList<>(count);
                for (int c = 0; c < count; c++) {
                    cells.add(convert(row.getCell(c), date1904, formulasWithoutValue));
                }
                SourceTable.Row source = new SourceTable.Row(row.getRowNum(), cells, row.isHidden());
                if (row.isHidden() && !source.blank()) {
                    hiddenRows.add(row.getRowNum());
                }
                rows.add(source);
            }
        }
        report(problems, formulasWithoutValue, hiddenRows, wideRows, merges, date1904);
        return new SourceTable(rows, merges);
    }

    private static void report(List<Problem> problems, List<String> formulasWithoutValue, List<Integer> hiddenRows,
            boolean wideRows, List<SourceTable.CellRange> merges, boolean date1904) {
        if (!formulasWithoutValue.isEmpty()) {
            problems.add(Problem.error(null, "import.xlsx.formulaWithoutValue", formulasWithoutValue.size(),
                    sample(formulasWithoutValue)));
        }
        if (!hiddenRows.isEmpty()) {
            problems.add(Problem.warning(null, "import.xlsx.hiddenRows", sample(hiddenRows.stream().map(String::valueOf).toList())));
        }
        if (wideRows) {
            problems.add(Problem.warning(null, "import.xlsx.tooManyColumns", MAX_COLUMNS));
        }
        if (date1904) {
            problems.add(Problem.warning(null, "import.xlsx.date1904"));
        }
        long dataMerges = merges.stream().filter(range -> range.lastRow() > range.firstRow() + 1).count();
        if (dataMerges > 0) {
            problems.add(Problem.warning(null, "import.xlsx.mergedCells", dataMerges));
        }
    }

    private static String sample(List<String> items) {
        List<String> first = items.subList(0, Math.min(items.size(), 10));
        return String.join(", ", first) + (items.size() > first.size() ? ", …" : "");
    }

    private static boolean hasDataBeyond(Row row) {
        for (int c = MAX_COLUMNS; c < row.getCellCount(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getRawValue() != null && !cell.getRawValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static SourceCell convert(Cell cell, boolean date1904, List<String> formulasWithoutValue) {
        if (cell == null) {
            return SourceCell.EMPTY;
        }
        Object value = cell.getValue();
        switch (cell.getType()) {
            case STRING:
                return SourceCell.text(String.valueOf(value));
            case BOOLEAN:
                return bool((Boolean) value);
            case ERROR:
                return SourceCell.issue(String.valueOf(value), SourceCell.Issue.EXCEL_ERROR);
            case NUMBER:
                return number((BigDecimal) value, cell.getDataFormatString(), date1904);
            case FORMULA:
                return formula(cell, value, date1904, formulasWithoutValue);
            case EMPTY:
            default:
                return SourceCell.EMPTY;
        }
    }

    private static SourceCell formula(Cell cell, Object value, boolean date1904, List<String> formulasWithoutValue) {
        if (value == null) {
            formulasWithoutValue.add(cell.getAddress().toString());
            return SourceCell.issue("", SourceCell.Issue.FORMULA_WITHOUT_VALUE);
        }
        if (value instanceof BigDecimal) {
            return number((BigDecimal) value, cell.getDataFormatString(), date1904);
        }
        if (value instanceof Boolean) {
            return bool((Boolean) value);
        }
        String text = String.valueOf(value);
        return ERROR_VALUES.contains(text) ? SourceCell.issue(text, SourceCell.Issue.EXCEL_ERROR) : SourceCell.text(text);
    }

    private static SourceCell bool(Boolean value) {
        return new SourceCell(value ? "TRUE" : "FALSE", null, null, value, SourceCell.Issue.NONE);
    }

    private static SourceCell number(BigDecimal value, String format, boolean date1904) {
        if (ExcelValues.isDateFormat(format)) {
            LocalDate date = ExcelValues.dateFromSerial(value, date1904);
            if (date == null) {
                return SourceCell.issue(value.toPlainString(), SourceCell.Issue.INVALID_SERIAL);
            }
            return new SourceCell(DateText.german(date), date, null, null, SourceCell.Issue.NONE);
        }
        return new SourceCell(ExcelValues.render(value, format), null, value, null, SourceCell.Issue.NONE);
    }
}
