package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MappingTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "PLZ | ZIP_CODE", "Postleitzahl | ZIP_CODE", "zip | ZIP_CODE", "zipCode | ZIP_CODE", "ZIP-Code | ZIP_CODE",
        "Geburtsdatum | BIRTHDAY", "Geb.-Datum | BIRTHDAY", "birthday | BIRTHDAY", "GEBURTSDATUM | BIRTHDAY",
        "Personalnummer | PERSONNEL_NUMBER", "Pers.-Nr. | PERSONNEL_NUMBER", "personnelNumber | PERSONNEL_NUMBER",
        "Mitarbeiter-ID | EMPLOYEE_ID", "employeeId | EMPLOYEE_ID", "Meldeart | TYPE", "type | TYPE",
        "Gültig ab | VALID_FROM", "gueltig_ab | VALID_FROM", "validFrom | VALID_FROM", "Firma | CAREFLEX_ID",
        "CareFlex-ID | CAREFLEX_ID", "Straße | STREET", "Strasse | STREET", "E-Mail geschäftlich | EMAIL_BUSINESS",
        "employee.address.zipCode | ZIP_CODE", "Führungskraft | MANAGEMENT", "Beschäftigungsstatus | EMPLOYMENT_STATUS",
    })
    void headerAliases(String header, ImportField field) {
        assertThat(ImportField.forHeader(header)).contains(field);
    }

    @ParameterizedTest
    @EnumSource(ImportField.class)
    void everyWirePathIsAnAlias(ImportField field) {
        assertThat(ImportField.forHeader(field.path())).contains(field);
    }

    @Test
    void unknownHeaderIgnoredWithWarning() {
        ImportedFile file = new ImportEngine().readText("Mitarbeiter-ID\tBemerkung\n12345678901\tx\n", "paste", OPTIONS);

        assertThat(file.mapping().get(1).field()).isNull();
        assertThat(file.mapping().get(1).source()).isEqualTo(MappingSource.NONE);
        assertThat(file.problems()).extracting(p -> p.key()).contains("import.mapping.ignored");
    }

    @Test
    void headerlessColumnsMappedByContent() {
        String text = "49239697103\t01067\t03.06.1993\tm\tja\n28365461076\t45772\t04.12.1972\tw\tnein\n";

        ImportedFile file = new ImportEngine().readText(text, "paste", OPTIONS);

        assertThat(file.headerRow()).isZero();
        assertThat(file.mapping()).extracting(ColumnMapping::field).containsExactly(ImportField.EMPLOYEE_ID,
                ImportField.ZIP_CODE, ImportField.BIRTHDAY, ImportField.SEX, ImportField.MANAGEMENT);
        assertThat(file.mapping()).allSatisfy(c -> assertThat(c.source()).isEqualTo(MappingSource.CONTENT));
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).rowNumber()).isEqualTo(1);
    }

    @Test
    void blankHeaderMappedByContent() {
        String text = "Nachname\t\nRoth\t49239697103\nJung\t28365461076\n";

        ImportedFile file = new ImportEngine().readText(text, "paste", OPTIONS);

        assertThat(file.headerRow()).isEqualTo(1);
        assertThat(file.mapping().get(1).field()).isEqualTo(ImportField.EMPLOYEE_ID);
        assertThat(file.headers()).containsExactly("Nachname", "B");
    }

    @Test
    void manualMappingWins() {
        Map<String, ImportField> manual = new HashMap<>();
        manual.put("Nachname", ImportField.FIRST_NAME);
        manual.put("B", null);
        String text = "Nachname\tVorname\tKennung\nRoth\tEva\t49239697103\n";

        ImportedFile file = new ImportEngine().readText(text, "paste",
                OPTIONS.withMapping(manual).withHeaderRow(1));

        assertThat(file.mapping().get(0).field()).isEqualTo(ImportField.FIRST_NAME);
        assertThat(file.mapping().get(0).source()).isEqualTo(MappingSource.MANUAL);
        assertThat(file.mapping().get(1).field()).isNull();
        assertThat(file.rows().get(0).incident().employee().firstName()).isEqualTo("Roth");
    }

    @Test
    void sameFieldTwiceKeepsFirstColumn() {
        String text = "PLZ\tPostleitzahl\tMitarbeiter-ID\n01067\t04109\t49239697103\n";

        ImportedFile file = new ImportEngine().readText(text, "paste", OPTIONS);

        assertThat(file.rows().get(0).incident().employee().address().zipCode()).isEqualTo("01067");
        assertThat(file.problems()).extracting(p -> p.key()).contains("import.mapping.fieldTwice");
    }

    @Test
    void repeatedHeaderRowSkipped() {
        String text = "Mitarbeiter-ID\tNachname\n49239697103\tRoth\nMitarbeiter-ID\tNachname\n28365461076\tJung\n";

        ImportedFile file = new ImportEngine().readText(text, "paste", OPTIONS);

        assertThat(file.rows()).extracting(ImportedRow::rowNumber).containsExactly(2, 4);
    }

    @Test
    void headerRowOverride() {
        String text = "Mitarbeiter-ID\tNachname\n49239697103\tRoth\n";

        ImportedFile file = new ImportEngine().readText(text, "paste", OPTIONS.withHeaderRow(0));

        assertThat(file.headerRow()).isZero();
        assertThat(file.rows()).hasSize(2);
    }

    @Test
    void signatureIgnoresSpellingOfHeaders() {
        ImportedFile first = new ImportEngine().readText("Mitarbeiter-ID\tGültig ab\n1\t2\n", "a", OPTIONS);
        ImportedFile second = new ImportEngine().readText("mitarbeiter id\tgueltig ab\n1\t2\n", "b", OPTIONS);

        assertThat(first.headerSignature()).isEqualTo(second.headerSignature());
    }
}
