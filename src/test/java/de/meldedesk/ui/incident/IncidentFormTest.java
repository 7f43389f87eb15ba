package de.meldedesk.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.testsupport.ExcerptReport;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private final IncidentForm form = new IncidentForm(IncidentTypeCatalogue.builtIn(), () -> TODAY);

    private void fillValidNew() {
        form.field(IncidentField.TYPE).set("NEW");
        form.field(IncidentField.EMPLOYEE_ID).set("85291703420");
        form.field(IncidentField.CREATED_AT).set("04.12.2026");
        form.field(IncidentField.VALID_FROM).set("1.1.2027");
        form.field(IncidentField.FIRST_NAME).set("Käthe");
        form.field(IncidentField.LAST_NAME).set("Öztürk");
        form.field(IncidentField.BIRTHDAY).set("03.06.93");
        form.field(IncidentField.SEX).set("d");
        form.field(IncidentField.STREET).set("Industriestraße");
        form.field(IncidentField.HOUSE_NUMBER).set("7-52");
        form.field(IncidentField.ZIP_CODE).set("01067");
        form.field(IncidentField.CITY).set("Dresden");
        form.field(IncidentField.COUNTRY).set("DE");
        form.field(IncidentField.EMPLOYMENT_STATUS).set("T");
        form.field(IncidentField.START_OF_EMPLOYMENT).set("20.04.2022");
    }

    @Test
    void emptyFormHasErrors() {
        assertThat(form.hasErrorsProperty().get()).isTrue();
        assertThat(form.problemsFor(IncidentField.EMPLOYEE_ID)).isNotEmpty();
    }

    @Test
    void validNewHasNoErrors() {
        fillValidNew();

        assertThat(form.problems()).noneMatch(Problem::isError);
        assertThat(form.hasErrorsProperty().get()).isFalse();
        Incident incident = form.read().incident();
        assertThat(incident.employee().birthday()).isEqualTo(LocalDate.of(1993, 6, 3));
        assertThat(incident.validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void impossibleDateIsKeptAndReported() {
        fillValidNew();
        form.field(IncidentField.VALID_FROM).set("31.02.2026");

        assertThat(form.problemsFor(IncidentField.VALID_FROM)).singleElement()
                .extracting(Problem::key).isEqualTo("date.invalidDay");
        assertThat(form.read().invalidInput()).containsEntry("validFrom", "31.02.2026");
        assertThat(form.read().incident().validFrom()).isNull();
        assertThat(form.hasErrorsProperty().get()).isTrue();
    }

    @Test
    void badZipAndMissingLastName() {
        fillValidNew();
        form.field(IncidentField.ZIP_CODE).set("1067");
        form.field(IncidentField.LAST_NAME).set(" ");

        assertThat(form.problemsFor(IncidentField.ZIP_CODE)).extracting(Problem::key)
                .containsExactly("problem.zipCode.lostZero");
        assertThat(form.problemsFor(IncidentField.LAST_NAME)).extracting(Problem::key)
                .containsExactly("problem.required");
    }

    @Test
    void loadShowsInvalidTextAsTyped() {
        Incident excerpt = ExcerptReport.build().incidents().get(0);

        form.load(excerpt, Map.of("employee.birthday", "31.02.1979"));

        assertThat(form.field(IncidentField.FIRST_NAME).get()).isEqualTo("Thomas");
        assertThat(form.field(IncidentField.BIRTHDAY).get()).isEqualTo("31.02.1979");
        assertThat(form.field(IncidentField.VALID_FROM).get()).isEqualTo("24.10.2020");
        assertThat(form.problemsFor(IncidentField.BIRTHDAY)).extracting(Problem::key).containsExactly("date.invalidDay");
    }

    @Test
    void twoDigitBirthYearIsCompletedToPast() {
        fillValidNew();
        form.field(IncidentField.BIRTHDAY).set("15.01.79");

        assertThat(form.read().completedDates()).containsEntry("employee.birthday", LocalDate.of(1979, 1, 15));
    }
}
