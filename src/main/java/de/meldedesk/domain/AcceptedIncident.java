package de.meldedesk.domain;

/** An incident that was sent, joined with the response row that carries its incident ID. */
public record AcceptedIncident(Incident incident, ResponseRow row) {

    public String incidentId() {
        return row.incidentId();
    }
}
