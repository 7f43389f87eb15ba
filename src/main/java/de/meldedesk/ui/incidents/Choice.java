package de.meldedesk.ui.incidents;

/** An entry of a filter list: a value (null for "all") with the text shown for it. */
public record Choice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }
}
