package de.meldedesk.wire;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The wire decisions that the REST description leaves open, each made once.
 * The description prints the birthday in prose ("15 January 1979") and the
 * house number as a JSON number; every other date there is ISO and house
 * numbers such as {@code 9a} exist, so both go out as below.
 */
public final class WireChoices {

    /** Every date, the birthday included, is sent as {@code yyyy-MM-dd}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** {@code houseNumber} is sent as a JSON string, never as a number. */
    public static final boolean HOUSE_NUMBER_AS_STRING = true;

    /** The body of {@code incident/none} carries these two keys; the description does not document it. */
    public static final String[] EMPTY_REPORT_KEYS = {"careflexId", "apiToken"};

    private WireChoices() {
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }
}
