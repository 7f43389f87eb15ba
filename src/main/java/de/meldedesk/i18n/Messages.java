package de.meldedesk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Access to the German and English text bundles. German is the default: every
 * locale other than English gets the German texts.
 */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";
    public static final Locale GERMAN = Locale.GERMANY;
    public static final Locale ENGLISH = Locale.UK;

    private Messages() {
    }

    /** Maps any locale to one of the two supported ones. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : GERMAN;
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale target = supported(locale);
        return ResourceBundle.getBundle(BUNDLE, target, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Formats the text under {@code key} with {@link MessageFormat}. A missing
     * key returns the key itself, so a gap shows up in the UI instead of failing;
     * the bundle test keeps keys complete.
     */
    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern.replace("''", "'");
        }
        return new MessageFormat(pattern, supported(locale)).format(args);
    }

    public static boolean has(Locale locale, String key) {
        return bundle(locale).containsKey(key);
    }
}
