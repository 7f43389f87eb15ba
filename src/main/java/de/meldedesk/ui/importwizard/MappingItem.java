package de.meldedesk.ui.importwizard;

import de.meldedesk.importing.ImportField;
import de.meldedesk.importing.MappingSource;
import java.util.List;

/**
 * One column of the mapping step.
 *
 * @param letter  the spreadsheet letter of the column, the key of a mapping made by hand
 * @param header  the header text, or the letter when the column has none
 * @param samples the first non-empty values of the column
 * @param field   the field the column fills, or null when it is not taken over
 * @param source  how the field was found; {@link MappingSource#MANUAL} once the clerk chose it
 */
public record MappingItem(String letter, String header, List<String> samples, ImportField field,
                          MappingSource source) {

    public MappingItem {
        samples = List.copyOf(samples);
    }
}
