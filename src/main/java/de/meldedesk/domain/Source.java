package de.meldedesk.domain;

/**
 * Where an imported incident came from: file name, sheet (null for CSV and
 * JSON), row number as the clerk sees it in the file, and the SHA-256 of the
 * file content in hex.
 */
public record Source(String fileName, String sheet, Integer rowNumber, String fileHash) {

    /** The source of an incident typed in by hand. */
    public static final Source TYPED = new Source(null, null, null, null);

    public boolean isTyped() {
        return fileName == null;
    }
}
