package de.meldedesk.service.history;

import de.meldedesk.domain.IncidentStatus;

/** The outcomes a clerk can filter the history by. */
public enum Outcome {
    ACCEPTED,
    REJECTED,
    UNKNOWN,
    /** The request did not reach the portal or was not processed: not sent, retry later, sign-in failed. */
    FAILED;

    /** Returns whether a request outcome as stored (a {@code RequestOutcome} name, or null while pending) fits. */
    public boolean matchesRequest(String requestOutcome) {
        if (requestOutcome == null) {
            return this == UNKNOWN;
        }
        switch (this) {
            case ACCEPTED:
                return requestOutcome.equals("ACCEPTED");
            case REJECTED:
                return requestOutcome.equals("REJECTED");
            case UNKNOWN:
                return requestOutcome.equals("UNKNOWN");
            default:
                return !requestOutcome.equals("ACCEPTED") && !requestOutcome.equals("REJECTED")
                        && !requestOutcome.equals("UNKNOWN");
        }
    }

    /**
     * Returns the incident status that fits, or null for {@link #FAILED},
     * because incidents of a failed request go back to the drafts and are not
     * part of the history.
     */
    public IncidentStatus incidentStatus() {
        switch (this) {
            case ACCEPTED:
                return IncidentStatus.ACCEPTED;
            case REJECTED:
                return IncidentStatus.REJECTED;
            case UNKNOWN:
                return IncidentStatus.UNKNOWN;
            default:
                return null;
        }
    }
}
