package de.meldedesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.DateText.Kind;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "01.02.2026 | NEAR_TODAY | 2026-02-01 | false | false",
        "1.2.1990   | PAST       | 1990-02-01 | false | false",
        "2020-10-24 | NEAR_TODAY | 2020-10-24 | false | false",
        "29.02.2024 | NEAR_TODAY | 2024-02-29 | false | false",
        "15.01.79   | PAST       | 1979-01-15 | true  | false",
        "15.01.26   | PAST       | 2026-01-15 | true  | false",
        "03.12.26   | PAST       | 2026-12-03 | true  | false",
        "01.01.27   | NEAR_TODAY | 2027-01-01 | true  | false",
        "01.01.70   | NEAR_TODAY | 2070-01-01 | true  | false",
        "01.01.77   | NEAR_TODAY | 1977-01-01 | true  | false",
        "15 January 1979 | PAST  | 1979-01-15 | false | false",
        "15. Januar 1979 | PAST  | 1979-01-15 | false | false",
        "3. März 2020    | PAST  | 2020-03-03 | false | false",
        "01/02/1980 | PAST       | 1980-02-01 | false | true",
        "13/02/1980 | PAST       | 1980-02-13 | false | false",
    })
    void readsDate(String text, Kind kind, LocalDate expected, boolean completed, boolean ambiguous) {
        DateText.Result result = DateText.parse(text, kind, TODAY);

        assertThat(result.date()).isEqualTo(expected);
        assertThat(result.yearCompleted()).isEqualTo(completed);
        assertThat(result.ambiguous()).isEqualTo(ambiguous);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "31.02.2026  | date.invalidDay",
        "29.02.2025  | date.invalidDay",
        "31.04.2026  | date.invalidDay",
        "00.01.2026  | date.invalidDay",
        "01.13.2026  | date.invalidMonth",
        "2026-02-30  | date.invalidDay",
        "31 Februar 2026 | date.invalidDay",
        "15 Foo 1979 | date.unknownMonth",
        "gestern     | date.unreadable",
        "44927       | date.unreadable",
        "1.2.        | date.unreadable",
        "'\u00A0'    | date.missing",
    })
    void rejectsWithoutClamping(String text, String key) {
        DateText.Result result = DateText.parse(text, Kind.NEAR_TODAY, TODAY);

        assertThat(result.date()).isNull();
        assertThat(result.errorKey()).isEqualTo(key);
    }
}
