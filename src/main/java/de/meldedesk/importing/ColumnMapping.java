package de.meldedesk.importing;

/**
 * One column of the source and the field it fills. {@code column} is 0-based,
 * and {@code field} is null for an ignored column. For CareFlex JSON the header is
 * the key path, e.g. {@code employee.address.zipCode}.
 */
public record ColumnMapping(int column, String header, ImportField field, MappingSource source) {

    /** Returns the spreadsheet letter of the column: A for 0, Z for 25, AA for 26. */
    public String letter() {
        return letter(column);
    }

    public boolean mapped() {
        return field != null;
    }

    static String letter(int column) {
        StringBuilder out = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int rest = (n - 1) % 26;
            out.insert(0, (char) ('A' + rest));
            n = (n - 1) / 26;
        }
        return out.toString();
    }
}
