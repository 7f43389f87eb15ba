package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.validation.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonImportTest {

    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(LocalDate.of(2026, 12, 4));

    @TempDir
    Path dir;

    private ImportedFile read(String json) throws IOException {
        Path file = dir.resolve("request.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new ImportEngine().read(file, OPTIONS);
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    private static String incident(String body) {
        return "{\"careflexId\": \"c1\", \"incidentList\": [{\"type\": \"WIK\", \"employeeId\": \"12345678901\","
                + " \"createdAt\": \"2026-12-01\", \"validFrom\": \"2027-01-01\"" + body + "}]}";
    }

    @Test
    void trailingCommaToleratedWithWarning() throws IOException {
        ImportedFile file = read("{\n\"careflexId\": \"c1\",\n\"incidentList\": [\n{\"type\": \"WIK\", "
                + "\"employeeId\": \"12345678901\",},\n]\n}");

        assertThat(file.rows()).hasSize(1);
        assertThat(file.problems()).filteredOn(p -> p.key().equals("import.json.trailingComma")).hasSize(2);
        assertThat(file.problems().stream().filter(p -> p.key().equals("import.json.trailingComma")).findFirst()
                .orElseThrow().args()).containsExactly(4, 44);
    }

    @Test
    void typographicQuotesInsideStringsStay() throws IOException {
        ImportedFile file = read(incident(", \"employee\": {\"lastName\": \"Firma „Muster“\", \"firstName\": “Eva”}"));

        assertThat(file.rows().get(0).incident().employee().lastName()).isEqualTo("Firma „Muster“");
        assertThat(file.rows().get(0).incident().employee().firstName()).isEqualTo("Eva");
        assertThat(file.problems()).filteredOn(p -> p.key().equals("import.json.typographicQuotes"))
                .extracting(Problem::args).containsExactly(List.of(2));
    }

    @Test
    void misspeltKeyNamedWithPath() throws IOException {
        ImportedFile file = read(incident(", \"employee\": {\"address\": {\"zipcode\": \"01234\"}}"));
        ImportedRow row = file.rows().get(0);
        Problem problem = row.problems().stream().filter(p -> p.key().equals("import.json.keySpelling")).findFirst()
                .orElseThrow();

        assertThat(problem.isError()).isTrue();
        assertThat(problem.args()).containsExactly("zipcode", "employee.address", "zipCode");
        assertThat(problem.field()).isEqualTo("employee.address.zipcode");
        assertThat(file.describe(row, problem, java.util.Locale.GERMANY)).contains("zipcode", "employee.address",
                "Meldung 1");
    }

    @Test
    void unknownKeyWarns() throws IOException {
        ImportedFile file = read(incident(", \"comment\": \"x\""));

        assertThat(keys(file.rows().get(0).problems())).contains("import.json.unknownKey");
    }

    @Test
    void unknownRootKeyWarns() throws IOException {
        ImportedFile file = read("{\"careflexId\": \"c1\", \"sender\": \"x\", \"incidentList\": []}");

        assertThat(keys(file.problems())).contains("import.json.unknownKey", "import.file.noRows");
    }

    @Test
    void numbersTakenAsText() throws IOException {
        ImportedFile file = read(incident(", \"employee\": {\"address\": {\"houseNumber\": 9, \"zipCode\": 1234}}"));
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().employee().address().houseNumber()).isEqualTo("9");
        assertThat(row.incident().employee().address().zipCode()).isEqualTo("01234");
        assertThat(row.changes()).extracting(FieldChange::reasonKey).contains("import.change.numberAsText",
                "import.change.zipZero");
    }

    @Test
    void germanProseBirthdayWithWarning() throws IOException {
        ImportedFile file = read(incident(", \"employee\": {\"birthday\": \"15. Januar 1979\"}"));
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().employee().birthday()).isEqualTo(LocalDate.of(1979, 1, 15));
        assertThat(keys(row.problems())).contains("import.json.dateNotIso");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() throws IOException {
        ImportedFile file = read("{\n\"careflexId\": \"c1\",\n\"incidentList\": [ {\"type\" \"WIK\"} ]\n}");
        Problem problem = file.problems().get(file.problems().size() - 1);

        assertThat(problem.key()).isEqualTo("import.json.syntax");
        assertThat(problem.args().get(0)).isEqualTo(3);
        assertThat(problem.args().get(1)).isEqualTo(27);
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void listWithoutRootAndDefaults() throws IOException {
        ImportedFile file = read("[{\"type\": \"WIK\", \"employeeId\": \"12345678901\"}]");
        ImportedRow row = file.rows().get(0);

        assertThat(row.incident().createdAt()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(row.incident().validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(row.changes()).extracting(FieldChange::field).containsExactly("createdAt", "validFrom");
    }

    @Test
    void objectWhereValueExpected() throws IOException {
        ImportedFile file = read(incident(", \"employee\": \"Roth\", \"externalId\": {\"a\": 1}"));
        ImportedRow row = file.rows().get(0);

        assertThat(keys(row.errors())).contains("import.json.notAnObject", "import.json.notAValue");
        assertThat(row.incident().externalId()).isNull();
    }

    @Test
    void textBooleanInJson() throws IOException {
        ImportedFile file = read(incident(", \"employee\": {\"job\": {\"management\": \"ja\"}}"));

        assertThat(file.rows().get(0).incident().employee().job().management()).isTrue();
    }

    @Test
    void duplicateKeyIsSyntaxError() throws IOException {
        ImportedFile file = read("{\"careflexId\": \"c1\", \"careflexId\": \"c2\", \"incidentList\": []}");

        assertThat(keys(file.problems())).contains("import.json.syntax");
    }

    @Test
    void companyFromFileWinsOverOptions() throws IOException {
        Path path = dir.resolve("company.json");
        Files.writeString(path, incident(""), StandardCharsets.UTF_8);

        ImportedFile file = new ImportEngine().read(path, OPTIONS.withCareflexId("other"));

        assertThat(file.rows().get(0).careflexId()).isEqualTo("c1");
    }
}
