package de.meldedesk.ui.importwizard;

import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportField;
import de.meldedesk.importing.MappingSource;
import java.util.Locale;

/** Bundle texts of the import wizard that several classes need. */
final class UiTexts {

    private UiTexts() {
    }

    static String format(Locale locale, String key, Object... args) {
        return Messages.format(locale, key, args);
    }

    /** Returns the display name of a field given by its wire path, or the path when the bundles have none. */
    static String fieldLabel(Locale locale, String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        String key = "field." + path;
        return Messages.has(locale, key) ? Messages.format(locale, key) : path;
    }

    /** Returns the display name of a field, or "nicht übernehmen" for null. */
    static String fieldChoice(Locale locale, ImportField field) {
        return field == null ? Messages.format(locale, "importwizard.mapping.ignore") : fieldLabel(locale, field.path());
    }

    static String source(Locale locale, MappingSource source) {
        return Messages.format(locale, "importwizard.mapping.source." + source.name());
    }
}
