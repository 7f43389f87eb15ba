package de.meldedesk.ui.employees;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The ISO 3166-1 alpha-2 country codes with their names in the clerk's language, sorted by name with DE first. */
final class CountryChoices {

    private CountryChoices() {
    }

    static List<String> codes(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<String> codes = new ArrayList<>(List.of(Locale.getISOCountries()));
        codes.remove("DE");
        codes.sort(Comparator.comparing(code -> name(code, locale), collator));
        codes.add(0, "DE");
        return codes;
    }

    static String name(String code, Locale locale) {
        return new Locale("", code).getDisplayCountry(locale);
    }

    /** Returns the text shown for a code, e.g. "DE – Deutschland"; an unknown code is shown alone. */
    static String label(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = name(code, locale);
        return name.isEmpty() || name.equals(code) ? code : code + " – " + name;
    }
}
