package de.meldedesk.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/** Excel's serial dates and number formats, as far as an import needs them. */
final class ExcelValues {

    /** The last day Excel can show, 31.12.9999, as a serial number of the 1900 date system. */
    static final long MAX_SERIAL = 2_958_465L;

    private static final LocalDate BASE_1900 = LocalDate.of(1899, 12, 31);
    private static final LocalDate BASE_1900_AFTER_LEAP_BUG = LocalDate.of(1899, 12, 30);
    private static final LocalDate BASE_1904 = LocalDate.of(1904, 1, 1);

    private ExcelValues() {
    }

    /**
     * Converts a serial number to a day. The time part is cut off, so 23:59 never
     * becomes the next day. In the 1900 system serial 60 is Excel's 29.02.1900,
     * a day that does not exist, and serial 0 is its 00.01.1900: both return null.
     */
    static LocalDate dateFromSerial(BigDecimal serial, boolean date1904) {
        if (serial == null || serial.signum() < 0) {
            return null;
        }
        BigDecimal whole = serial.setScale(0, RoundingMode.FLOOR);
        if (whole.compareTo(BigDecimal.valueOf(MAX_SERIAL)) > 0) {
            return null;
        }
        long days = whole.longValue();
        if (date1904) {
            return BASE_1904.plusDays(days);
        }
        if (days == 0 || days == 60) {
            return null;
        }
        return days < 60 ? BASE_1900.plusDays(days) : BASE_1900_AFTER_LEAP_BUG.plusDays(days);
    }

    /**
     * Tells whether a number format shows a date: it has a day or year part
     * outside quoted text and brackets. Formats with only hours, minutes and
     * seconds are times and return false.
     */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String code = firstSection(stripLiterals(format)).toLowerCase(Locale.ROOT);
        if (code.equals("general")) {
            return false;
        }
        return code.indexOf('d') >= 0 || code.indexOf('y') >= 0;
    }

    /**
     * Formats a number the way its cell shows it, for the formats an HR export
     * uses: General, zero-padded ({@code 000000}) and decimal patterns such as
     * {@code #,##0.00}. An integer in General format gives all its digits.
     */
    static String render(BigDecimal value, String format) {
        String code = format == null ? "" : firstSection(stripLiterals(format)).trim();
        if (code.isEmpty() || code.equalsIgnoreCase("general") || code.equalsIgnoreCase("standard") || code.equals("@")) {
            return general(value);
        }
        if (!code.matches("[0#]*(?:,[0#]+)*(?:\\.[0#]*)?%?") || code.indexOf('0') < 0 && code.indexOf('#') < 0) {
            // NOTE: scientific, fraction and text formats show the plain number instead of Excel's rendering.
            return general(value);
        }
        DecimalFormat decimal = new DecimalFormat(code, DecimalFormatSymbols.getInstance(Locale.GERMANY));
        decimal.setRoundingMode(RoundingMode.HALF_UP);
        return decimal.format(value);
    }

    private static String general(BigDecimal value) {
        // NOTE: Excel shows integers of 12 or more digits in General format as 1,23457E+11, but this gives all digits.
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.toBigInteger().toString();
        }
        return stripped.toPlainString();
    }

    /** Removes quoted text, escaped characters, bracketed parts ({@code [Red]}, {@code [$-407]}) and padding. */
    private static String stripLiterals(String format) {
        StringBuilder out = new StringBuilder(format.length());
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                int end = format.indexOf('"', i + 1);
                i = end < 0 ? format.length() : end;
            } else if (c == '[') {
                int end = format.indexOf(']', i + 1);
                i = end < 0 ? format.length() : end;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String firstSection(String format) {
        int semicolon = format.indexOf(';');
        return semicolon < 0 ? format : format.substring(0, semicolon);
    }
}
