package de.meldedesk.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict reading of dates as clerks type them and spreadsheets export them.
 * An impossible date such as 31.02.2026 is an error and is never clamped to
 * the end of the month.
 */
public final class DateText {

    /** Decides how a two-digit year is completed. */
    public enum Kind {
        /** Birthdays lie in the past: {@code 79} becomes 1979, never 2079. */
        PAST,
        /** Other dates lie near today: the century that puts the date closest to today wins. */
        NEAR_TODAY
    }

    /** What was read: a date, or the bundle key of the reason it could not be read. */
    public record Result(LocalDate date, String errorKey, boolean yearCompleted, boolean ambiguous) {

        public boolean ok() {
            return date != null;
        }

        static Result error(String key) {
            return new Result(null, key, false, false);
        }
    }

    private static final Pattern GERMAN = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");
    private static final Pattern NAMED = Pattern.compile("(\\d{1,2})\\.?\\s+([\\p{L}]+)\\.?\\s+(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februar", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("march", 3), Map.entry("mär", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("dezember", 12), Map.entry("december", 12), Map.entry("dez", 12), Map.entry("dec", 12));

    private DateText() {
    }

    /**
     * Reads {@code d.M.yyyy}, {@code dd.MM.yy}, {@code yyyy-MM-dd},
     * {@code dd/MM/yyyy} (read day first and flagged as ambiguous when both
     * parts could be a month) and day, month name and year in German or English.
     */
    public static Result parse(String raw, Kind kind, LocalDate today) {
        String text = Text.clean(raw);
        if (text == null) {
            return Result.error("date.missing");
        }
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return build(num(m, 1), num(m, 2), num(m, 3), false, false);
        }
        m = GERMAN.matcher(text);
        if (m.matches()) {
            return withYear(num(m, 1), num(m, 2), m.group(3), kind, today, false);
        }
        m = SLASH.matcher(text);
        if (m.matches()) {
            int first = num(m, 1);
            int second = num(m, 2);
            boolean ambiguous = first <= 12 && second <= 12 && first != second;
            return withYear(first, second, m.group(3), kind, today, ambiguous);
        }
        m = NAMED.matcher(text);
        if (m.matches()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.GERMAN));
            if (month == null) {
                return Result.error("date.unknownMonth");
            }
            return build(num(m, 3), month, num(m, 1), false, false);
        }
        return Result.error("date.unreadable");
    }

    /** Formats a date the German way, {@code dd.MM.yyyy}; null gives an empty string. */
    public static String german(LocalDate date) {
        return date == null ? "" : String.format(Locale.ROOT, "%02d.%02d.%04d",
                date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** Returns the 1st of the month after {@code date}, the day from which entitlement starts. */
    public static LocalDate firstOfNextMonth(LocalDate date) {
        return date.withDayOfMonth(1).plusMonths(1);
    }

    private static Result withYear(int day, int month, String yearText, Kind kind, LocalDate today, boolean ambiguous) {
        if (yearText.length() == 4) {
            return build(Integer.parseInt(yearText), month, day, false, ambiguous);
        }
        int twoDigits = Integer.parseInt(yearText);
        int century = today.getYear() / 100 * 100;
        int year;
        if (kind == Kind.PAST) {
            year = century + twoDigits;
            if (year > today.getYear()) {
                year -= 100;
            }
        } else {
            year = closest(century + twoDigits, today.getYear());
        }
        return build(year, month, day, true, ambiguous);
    }

    private static int closest(int candidate, int currentYear) {
        int best = candidate;
        for (int option : new int[] {candidate - 100, candidate + 100}) {
            if (Math.abs(option - currentYear) < Math.abs(best - currentYear)) {
                best = option;
            }
        }
        return best;
    }

    private static Result build(int year, int month, int day, boolean completed, boolean ambiguous) {
        if (month < 1 || month > 12) {
            return Result.error("date.invalidMonth");
        }
        try {
            return new Result(LocalDate.of(year, month, day), null, completed, ambiguous);
        } catch (DateTimeException e) {
            return Result.error("date.invalidDay");
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
