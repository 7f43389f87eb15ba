package de.meldedesk.ui.incidents;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The ISO 3166-1 alpha-2 codes with their names, Germany first and the rest by name. */
final class Countries {

    private Countries() {
    }

    /** Returns the codes in display order. */
    static List<String> codes(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<String> codes = new ArrayList<>(Arrays.asList(Locale.getISOCountries()));
        codes.sort(Comparator.comparing((String code) -> !"DE".equals(code))
                .thenComparing(code -> name(code, locale), collator));
        return codes;
    }

    /** Returns the country's name, e.g. "Deutschland" for DE in German; an unknown code gives an empty string. */
    static String name(String code, Locale locale) {
        if (code == null || code.length() != 2) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.equals(code) ? "" : name;
    }

    /** Returns "DE – Deutschland", the way the list shows an entry. */
    static String label(String code, Locale locale) {
        String name = name(code, locale);
        return name.isEmpty() ? code : code + " – " + name;
    }
}
