package de.meldedesk.importing;

import de.meldedesk.i18n.Messages;
import java.util.Locale;

/**
 * An automatic change the import made to a value, such as a zip code that got
 * its leading zero back. {@code field} is the wire path; {@code reasonKey}
 * names a bundle text formatted with the value before and after.
 */
public record FieldChange(String field, String before, String after, String reasonKey) {

    public String message(Locale locale) {
        return Messages.format(locale, reasonKey, before, after);
    }
}
