package de.meldedesk.domain;

/**
 * The processing state of an incident. {@code SENDING} is written before a request
 * leaves; an incident still in that state at the next start was interrupted
 * and becomes {@code UNKNOWN}, never a draft again, because the portal may
 * have received it.
 */
public enum IncidentStatus {
    DRAFT,
    READY,
    SENDING,
    ACCEPTED,
    REJECTED,
    NOT_SENT,
    RETRY_LATER,
    UNKNOWN;

    /** Returns whether the incident may be edited and sent: it has not reached the portal as far as is known. */
    public boolean isEditable() {
        return this == DRAFT || this == READY || this == NOT_SENT || this == REJECTED || this == RETRY_LATER;
    }
}
