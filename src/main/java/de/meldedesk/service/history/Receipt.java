package de.meldedesk.service.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of a receipt ("Übermittlungsbeleg"), taken from the portal's
 * stored response joined with the stored request. {@code rowNumber} is the
 * 0-based {@code rowNumber} of the response.
 */
public record Receipt(
        long submissionId,
        String companyName,
        String careflexId,
        Instant sentAt,
        String profileName,
        String importId,
        List<Row> rows) {

    public Receipt {
        rows = List.copyOf(rows);
    }

    /** One incident that the portal accepted, with the incident ID it assigned. */
    public record Row(int rowNumber, String employeeId, String name, String type, LocalDate validFrom,
            String incidentId) {
    }
}
