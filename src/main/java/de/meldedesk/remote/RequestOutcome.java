package de.meldedesk.remote;

/**
 * How one request ended, decided only from what was observed. A request whose
 * fate cannot be determined is {@link #UNKNOWN} and must not be resent without a check.
 */
public enum RequestOutcome {
    /** A 2xx status with a body that matches what was sent. */
    ACCEPTED,
    /** A 4xx status other than 401, 407, 408 and 429: the server rejected the content. */
    REJECTED,
    /** The request body never left this computer (connection refused, DNS or TLS failure): safe to send again. */
    NOT_SENT,
    /** A 429 or 503 status: the server requests a retry later, perhaps with a Retry-After value. */
    RETRY_LATER,
    /** A timeout or lost connection after the body was sent, a 5xx status, or a 2xx status with an unusable body. */
    UNKNOWN,
    /** The token endpoint rejected the credentials, or the incident endpoint returned 401 twice. */
    AUTH_FAILED,
    /** The proxy returned 407: it needs authentication, which this client does not send. */
    PROXY_AUTH_REQUIRED;

    /** Returns whether the same request may be sent again without the risk of a duplicate. */
    public boolean safeToResend() {
        return this != ACCEPTED && this != UNKNOWN;
    }
}
