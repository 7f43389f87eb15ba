package de.meldedesk.ui.history;

import de.meldedesk.domain.Source;
import de.meldedesk.i18n.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats the values of the history screen for the clerk. Dates are German (dd.MM.yyyy) in both languages. */
final class HistoryFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private HistoryFormat() {
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Returns the month as "März 2026" or "March 2026". */
    static String month(YearMonth month, Locale locale) {
        return month == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
    }

    /** Returns the label of a request outcome or incident status name; null means the request still runs. */
    static String outcome(String name, Locale locale) {
        if (name == null) {
            return Messages.format(locale, "history.outcome.pending");
        }
        String key = "history.outcome." + name;
        return Messages.has(locale, key) ? Messages.format(locale, key) : name;
    }

    static String source(Source source, Locale locale) {
        if (source == null || source.isTyped()) {
            return Messages.format(locale, "history.source.typed");
        }
        if (source.rowNumber() == null) {
            return source.fileName();
        }
        return Messages.format(locale, "history.source.file", source.fileName(), source.rowNumber());
    }
}
