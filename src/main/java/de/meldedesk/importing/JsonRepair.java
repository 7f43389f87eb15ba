package de.meldedesk.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs the two faults of JSON pasted from a word processor: typographic
 * quotes around strings become straight quotes, and a comma before a closing
 * bracket becomes a space. Each replacement keeps the length of the text, so
 * line and column numbers of later errors still point into the original.
 * Typographic quotes inside a properly quoted string are content and stay.
 */
final class JsonRepair {

    /** The repaired text, how many quote characters were straightened, and where trailing commas were. */
    record Repaired(String text, int straightenedQuotes, List<String> trailingCommas) {
    }

    private JsonRepair() {
    }

    static Repaired repair(String text) {
        StringBuilder out = new StringBuilder(text);
        List<String> trailingCommas = new ArrayList<>();
        int straightened = 0;
        boolean inString = false;
        boolean typographic = false;
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++, column++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
                continue;
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == '"' || typographic && isTypographicQuote(c)) {
                    if (c != '"') {
                        out.setCharAt(i, '"');
                        straightened++;
                    }
                    inString = false;
                }
            } else if (c == '"' || isTypographicQuote(c)) {
                if (c != '"') {
                    out.setCharAt(i, '"');
                    straightened++;
                }
                inString = true;
                typographic = c != '"';
            } else if (c == ',' && closesNext(text, i + 1)) {
                out.setCharAt(i, ' ');
                trailingCommas.add(line + ":" + column);
            }
        }
        return new Repaired(out.toString(), straightened, trailingCommas);
    }

    private static boolean closesNext(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '}' || c == ']';
            }
        }
        return false;
    }

    private static boolean isTypographicQuote(char c) {
        return c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u201F' || c == '\u2033';
    }
}
