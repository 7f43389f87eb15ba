package de.meldedesk.importing;

import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Text;
import java.time.LocalDate;

/**
 * The key under which an incident counts as already reported: the same
 * employee, incident type and start date. A service compares it against the
 * incidents in the database.
 */
public record DuplicateKey(String employeeId, String type, LocalDate validFrom) {

    /** Builds the key of an incident; blank texts become null, and types are compared in upper case. */
    public static DuplicateKey of(Incident incident) {
        String type = Text.clean(incident.type());
        return new DuplicateKey(Text.clean(incident.employeeId()),
                type == null ? null : type.toUpperCase(java.util.Locale.ROOT), incident.validFrom());
    }

    /** Returns whether every part of the key is known, so that a comparison means something. */
    public boolean complete() {
        return employeeId != null && type != null && validFrom != null;
    }
}
