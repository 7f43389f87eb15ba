package de.meldedesk.domain.validation;

import de.meldedesk.i18n.Messages;
import java.util.List;
import java.util.Locale;

/**
 * A finding about one field. {@code field} is the wire path such as
 * {@code employee.address.zipCode}; {@code key} names the message in the
 * bundles, formatted with {@code args}.
 */
public record Problem(Severity severity, String field, String key, List<Object> args) {

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem error(String field, String key, Object... args) {
        return new Problem(Severity.ERROR, field, key, List.of(args));
    }

    public static Problem warning(String field, String key, Object... args) {
        return new Problem(Severity.WARNING, field, key, List.of(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Returns the same problem with its field path below {@code prefix}, e.g. {@code incidentList[3]}. */
    public Problem under(String prefix) {
        String path = field == null || field.isEmpty() ? prefix : prefix + "." + field;
        return new Problem(severity, path, key, args);
    }

    /** Returns the message text alone, e.g. "Die Postleitzahl muss 5 Ziffern haben …". */
    public String message(Locale locale) {
        return Messages.format(locale, key, args.toArray());
    }

    /** Returns the field's display name, falling back to the wire path. */
    public String fieldLabel(Locale locale) {
        String leaf = field == null ? "" : field.replaceAll("incidentList\\[\\d+]\\.?", "");
        String labelKey = "field." + leaf;
        return leaf.isEmpty() || !Messages.has(locale, labelKey) ? field : Messages.format(locale, labelKey);
    }
}
