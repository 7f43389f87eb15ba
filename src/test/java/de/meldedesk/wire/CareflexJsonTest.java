package de.meldedesk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.domain.Address;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.ReportResponse;
import de.meldedesk.domain.ResponseRow;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.testsupport.Samples;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CareflexJsonTest {

    private static final String GOLDEN = Samples.resource("/golden/excerpt-request.json");

    /** The excerpt as printed, with typographic quotes straightened and the prose birthday read. */
    private static String straightenedExcerpt() {
        return Samples.read("careflex-request-example.json")
                .replace('\u201C', '"').replace('\u201D', '"')
                .replace("\"15 January 1979\"", "\"1979-01-15\"");
    }

    @Test
    void excerptModelSerialisesToGolden() {
        assertThat(CareflexJson.writeReport(ExcerptReport.build())).isEqualTo(GOLDEN);
    }

    @Test
    void excerptFileRoundTripsToGolden() throws Exception {
        Report report = CareflexJson.readReport(straightenedExcerpt());

        assertThat(report.incidents()).hasSize(3);
        assertThat(report.incidents().get(0).employee().address().houseNumber()).isEqualTo("9");
        assertThat(report).usingRecursiveComparison().isEqualTo(ExcerptReport.build());
        assertThat(CareflexJson.writeReport(report)).isEqualTo(GOLDEN);
    }

    @Test
    void leadingZerosAndHouseNumberStayText() {
        Incident incident = ExcerptReport.build().incidents().get(0);
        Employee employee = incident.employee().withAddress(
                new Address("Weg", "9a", null, "01067", "Dresden", "DE"));
        String json = CareflexJson.writeIncident(
                new Incident(null, "NEW", "01234567890", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), employee));

        assertThat(json).contains("\"employeeId\":\"01234567890\"");
        assertThat(json).contains("\"zipCode\":\"01067\"");
        assertThat(json).contains("\"houseNumber\":\"9a\"");
    }

    @Test
    void blankOptionalFieldsAreLeftOut() {
        Incident incident = new Incident("  ", "WIK", "49239697103", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 1),
                new Employee("", "\u00A0", null, null, null, null, null, null));

        assertThat(CareflexJson.writeIncident(incident)).isEqualTo(
                "{\"type\":\"WIK\",\"employeeId\":\"49239697103\",\"createdAt\":\"2026-01-02\",\"validFrom\":\"2026-02-01\"}");
    }

    @Test
    void maskedReportHidesApiToken() {
        String masked = CareflexJson.writeReportMasked(ExcerptReport.build());

        assertThat(masked).doesNotContain(ExcerptReport.API_TOKEN);
        assertThat(masked).contains("\"apiToken\":\"********\"");
        assertThat(ExcerptReport.build().toString()).doesNotContain(ExcerptReport.API_TOKEN);
    }

    @Test
    void emptyReportBody() {
        assertThat(CareflexJson.writeEmptyReport("09ce3580d84bf087", "tok"))
                .isEqualTo("{\"careflexId\":\"09ce3580d84bf087\",\"apiToken\":\"tok\"}");
    }

    @Test
    void excerptResponseParsesAndJoins() throws Exception {
        String body = Samples.read("careflex-response-example.json").replace('\u201C', '"').replace('\u201D', '"');
        ReportResponse response = CareflexJson.parseResponse(body);

        assertThat(response.importId()).isEqualTo("8d2adbc0-4d63-4cec-a8f4-445b08a3e33e");
        List<AcceptedIncident> joined = CareflexJson.join(ExcerptReport.build(), response);
        assertThat(joined).extracting(AcceptedIncident::incidentId).containsExactly(
                "8ba8977c-a75b-4ec0-9798-7a7f14209720",
                "916aebfc-2feb-429b-8631-52703a195ad9",
                "e8b77933-2a31-404c-9e23-8b547b37068f");
        assertThat(joined.get(2).incident().type()).isEqualTo("WIK");
        assertThat(joined.get(2).row().externalId()).isNull();
    }

    @Test
    void responseRowsJoinByRowNumberNotPosition() throws Exception {
        Report sent = ExcerptReport.build();
        ReportResponse shuffled = new ReportResponse("imp", List.of(
                new ResponseRow(2, "c", null, "49239697103", "WIK"),
                new ResponseRow(0, "a", "1000", "49239697103", "NEW"),
                new ResponseRow(1, "b", "1234-xx", "12345678901", "SDB")));

        assertThat(CareflexJson.join(sent, shuffled)).extracting(AcceptedIncident::incidentId)
                .containsExactly("a", "b", "c");
    }

    @Test
    void missingRowIsAnError() {
        ReportResponse response = new ReportResponse("imp", List.of(
                new ResponseRow(0, "a", "1000", "49239697103", "NEW"),
                new ResponseRow(1, "b", "1234-xx", "12345678901", "SDB")));

        assertThatThrownBy(() -> CareflexJson.join(ExcerptReport.build(), response))
                .isInstanceOf(ResponseMismatchException.class).hasMessageContaining("rowNumber 2 is missing");
    }

    @Test
    void duplicateRowIsAnError() {
        ReportResponse response = new ReportResponse("imp", List.of(
                new ResponseRow(0, "a", "1000", "49239697103", "NEW"),
                new ResponseRow(0, "b", "1000", "49239697103", "NEW"),
                new ResponseRow(2, "c", null, "49239697103", "WIK")));

        assertThatThrownBy(() -> CareflexJson.join(ExcerptReport.build(), response))
                .isInstanceOf(ResponseMismatchException.class).hasMessageContaining("appears twice");
    }

    @Test
    void outOfRangeRowIsAnError() {
        ReportResponse response = new ReportResponse("imp", List.of(new ResponseRow(3, "a", null, null, null)));

        assertThatThrownBy(() -> CareflexJson.join(ExcerptReport.build(), response))
                .isInstanceOf(ResponseMismatchException.class).hasMessageContaining("outside");
    }

    @Test
    void rowForOtherEmployeeIsAnError() {
        ReportResponse response = new ReportResponse("imp", List.of(
                new ResponseRow(0, "a", "1000", "99999999999", "NEW"),
                new ResponseRow(1, "b", "1234-xx", "12345678901", "SDB"),
                new ResponseRow(2, "c", null, "49239697103", "WIK")));

        assertThatThrownBy(() -> CareflexJson.join(ExcerptReport.build(), response))
                .isInstanceOf(ResponseMismatchException.class).hasMessageContaining("employeeId");
    }

    @Test
    void unknownResponseFieldsAreIgnored() throws Exception {
        ReportResponse response = CareflexJson.parseResponse("{\"importId\":\"x\",\"extra\":1,"
                + "\"incidentResponseList\":[{\"rowNumber\":0,\"incidentId\":\"i\",\"note\":\"n\"}]}");

        assertThat(response.rows()).containsExactly(new ResponseRow(0, "i", null, null, null));
    }

    @Test
    void malformedResponsesAreErrors() {
        assertThatThrownBy(() -> CareflexJson.parseResponse("<html>Bad gateway</html>"))
                .isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> CareflexJson.parseResponse("{\"incidentResponseList\":[]}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("importId");
        assertThatThrownBy(() -> CareflexJson.parseResponse("{\"importId\":\"x\",\"incidentResponseList\":[{\"incidentId\":\"i\"}]}"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("rowNumber");
    }

    @Test
    void readReportRejectsClampableDate() {
        String body = "{\"careflexId\":\"c\",\"apiToken\":\"t\",\"incidentList\":[{\"type\":\"WIK\","
                + "\"employeeId\":\"49239697103\",\"createdAt\":\"2026-02-31\",\"validFrom\":\"2026-03-01\"}]}";

        assertThatThrownBy(() -> CareflexJson.readReport(body))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("incidentList[0].createdAt");
    }
}
