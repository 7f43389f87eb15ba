package de.meldedesk.service.history;

import de.meldedesk.domain.Text;

/** Formats employee names the same way in lists, exports and receipts. */
final class HistoryNames {

    private HistoryNames() {
    }

    /** Returns "last, first", only the part given when one is missing, or empty text. */
    static String displayName(String firstName, String lastName) {
        String first = Text.clean(firstName);
        String last = Text.clean(lastName);
        if (first == null && last == null) {
            return "";
        }
        if (first == null) {
            return last;
        }
        if (last == null) {
            return first;
        }
        return last + ", " + first;
    }
}
