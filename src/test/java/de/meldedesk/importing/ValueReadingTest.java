package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Incident;
import de.meldedesk.domain.validation.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueReadingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(TODAY);

    private static ImportedRow pasteOne(String header, String value) {
        return pasteOne(header, value, OPTIONS);
    }

    private static ImportedRow pasteOne(String header, String value, ImportOptions options) {
        ImportedFile file = new ImportEngine().readText("Mitarbeiter-ID\t" + header + "\n12345678901\t" + value + "\n",
                "paste", options);
        assertThat(file.rows()).as("rows of " + value).hasSize(1);
        return file.rows().get(0);
    }

    private static List<String> keys(ImportedRow row, String field) {
        return row.problems().stream().filter(p -> field.equals(p.field())).map(Problem::key).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.2.1990         | 1990-02-01 | false",
        "01.02.1990       | 1990-02-01 | false",
        "1990-02-01       | 1990-02-01 | false",
        "15. Januar 1979  | 1979-01-15 | false",
        "15 January 1979  | 1979-01-15 | false",
        "01.02.1990 00:00 | 1990-02-01 | false",
        "29.02.1988       | 1988-02-29 | false",
    })
    void birthdayReadWithoutChange(String text, LocalDate expected, boolean changed) {
        ImportedRow row = pasteOne("Geburtsdatum", text);

        assertThat(row.incident().employee().birthday()).isEqualTo(expected);
        assertThat(row.changes().isEmpty()).isNotEqualTo(changed);
        assertThat(keys(row, "employee.birthday")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "31.02.1990 | import.date.invalidDay",
        "29.02.1990 | import.date.invalidDay",
        "01.13.1990 | import.date.invalidMonth",
        "01/02/1980 | import.date.ambiguous",
        "gestern    | import.date.unreadable",
        "15 Foo 1979 | import.date.unknownMonth",
        "1979       | import.date.unreadable",
    })
    void impossibleOrAmbiguousDateRejected(String text, String key) {
        ImportedRow row = pasteOne("Geburtsdatum", text);

        assertThat(row.incident().employee().birthday()).isNull();
        assertThat(keys(row, "employee.birthday")).containsExactly(key);
    }

    @Test
    void twoDigitYearCompletedWithWarning() {
        ImportedRow row = pasteOne("Geburtsdatum", "15.01.79");

        assertThat(row.incident().employee().birthday()).isEqualTo(LocalDate.of(1979, 1, 15));
        assertThat(keys(row, "employee.birthday")).containsExactly("import.date.twoDigitYear");
        assertThat(row.changes()).containsExactly(new FieldChange("employee.birthday", "15.01.79", "1979-01-15",
                "import.change.yearCompleted"));
    }

    @Test
    void serialNumberInDateColumnConverted() {
        ImportedRow row = pasteOne("Eintrittsdatum", "44927");

        assertThat(row.incident().employee().job().startOfEmployment()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(keys(row, "employee.job.startOfEmployment")).contains("import.date.fromSerial");
        assertThat(row.changes()).extracting(FieldChange::reasonKey).contains("import.change.serialDate");
    }

    @Test
    void serialNumberInTextColumnStaysText() {
        ImportedRow row = pasteOne("Personalnummer", "44927");

        assertThat(row.incident().employee().job().personnelNumber()).isEqualTo("44927");
        assertThat(row.changes()).isEmpty();
    }

    @Test
    void timeOfDayDroppedAsChange() {
        ImportedRow row = pasteOne("Gültig ab", "01.02.2027 13:45");

        assertThat(row.incident().validFrom()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(row.changes()).extracting(FieldChange::reasonKey).containsExactly("import.change.timeDropped");
    }

    @Test
    void forcedDateFormatDecidesAmbiguity() {
        ImportedRow row = pasteOne("Geburtsdatum", "02/01/1980", OPTIONS.withDateFormat("MM/dd/yyyy"));

        assertThat(row.incident().employee().birthday()).isEqualTo(LocalDate.of(1980, 2, 1));
    }

    @Test
    void forcedDateFormatRejectsOtherText() {
        ImportedRow row = pasteOne("Geburtsdatum", "1.2.1980", OPTIONS.withDateFormat("MM/dd/yyyy"));

        assertThat(keys(row, "employee.birthday")).containsExactly("import.date.notInFormat");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ja | true", "Ja | true", "x | true", "1 | true", "wahr | true", "true | true", "yes | true",
        "nein | false", "0 | false", "falsch | false", "false | false", "NEIN | false",
    })
    void booleanWords(String text, boolean expected) {
        ImportedRow row = pasteOne("Führungskraft", text);

        assertThat(row.incident().employee().job().management()).isEqualTo(expected);
        assertThat(row.changes().isEmpty()).isEqualTo(text.equals(String.valueOf(expected)));
    }

    @Test
    void unreadableBooleanIsAnError() {
        ImportedRow row = pasteOne("Führungskraft", "vielleicht");

        assertThat(row.incident().employee().job().management()).isNull();
        assertThat(keys(row, "employee.job.management")).containsExactly("import.boolean.unreadable");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "männlich | m", "weiblich | w", "divers | d", "M | m", "W | w", "male | m", "female | w", "m | m", "d | d",
    })
    void sexWordsBecomeCodes(String text, String code) {
        ImportedRow row = pasteOne("Geschlecht", text);

        assertThat(row.incident().employee().sex()).isEqualTo(code);
        assertThat(row.changes().isEmpty()).isEqualTo(text.equals(code));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Deutschland | DE", "Germany | DE", "Österreich | AT", "Schweiz | CH", "de | DE", "DEU | DE", "DE | DE",
        "Niederlande | NL",
    })
    void countryNamesBecomeCodes(String text, String code) {
        ImportedRow row = pasteOne("Land", text);

        assertThat(row.incident().employee().address().country()).isEqualTo(code);
        assertThat(row.changes().isEmpty()).isEqualTo(text.equals(code));
    }

    @Test
    void countryChangeListed() {
        ImportedRow row = pasteOne("Land", "Deutschland");

        assertThat(row.changes()).containsExactly(new FieldChange("employee.address.country", "Deutschland", "DE",
                "import.change.country"));
    }

    @Test
    void unicodeSpacesTrimmedAsChange() {
        ImportedRow row = pasteOne("Nachname", "\u00A0 Müller\u202F");

        assertThat(row.incident().employee().lastName()).isEqualTo("Müller");
        assertThat(row.changes()).containsExactly(new FieldChange("employee.lastName", "\u00A0 Müller\u202F", "Müller",
                "import.change.whitespace"));
    }

    @Test
    void innerNonBreakingSpaceBecomesSpace() {
        ImportedRow row = pasteOne("Mobil", "0170\u00A01629072");

        assertThat(row.incident().employee().contact().mobileBusiness()).isEqualTo("0170 1629072");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"new | NEW", "Neuaufnahme | NEW", "sdb | SDB", "WIK | WIK", "XYZ | XYZ"})
    void typeCodesNormalised(String text, String code) {
        ImportedRow row = pasteOne("Meldeart", text);

        assertThat(row.incident().type()).isEqualTo(code);
    }

    @Test
    void idsKeepLeadingZeros() {
        ImportedRow row = pasteOne("Personalnummer\tHausnummer\tTelefon", "000123\t9a\t030 1234");

        assertThat(row.incident().employee().job().personnelNumber()).isEqualTo("000123");
        assertThat(row.incident().employee().address().houseNumber()).isEqualTo("9a");
        assertThat(row.incident().employee().contact().landlineBusiness()).isEqualTo("030 1234");
    }

    @Test
    void defaultsFillAbsentColumns() {
        ImportOptions options = OPTIONS.withCareflexId("abc").withType("WIK");
        ImportedRow row = pasteOne("Nachname", "Roth", options);
        Incident incident = row.incident();

        assertThat(row.careflexId()).isEqualTo("abc");
        assertThat(incident.type()).isEqualTo("WIK");
        assertThat(incident.createdAt()).isEqualTo(TODAY);
        assertThat(incident.validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void columnsWinOverDefaults() {
        ImportOptions options = OPTIONS.withCareflexId("abc").withType("WIK");
        ImportedRow row = pasteOne("Firma\tMeldeart\tErfasst am\tGültig ab", "xyz\tSDB\t02.12.2026\t01.01.2027",
                options);

        assertThat(row.careflexId()).isEqualTo("xyz");
        assertThat(row.incident().type()).isEqualTo("SDB");
        assertThat(row.incident().createdAt()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(row.incident().validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void emptyCellOfExistingColumnIsNoDefault() {
        ImportedRow row = pasteOne("Gültig ab\tNachname", "\tRoth");

        assertThat(row.incident().validFrom()).isNull();
        assertThat(keys(row, "validFrom")).containsExactly("problem.required");
    }

    @Test
    void validatorProblemsCarryFieldPaths() {
        ImportedRow row = pasteOne("PLZ\tE-Mail", "123\tkein-mail");

        assertThat(keys(row, "employee.address.zipCode")).contains("problem.zipCode.format");
        assertThat(keys(row, "employee.contact.emailBusiness")).contains("problem.email.format");
    }

    @Test
    void duplicateKeyOfIncident() {
        ImportedRow row = pasteOne("Meldeart\tGültig ab", "new\t01.01.2027");

        assertThat(row.duplicateKey()).isEqualTo(new DuplicateKey("12345678901", "NEW", LocalDate.of(2027, 1, 1)));
        assertThat(row.duplicateKey().complete()).isTrue();
    }
}
