package de.meldedesk.domain.validation;

import de.meldedesk.domain.Text;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of single field values. Each method takes the value as stored (text
 * for IDs and codes) and returns the problems it finds, with the field path it
 * was given.
 */
public final class FieldRules {

    /** Codes of {@code sex} known from the REST description and German practice; others are warnings. */
    public static final List<String> KNOWN_SEX_CODES = List.of("m", "w", "d", "x");
    /** Codes of {@code employmentStatus} known from the REST description; others are accepted. */
    public static final List<String> KNOWN_EMPLOYMENT_STATUS_CODES = List.of("T");

    /** Youngest and oldest plausible age of an employee on the day of validation, in years. */
    static final int MIN_AGE = 14;
    static final int MAX_AGE = 80;

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+([.,]\\d+)?[eE][+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("\\d+[.,]0+");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private FieldRules() {
    }

    /** Checks that a required text is present and has no stray spaces at its ends. */
    public static List<Problem> required(String field, String value) {
        List<Problem> problems = new ArrayList<>();
        if (Text.isBlank(value)) {
            problems.add(Problem.error(field, "problem.required"));
        } else if (Text.hasOuterSpace(value)) {
            problems.add(Problem.error(field, "problem.outerSpace"));
        }
        return problems;
    }

    /** Checks an optional text: only stray spaces at its ends are a problem. */
    public static List<Problem> optional(String field, String value) {
        if (!Text.isBlank(value) && Text.hasOuterSpace(value)) {
            return List.of(Problem.error(field, "problem.outerSpace"));
        }
        return List.of();
    }

    /**
     * Checks the employee ID: 11 digits as text. A value in scientific notation
     * ({@code 4,92397E+10}) is Excel's rounding of a long number and cannot be
     * recovered, so it gets its own message.
     */
    public static List<Problem> employeeId(String field, String value) {
        List<Problem> problems = new ArrayList<>(required(field, value));
        if (!problems.isEmpty()) {
            return problems;
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            problems.add(Problem.error(field, "problem.employeeId.scientific", value));
        } else if (DECIMAL.matcher(value).matches()) {
            problems.add(Problem.error(field, "problem.employeeId.decimal", value));
        } else if (!ELEVEN_DIGITS.matcher(value).matches()) {
            problems.add(Problem.error(field, "problem.employeeId.format", value, value.length()));
        }
        return problems;
    }

    /** Checks a German zip code (5 digits) when the country is DE or not given. */
    public static List<Problem> zipCode(String field, String value, String country) {
        List<Problem> problems = new ArrayList<>(required(field, value));
        if (!problems.isEmpty()) {
            return problems;
        }
        boolean german = Text.isBlank(country) || "DE".equals(country);
        if (!german) {
            return problems;
        }
        if (SCIENTIFIC.matcher(value).matches() || !DIGITS.matcher(value).matches()) {
            problems.add(Problem.error(field, "problem.zipCode.format", value));
        } else if (value.length() == 4) {
            problems.add(Problem.error(field, "problem.zipCode.lostZero", value, "0" + value));
        } else if (value.length() != 5) {
            problems.add(Problem.error(field, "problem.zipCode.format", value));
        }
        return problems;
    }

    /** Checks an ISO 3166-1 alpha-2 country code; lower case and names are errors with a hint. */
    public static List<Problem> country(String field, String value) {
        List<Problem> problems = new ArrayList<>(required(field, value));
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!COUNTRIES.contains(value)) {
            String upper = value.toUpperCase(Locale.ROOT);
            if (COUNTRIES.contains(upper)) {
                problems.add(Problem.error(field, "problem.country.case", value, upper));
            } else {
                problems.add(Problem.error(field, "problem.country.unknown", value));
            }
        }
        return problems;
    }

    public static List<Problem> email(String field, String value) {
        if (Text.isBlank(value)) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>(optional(field, value));
        if (problems.isEmpty() && !EMAIL.matcher(value).matches()) {
            problems.add(Problem.error(field, "problem.email.format", value));
        }
        return problems;
    }

    /** Checks {@code sex}: a known code passes, any other is sent with a warning. */
    public static List<Problem> sex(String field, String value) {
        List<Problem> problems = new ArrayList<>(required(field, value));
        if (problems.isEmpty() && !KNOWN_SEX_CODES.contains(value)) {
            problems.add(Problem.warning(field, "problem.sex.unknown", value, String.join(", ", KNOWN_SEX_CODES)));
        }
        return problems;
    }

    /** Checks that a required date is present. */
    public static List<Problem> requiredDate(String field, LocalDate value) {
        return value == null ? List.of(Problem.error(field, "problem.required")) : List.of();
    }

    /** Checks that a birthday lies in the past and gives an age a working person can have. */
    public static List<Problem> birthday(String field, LocalDate value, LocalDate today) {
        if (value == null) {
            return List.of(Problem.error(field, "problem.required"));
        }
        if (!value.isBefore(today)) {
            return List.of(Problem.error(field, "problem.birthday.future"));
        }
        int age = Period.between(value, today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            return List.of(Problem.warning(field, "problem.birthday.implausible", age));
        }
        return List.of();
    }
}
