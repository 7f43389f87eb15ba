package de.meldedesk.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the sandbox server. Rates are probabilities from 0 to 1 drawn
 * from a generator seeded with {@code seed}, so a run with the same seed and
 * the same requests injects the same faults. {@code journalFile} may be null.
 */
public record SandboxConfig(
        int port,
        String serviceUserId,
        String serviceSecret,
        Duration tokenTtl,
        Duration latency,
        double fail503Rate,
        int retryAfterSeconds,
        double dropAfterProcessingRate,
        Path journalFile,
        long seed,
        Clock clock) {

    public static final String DEFAULT_USER = "sandbox";
    public static final String DEFAULT_SECRET = "sandbox-secret";
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(12);

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(serviceUserId, "serviceUserId");
        Objects.requireNonNull(serviceSecret, "serviceSecret");
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("token TTL must be positive, not " + tokenTtl);
        }
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, not " + latency);
        }
        checkRate("fail-503 rate", fail503Rate);
        checkRate("drop-after-processing rate", dropAfterProcessingRate);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative, not " + retryAfterSeconds);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the defaults: a free port, user {@code sandbox}, secret {@code sandbox-secret}, 12 h tokens, no faults. */
    public static SandboxConfig defaults() {
        return builder().build();
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
        }
    }

    /** Builds a {@link SandboxConfig}; every setting starts at its default. */
    public static final class Builder {

        private int port;
        private String serviceUserId = DEFAULT_USER;
        private String serviceSecret = DEFAULT_SECRET;
        private Duration tokenTtl = DEFAULT_TOKEN_TTL;
        private Duration latency = Duration.ZERO;
        private double fail503Rate;
        private int retryAfterSeconds = 30;
        private double dropAfterProcessingRate;
        private Path journalFile;
        private long seed = 1;
        private Clock clock = Clock.systemUTC();

        /** Sets the TCP port on 127.0.0.1; 0 picks a free one. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder serviceUser(String userId, String secret) {
            serviceUserId = userId;
            serviceSecret = secret;
            return this;
        }

        public Builder tokenTtl(Duration value) {
            tokenTtl = value;
            return this;
        }

        /** Sets the delay added before every response. */
        public Builder latency(Duration value) {
            latency = value;
            return this;
        }

        /** Sets the share of incident requests that get 503 and Retry-After before any processing. */
        public Builder fail503Rate(double value) {
            fail503Rate = value;
            return this;
        }

        /** Sets the Retry-After value, in seconds, sent with every 503 and 429. */
        public Builder retryAfterSeconds(int value) {
            retryAfterSeconds = value;
            return this;
        }

        /** Sets the share of incident requests that are processed and journaled but get no response. */
        public Builder dropAfterProcessingRate(double value) {
            dropAfterProcessingRate = value;
            return this;
        }

        /** Sets a file that receives one JSON line per accepted report or empty report. */
        public Builder journalFile(Path value) {
            journalFile = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Sets the clock that issues tokens, checks their expiry and writes {@code created_at}. */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(port, serviceUserId, serviceSecret, tokenTtl, latency, fail503Rate,
                    retryAfterSeconds, dropAfterProcessingRate, journalFile, seed, clock);
        }
    }
}
