package de.meldedesk.remote;

/**
 * The token endpoint did not return a usable access token. The outcome states
 * what happened to the incident request that needed the token: it
 * was never sent.
 */
public class TokenRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RequestOutcome outcome;
    private final Integer httpStatus;
    private final String responseBody;
    private final String retryAfter;

    public TokenRequestException(String message, RequestOutcome outcome, Integer httpStatus, String responseBody,
            String retryAfter, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.responseBody = responseBody;
        this.retryAfter = retryAfter;
    }

    /** Returns AUTH_FAILED, PROXY_AUTH_REQUIRED, RETRY_LATER or NOT_SENT. */
    public RequestOutcome outcome() {
        return outcome;
    }

    /** Returns the HTTP status of the token response, or null when none arrived. */
    public Integer httpStatus() {
        return httpStatus;
    }

    public String responseBody() {
        return responseBody;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
