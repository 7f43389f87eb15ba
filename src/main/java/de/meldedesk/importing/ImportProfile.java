package de.meldedesk.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved way of reading one kind of file, found again by its header
 * signature so that next month's export is mapped without help.
 *
 * @param name            the name the clerk gave, e.g. "Lohnexport Werk Nord"
 * @param headerSignature {@link ImportedFile#headerSignature()} of the files it fits
 * @param encoding        charset name, or null to detect
 * @param delimiter       column separator, or null to detect
 * @param headerRow       header row number, or null to detect; 0 means no header
 * @param dateFormat      date pattern for dates written as text, or null to detect
 * @param mapping         column header to wire path; an empty path ignores the column
 */
public record ImportProfile(
        String name,
        String headerSignature,
        String encoding,
        Character delimiter,
        Integer headerRow,
        String dateFormat,
        Map<String, String> mapping) {

    public ImportProfile {
        mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    /** Records how a file was read: its encoding, delimiter, header row and the mapping of every column. */
    public static ImportProfile from(String name, ImportedFile file, String dateFormat) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (ColumnMapping column : file.mapping()) {
            mapping.put(column.header(), column.field() == null ? "" : column.field().path());
        }
        return new ImportProfile(name, file.headerSignature(), file.encoding(), file.delimiter(),
                file.headerRow(), dateFormat, mapping);
    }
}
