package de.meldedesk.remote;

import de.meldedesk.domain.Secrets;

/** The service-user credentials that are exchanged for an access token. */
public record ServiceUser(String userId, String secret) {

    public ServiceUser {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("service user ID is missing");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("service user secret is missing");
        }
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "ServiceUser[userId=" + userId + ", secret=" + Secrets.MASK + "]";
    }
}
