package de.meldedesk.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.testsupport.Samples;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SampleImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final ImportOptions OPTIONS = ImportOptions.defaults().withToday(TODAY).withCareflexId("09ce3580d84bf087");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"personal-export-50.csv", "personal-export-50.xlsx"})
    void sampleMatchesExpectedRecords(String name) throws Exception {
        ImportedFile file = new ImportEngine().read(Samples.file(name), OPTIONS);
        JsonNode expected = new ObjectMapper().readTree(Samples.read("personal-export-50.expected.json"));

        assertThat(file.problems()).as("file problems").isEmpty();
        assertThat(file.rows()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            ImportedRow row = file.rows().get(i);
            Incident incident = row.incident();
            Employee e = incident.employee();
            String where = name + " row " + row.rowNumber();
            assertThat(row.rowNumber()).as(where).isEqualTo(i + 2);
            assertThat(row.careflexId()).as(where).isEqualTo("09ce3580d84bf087");
            assertThat(incident.externalId()).as(where + " externalId").isNull();
            assertThat(incident.type()).as(where + " type").isEqualTo(want.get("type").asText());
            assertThat(incident.employeeId()).as(where + " employeeId").isEqualTo(want.get("employeeId").asText());
            assertThat(incident.createdAt()).as(where + " createdAt").isEqualTo(TODAY);
            assertThat(incident.validFrom()).as(where + " validFrom").isEqualTo(date(want, "validFrom"));
            assertThat(e.title()).as(where + " title").isEqualTo(text(want, "title"));
            assertThat(e.firstName()).as(where + " firstName").isEqualTo(text(want, "firstName"));
            assertThat(e.lastName()).as(where + " lastName").isEqualTo(text(want, "lastName"));
            assertThat(e.birthday()).as(where + " birthday").isEqualTo(date(want, "birthday"));
            assertThat(e.sex()).as(where + " sex").isEqualTo(text(want, "sex"));
            assertThat(e.address().street()).as(where + " street").isEqualTo(text(want, "street"));
            assertThat(e.address().houseNumber()).as(where + " houseNumber").isEqualTo(text(want, "houseNumber"));
            assertThat(e.address().addressSuffix()).as(where + " addressSuffix").isEqualTo(text(want, "addressSuffix"));
            assertThat(e.address().zipCode()).as(where + " zipCode").isEqualTo(text(want, "zipCode"));
            assertThat(e.address().city()).as(where + " city").isEqualTo(text(want, "city"));
            assertThat(e.address().country()).as(where + " country").isEqualTo(text(want, "country"));
            assertThat(e.job().employmentSite()).as(where + " employmentSite").isEqualTo(text(want, "employmentSite"));
            assertThat(e.job().employmentStatus()).as(where + " employmentStatus")
                    .isEqualTo(text(want, "employmentStatus"));
            assertThat(e.job().startOfEmployment()).as(where + " startOfEmployment")
                    .isEqualTo(date(want, "startOfEmployment"));
            assertThat(e.job().personnelNumber()).as(where + " personnelNumber")
                    .isEqualTo(text(want, "personnelNumber"));
            assertThat(e.job().management()).as(where + " management").isEqualTo(want.get("management").asBoolean());
            assertThat(e.contact().emailBusiness()).as(where + " emailBusiness").isEqualTo(text(want, "emailBusiness"));
            assertThat(e.contact().mobileBusiness()).as(where + " mobileBusiness")
                    .isEqualTo(text(want, "mobileBusiness"));
            assertThat(e.contact().landlineBusiness()).as(where + " landlineBusiness")
                    .isEqualTo(text(want, "landlineBusiness"));
            assertThat(row.errors()).as(where + " errors").isEmpty();
            assertThat(row.duplicateOf()).as(where + " duplicate").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"personal-export-50.csv", "personal-export-50.xlsx"})
    void sampleHeadersMapWithoutHelp(String name) {
        ImportedFile file = new ImportEngine().read(Samples.file(name), OPTIONS);

        assertThat(file.mapping()).hasSize(22);
        assertThat(file.mapping()).allSatisfy(column -> assertThat(column.source()).isEqualTo(MappingSource.ALIAS));
        assertThat(file.headerRow()).isEqualTo(1);
    }

    @Test
    void csvSampleDetection() {
        ImportedFile file = new ImportEngine().read(Samples.file("personal-export-50.csv"), OPTIONS);

        assertThat(file.format()).isEqualTo(ImportFormat.CSV);
        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.delimiter()).isEqualTo(';');
        assertThat(file.headers().get(0)).isEqualTo("Personalnummer");
        assertThat(file.contentHash()).hasSize(64);
    }

    @Test
    void xlsxSampleDetection() {
        ImportedFile file = new ImportEngine().read(Samples.file("personal-export-50.xlsx"), OPTIONS);

        assertThat(file.format()).isEqualTo(ImportFormat.XLSX);
        assertThat(file.sheetName()).isEqualTo("Mitarbeiter");
        assertThat(file.sheetNames()).containsExactly("Mitarbeiter");
        assertThat(file.encoding()).isNull();
    }

    @Test
    void requestExampleAsPrinted() {
        ImportedFile file = new ImportEngine().read(Samples.file("careflex-request-example.json"),
                ImportOptions.defaults().withToday(TODAY));
        List<Incident> expected = ExcerptReport.build().incidents();

        assertThat(file.format()).isEqualTo(ImportFormat.JSON);
        assertThat(file.rows()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(file.rows().get(i).incident()).as("incident " + (i + 1)).isEqualTo(expected.get(i));
            assertThat(file.rows().get(i).careflexId()).isEqualTo(ExcerptReport.CAREFLEX_ID);
        }
        assertThat(file.rows().get(0).incident().employee().birthday()).isEqualTo(LocalDate.of(1979, 1, 15));
        assertThat(file.rows().get(0).problems()).extracting(Problem::key).contains("import.json.dateNotIso");
        assertThat(file.rows().get(0).incident().employee().address().houseNumber()).isEqualTo("9");
        assertThat(file.rows().get(0).incident().employee().address().country()).isEqualTo("DE");
        assertThat(file.problems()).extracting(Problem::key)
                .contains("import.json.typographicQuotes", "import.json.apiTokenIgnored");
        assertThat(file.rows()).allSatisfy(row -> assertThat(row.errors()).isEmpty());
    }

    @Test
    void requestExampleKeepsNoApiToken() {
        ImportedFile file = new ImportEngine().read(Samples.file("careflex-request-example.json"),
                ImportOptions.defaults().withToday(TODAY));

        assertThat(file.rows()).allSatisfy(row -> assertThat(row.cells().values())
                .doesNotContain(ExcerptReport.API_TOKEN));
    }

    private static String text(JsonNode node, String key) {
        String value = node.get(key).asText();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(JsonNode node, String key) {
        return LocalDate.parse(node.get(key).asText());
    }

}
