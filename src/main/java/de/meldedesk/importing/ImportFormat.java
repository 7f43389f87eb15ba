package de.meldedesk.importing;

/** The kinds of input the import engine reads. */
public enum ImportFormat {
    /** Delimited text in a file. */
    CSV,
    /** An Excel workbook in the Office Open XML format. */
    XLSX,
    /** A request body in the CareFlex JSON format, or its list of incidents. */
    JSON,
    /** Tab-separated text pasted from a spreadsheet. */
    TEXT
}
