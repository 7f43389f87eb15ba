package de.meldedesk.importing;

import java.util.List;

/** The cells of a CSV file, pasted text or one workbook sheet, row by row. */
record SourceTable(List<Row> rows, List<CellRange> merges) {

    /** One source row; {@code number} is the row number a spreadsheet shows. */
    record Row(int number, List<SourceCell> cells, boolean hidden) {

        SourceCell cell(int column) {
            return column < cells.size() ? cells.get(column) : SourceCell.EMPTY;
        }

        boolean blank() {
            return cells.stream().allMatch(SourceCell::blank);
        }

        int filledCells() {
            int count = 0;
            for (SourceCell cell : cells) {
                if (!cell.blank()) {
                    count++;
                }
            }
            return count;
        }

        /** Returns the index after the last filled cell, so trailing empty columns do not count. */
        int width() {
            for (int i = cells.size() - 1; i >= 0; i--) {
                if (!cells.get(i).blank()) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /** A merged range of a workbook sheet, with 1-based row numbers and 0-based columns, both inclusive. */
    record CellRange(int firstRow, int firstColumn, int lastRow, int lastColumn) {

        boolean contains(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }

        /** Parses a reference such as {@code B2:D3}; returns null for anything else. */
        static CellRange parse(String ref) {
            int colon = ref.indexOf(':');
            if (colon < 0) {
                return null;
            }
            int[] first = address(ref.substring(0, colon));
            int[] last = address(ref.substring(colon + 1));
            return first == null || last == null ? null : new CellRange(first[0], first[1], last[0], last[1]);
        }

        private static int[] address(String ref) {
            int i = 0;
            int column = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                i++;
            }
            if (i == 0 || i == ref.length() || i > 3) {
                return null;
            }
            try {
                return new int[] {Integer.parseInt(ref.substring(i)), column - 1};
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
