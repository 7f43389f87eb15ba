package de.meldedesk.remote;

import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Report;
import java.util.List;

/**
 * One request, ready to send: the report, the exact body that goes out (API
 * token included) and the masked body that may be stored and shown.
 * {@code part} counts from 1 up to {@code partCount} within one company. An
 * empty report has a report without incidents.
 */
public record PreparedRequest(
        Endpoint endpoint,
        Report report,
        int part,
        int partCount,
        String body,
        String maskedBody) {

    /** The CareFlex endpoint a request goes to. */
    public enum Endpoint {
        INCIDENT_NEW,
        INCIDENT_NONE
    }

    public String careflexId() {
        return report.careflexId();
    }

    public List<Incident> incidents() {
        return report.incidents();
    }

    /** Keeps the body, which contains the API token, out of logs. */
    @Override
    public String toString() {
        return "PreparedRequest[" + endpoint + ", careflexId=" + careflexId() + ", part " + part + "/" + partCount
                + ", incidents=" + incidents().size() + "]";
    }
}
