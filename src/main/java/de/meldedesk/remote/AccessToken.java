package de.meldedesk.remote;

import de.meldedesk.domain.Secrets;
import java.time.Duration;
import java.time.Instant;

/**
 * An access token held in memory only. {@code expiresAt} is the local time the
 * token response arrived plus {@code expires_in}; the server's
 * {@code created_at} is ignored so a skewed server clock does not matter.
 */
public record AccessToken(String value, String tokenType, Instant receivedAt, Instant expiresAt) {

    /** Returns whether less than {@code margin} remains before the token expires at {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    /** Keeps the token value out of logs and exception messages. */
    @Override
    public String toString() {
        return "AccessToken[value=" + Secrets.MASK + ", type=" + tokenType + ", expiresAt=" + expiresAt + "]";
    }
}
