package de.meldedesk.remote;

import de.meldedesk.domain.Incident;
import java.util.List;

/** The incidents of one company, named by its CareFlex ID, in the order they are to be sent. */
public record CompanyIncidents(String careflexId, List<Incident> incidents) {

    public CompanyIncidents {
        incidents = List.copyOf(incidents);
    }
}
