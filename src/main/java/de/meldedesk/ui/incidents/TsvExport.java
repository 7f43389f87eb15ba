package de.meldedesk.ui.incidents;

import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentText;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes incidents as tab-separated text with a header row, the way Excel and
 * LibreOffice paste it into cells. The headers are the field labels, which the
 * import recognises, so copied rows can be pasted back as drafts.
 */
final class TsvExport {

    private TsvExport() {
    }

    static String write(List<StoredIncident> incidents, Locale locale) {
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(Messages.format(locale, "field.careflexId"));
        for (IncidentField field : IncidentField.values()) {
            header.add(Messages.format(locale, field.labelKey()));
        }
        header.add(Messages.format(locale, "incidents.column.status"));
        header.add(Messages.format(locale, "incidents.column.incidentId"));
        header.add(Messages.format(locale, "incidents.column.importId"));
        line(text, header);
        for (StoredIncident stored : incidents) {
            Map<IncidentField, String> values = IncidentText.toText(stored.incident());
            List<String> cells = new ArrayList<>();
            cells.add(stored.careflexId());
            for (IncidentField field : IncidentField.values()) {
                String typed = stored.invalidInput().get(field.path());
                cells.add(typed != null ? typed : values.get(field));
            }
            cells.add(Messages.format(locale, "incidents.status." + stored.status().name()));
            cells.add(stored.incidentId());
            cells.add(stored.importId());
            line(text, cells);
        }
        return text.toString();
    }

    /** Appends one line; tabs and line breaks inside a value become spaces so the columns stay in place. */
    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            String cell = cells.get(i);
            text.append(cell == null ? "" : cell.replaceAll("[\\t\\r\\n]+", " "));
        }
        text.append('\n');
    }
}
