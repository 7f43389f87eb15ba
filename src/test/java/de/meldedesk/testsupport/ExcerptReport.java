package de.meldedesk.testsupport;

import de.meldedesk.domain.Address;
import de.meldedesk.domain.Contact;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Job;
import de.meldedesk.domain.Report;
import java.time.LocalDate;
import java.util.List;

/** The request example of the REST description, built field by field from the model. */
public final class ExcerptReport {

    public static final String CAREFLEX_ID = "09ce3580d84bf087";
    public static final String API_TOKEN = "maL0HMDszA2b9PKiqCAZRGh0ZDpVjmvc";

    private ExcerptReport() {
    }

    public static Report build() {
        Employee thomas = new Employee("Prof. Dr.", "Thomas", "Mustermann", LocalDate.of(1979, 1, 15), "m",
                new Address("Muster Street", "9", "c/o Max Hauptmieter", "01234", "Musterstadt", "DE"),
                new Job("Branch 1", "T", LocalDate.of(2020, 4, 24), "string", false),
                new Contact("thomas.mustermann@musterfirma.de", "0123 12345678", "030 12345678"));
        Incident first = new Incident("1000", "NEW", "49239697103",
                LocalDate.of(2020, 10, 24), LocalDate.of(2020, 10, 24), thomas);
        Incident second = new Incident("1234-xx", "SDB", "12345678901", LocalDate.of(2021, 6, 30),
                LocalDate.of(2021, 7, 1),
                new Employee(null, "Thomas", "Mustermann", null, null, null, null, null));
        Incident third = new Incident(null, "WIK", "49239697103",
                LocalDate.of(2020, 9, 24), LocalDate.of(2020, 8, 24), null);
        return new Report(CAREFLEX_ID, API_TOKEN, List.of(first, second, third));
    }
}
