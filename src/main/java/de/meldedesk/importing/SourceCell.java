package de.meldedesk.importing;

import de.meldedesk.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell as read from the source, before typed reading. {@code text} is
 * what a spreadsheet shows and never null; a workbook also gives the date,
 * number or truth value behind it.
 */
record SourceCell(String text, LocalDate date, BigDecimal number, Boolean bool, Issue issue) {

    /** Something about the cell that makes its value unusable or needs a note. */
    enum Issue {
        NONE,
        /** A formula cell without a cached value: the workbook was saved by a program that does not calculate. */
        FORMULA_WITHOUT_VALUE,
        /** An Excel error value such as {@code #NV}. */
        EXCEL_ERROR,
        /** A date cell whose serial number is no real day, such as 60 (29.02.1900) in the 1900 date system. */
        INVALID_SERIAL,
        /** A JSON number where the interface has a string. */
        JSON_NUMBER,
        /** A JSON object or array where the interface has a single value. */
        JSON_NOT_A_VALUE
    }

    static final SourceCell EMPTY = new SourceCell("", null, null, null, Issue.NONE);

    SourceCell {
        text = text == null ? "" : text;
    }

    static SourceCell text(String text) {
        return text == null || text.isEmpty() ? EMPTY : new SourceCell(text, null, null, null, Issue.NONE);
    }

    static SourceCell issue(String text, Issue issue) {
        return new SourceCell(text, null, null, null, issue);
    }

    boolean blank() {
        return issue == Issue.NONE && date == null && bool == null && Text.isBlank(text);
    }
}
