package de.meldedesk.domain;

/** Helpers for text as it arrives from forms and spreadsheets. */
public final class Text {

    private Text() {
    }

    /**
     * Strips every kind of Unicode white space at both ends, including the
     * non-breaking spaces (U+00A0, U+202F, U+2007) that {@link String#strip()}
     * keeps, and returns null for a value that is then empty.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : raw.substring(start, end);
    }

    public static boolean isBlank(String value) {
        return clean(value) == null;
    }

    public static boolean allBlank(String... values) {
        for (String value : values) {
            if (!isBlank(value)) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the value has white space at either end that {@link #clean} would remove. */
    public static boolean hasOuterSpace(String value) {
        return value != null && !value.isEmpty()
                && (isSpace(value.charAt(0)) || isSpace(value.charAt(value.length() - 1)));
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }
}
