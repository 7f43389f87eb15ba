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

    /**
     * Returns the time before expiry from which the token is renewed before
     * use: {@code maxMargin}, or a fifth of its lifetime when that is shorter, so
     * that a server's 30 s token is not fetched again for every request.
     */
    public Duration renewMargin(Duration maxMargin) {
        Duration fifth = Duration.between(receivedAt, expiresAt).dividedBy(5);
        return fifth.compareTo(maxMargin) < 0 ? fifth : maxMargin;
    }

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
