package de.meldedesk.domain;

import java.util.List;

/**
 * The body of one {@code incident/new} request: the incidents of one company,
 * with the API token of the managing company.
 */
public record Report(String careflexId, String apiToken, List<Incident> incidents) {

    public Report {
        incidents = List.copyOf(incidents);
    }

    /** Keeps the API token out of logs and exception messages. */
    @Override
    public String toString() {
        return "Report[careflexId=" + careflexId + ", apiToken=" + Secrets.MASK
                + ", incidents=" + incidents.size() + "]";
    }
}
