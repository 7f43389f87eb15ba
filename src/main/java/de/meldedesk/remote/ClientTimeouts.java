package de.meldedesk.remote;

import java.time.Duration;

/**
 * Limits for one request: {@code connect} to open the connection, {@code response}
 * for each wait on the server while reading, {@code overall} for the whole request.
 */
public record ClientTimeouts(Duration connect, Duration response, Duration overall) {

    /** Connect 10 s, response 60 s, overall 90 s. */
    public static final ClientTimeouts DEFAULT =
            new ClientTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(90));

    public ClientTimeouts {
        requirePositive("connect", connect);
        requirePositive("response", response);
        requirePositive("overall", overall);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive, not " + value);
        }
    }
}
