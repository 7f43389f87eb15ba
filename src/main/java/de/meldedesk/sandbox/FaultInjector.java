package de.meldedesk.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Decides which fault, if any, hits the next incident request: first the
 * faults queued by a test, in order, then the configured random rates.
 */
final class FaultInjector {

    /** The kind of fault injected into one incident request. */
    enum Kind {
        /** Responds with the given status (and Retry-After for 429 and 503) before processing. */
        STATUS,
        /** Responds with 401 as if the access token were invalid. */
        UNAUTHORIZED,
        /** Responds with 400 and a validation error although the body is valid. */
        REJECT,
        /** Process and journal the request, then close the connection without a response. */
        DROP
    }

    record Fault(Kind kind, int status) {
    }

    private final Deque<Fault> forced = new ArrayDeque<>();
    private final Random random;
    private final double fail503Rate;
    private final double dropRate;

    FaultInjector(long seed, double fail503Rate, double dropRate) {
        this.random = new Random(seed);
        this.fail503Rate = fail503Rate;
        this.dropRate = dropRate;
    }

    synchronized void force(Kind kind, int status, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, not " + times);
        }
        for (int i = 0; i < times; i++) {
            forced.addLast(new Fault(kind, status));
        }
    }

    /** Returns the fault for the next request, or null for a normal response. */
    synchronized Fault next() {
        if (!forced.isEmpty()) {
            return forced.removeFirst();
        }
        // Both numbers are drawn on every request so that one rate does not shift the sequence of the other.
        double failDraw = random.nextDouble();
        double dropDraw = random.nextDouble();
        if (failDraw < fail503Rate) {
            return new Fault(Kind.STATUS, 503);
        }
        if (dropDraw < dropRate) {
            return new Fault(Kind.DROP, 0);
        }
        return null;
    }
}
