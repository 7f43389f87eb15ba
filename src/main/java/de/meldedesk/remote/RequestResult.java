package de.meldedesk.remote;

import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The record of one request. {@code sentBodyMasked} is the body as sent with
 * the API token masked, for storage; {@code responseBody} is the body as
 * received. {@code httpStatus} is null when no response arrived. {@code accepted}
 * contains every incident joined with its response row and is empty unless the
 * outcome is {@link RequestOutcome#ACCEPTED}. {@code attempts} is 2 when a 401
 * made the client renew the token and repeat the request, and 0 when the
 * request was never sent.
 */
public record RequestResult(
        PreparedRequest request,
        String sentBodyMasked,
        Integer httpStatus,
        String responseBody,
        Instant startedAt,
        Instant finishedAt,
        Duration duration,
        RequestOutcome outcome,
        String retryAfter,
        String errorText,
        String importId,
        List<AcceptedIncident> accepted,
        int attempts) {

    public RequestResult {
        accepted = List.copyOf(accepted);
    }

    /** Returns the Retry-After value as a delay when the server sent it in seconds. */
    public Optional<Duration> retryAfterDelay() {
        if (retryAfter == null || !retryAfter.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
    }

    /** Formats what happened as a sentence for the clerk. */
    public String describe(Locale locale) {
        String detail = errorText == null ? "" : errorText;
        switch (outcome) {
            case ACCEPTED:
                return Messages.format(locale, "remote.outcome.accepted", importId == null ? "-" : importId);
            case REJECTED:
                return Messages.format(locale, "remote.outcome.rejected", httpStatus, responseBody);
            case NOT_SENT:
                return Messages.format(locale, "remote.outcome.notSent", detail);
            case RETRY_LATER:
                return retryAfter == null
                        ? Messages.format(locale, "remote.outcome.retryLater", httpStatus)
                        : Messages.format(locale, "remote.outcome.retryLaterAfter", httpStatus, retryAfter);
            case AUTH_FAILED:
                return Messages.format(locale, "remote.outcome.authFailed");
            case PROXY_AUTH_REQUIRED:
                return Messages.format(locale, "remote.outcome.proxyAuthRequired");
            case UNKNOWN:
            default:
                return Messages.format(locale, "remote.outcome.unknown", detail);
        }
    }
}
