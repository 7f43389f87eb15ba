package de.meldedesk.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.logging.SecretRedactor;
import de.meldedesk.wire.CareflexJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests, stores and renews the access token (OAuth password grant). The token
 * lives in memory only and is renewed when less than {@link #RENEW_MARGIN},
 * or a fifth of its lifetime for a short-lived token, remains. Its expiry is computed from the local clock at the moment the token
 * response arrived, never from the server's {@code created_at}.
 */
public final class TokenManager {

    /** A token with less time left than this, or than a fifth of its lifetime, is renewed before it is used. */
    public static final Duration RENEW_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final HttpTransport http;
    private final URI tokenUrl;
    private final ServiceUser user;
    private final Clock clock;
    private final List<Consumer<TokenStatus>> listeners = new CopyOnWriteArrayList<>();
    private AccessToken token;

    TokenManager(HttpTransport http, URI tokenUrl, ServiceUser user, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.user = user;
        this.clock = clock;
        SecretRedactor.register(user.secret());
    }

    /** Returns the current status; a token that has already expired counts as signed out. */
    public synchronized TokenStatus status() {
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            return TokenStatus.SIGNED_OUT;
        }
        return new TokenStatus(true, token.expiresAt());
    }

    /** Registers a listener that is called on the requesting thread whenever a token is issued or dropped. */
    public void addListener(Consumer<TokenStatus> listener) {
        listeners.add(listener);
    }

    /** Forgets the token, so the next request fetches a new one. */
    public void signOut() {
        synchronized (this) {
            token = null;
        }
        notifyListeners(TokenStatus.SIGNED_OUT);
    }

    /**
     * Returns a token with at least its renewal margin left, requesting a new one when needed.
     *
     * @throws TokenRequestException when the token endpoint does not return a usable token
     */
    synchronized AccessToken validToken() throws TokenRequestException {
        if (token == null || token.expiresWithin(token.renewMargin(RENEW_MARGIN), clock.instant())) {
            if (token != null) {
                LOG.info("Access token expires at {}, requesting a new one", token.expiresAt());
            }
            fetch();
        }
        return token;
    }

    /**
     * Requests a new token after the server rejected {@code rejected} with 401.
     * When another request has renewed the token meanwhile, that newer token is returned.
     */
    synchronized AccessToken renewAfterRejection(AccessToken rejected) throws TokenRequestException {
        if (token == null || token == rejected) {
            LOG.info("The server rejected the access token (HTTP 401), requesting a new one");
            token = null;
            fetch();
        }
        return token;
    }

    private void fetch() throws TokenRequestException {
        ObjectNode body = CareflexJson.MAPPER.createObjectNode();
        body.put("grant_type", "password");
        body.put("username", user.userId());
        body.put("password", user.secret());
        HttpTransport.Reply reply;
        try {
            reply = http.post(tokenUrl, body.toString(), null);
        } catch (HttpTransport.TransportException e) {
            LOG.warn("Token request to {} failed: {}", tokenUrl, e.getMessage());
            throw new TokenRequestException("token request failed: " + e.getMessage(), RequestOutcome.NOT_SENT,
                    null, null, null, e);
        }
        int status = reply.status();
        if (status < 200 || status > 299) {
            RequestOutcome outcome = outcomeOfFailedTokenRequest(status);
            LOG.warn("Token request for service user {} returned HTTP {}, so no request is sent ({})",
                    user.userId(), status, outcome);
            throw new TokenRequestException("token endpoint returned HTTP " + status, outcome, status, reply.body(),
                    reply.retryAfter(), null);
        }
        Instant arrived = clock.instant();
        token = parse(reply.body(), arrived, status);
        SecretRedactor.register(token.value());
        LOG.info("Signed in as service user {}; the access token expires at {}", user.userId(), token.expiresAt());
        notifyListeners(new TokenStatus(true, token.expiresAt()));
    }

    /**
     * Maps a failed token response to the fate of the waiting incident request, which was not sent.
     * A 4xx status means rejected credentials (AUTH_FAILED), except 407, 408 and 429.
     */
    static RequestOutcome outcomeOfFailedTokenRequest(int status) {
        if (status == 407) {
            return RequestOutcome.PROXY_AUTH_REQUIRED;
        }
        if (status == 429 || status == 503) {
            return RequestOutcome.RETRY_LATER;
        }
        if (status >= 400 && status <= 499 && status != 408) {
            return RequestOutcome.AUTH_FAILED;
        }
        return RequestOutcome.NOT_SENT;
    }

    private static AccessToken parse(String body, Instant arrived, int status) throws TokenRequestException {
        JsonNode root;
        try {
            root = CareflexJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw unusable("the token response is not JSON", status);
        }
        if (root == null || !root.isObject()) {
            throw unusable("the token response is not a JSON object", status);
        }
        JsonNode value = root.get("access_token");
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw unusable("the token response has no access_token", status);
        }

        JsonNode expiresIn = root.get("expires_in");
        long seconds;
        if (expiresIn != null && expiresIn.isIntegralNumber()) {
            seconds = expiresIn.longValue();
        } else if (expiresIn != null && expiresIn.isTextual() && expiresIn.asText().matches("\\d{1,10}")) {
            seconds = Long.parseLong(expiresIn.asText());
        } else {
            throw unusable("the token response has no expires_in number", status);
        }
        if (seconds <= 0) {
            throw unusable("the token response has expires_in " + seconds, status);
        }

        JsonNode type = root.get("token_type");
        String tokenType = type == null || !type.isTextual() ? "Bearer" : type.asText();
        if (!tokenType.toLowerCase(Locale.ROOT).equals("bearer")) {
            LOG.warn("The token endpoint returned token_type {}; the token is sent as Bearer anyway", tokenType);
        }
        return new AccessToken(value.asText(), tokenType, arrived, arrived.plusSeconds(seconds));
    }

    /** Leaves the body out of the exception because an unusable token response may still contain a token. */
    private static TokenRequestException unusable(String reason, int status) {
        LOG.warn("Token response with HTTP {} is unusable: {}", status, reason);
        return new TokenRequestException(reason, RequestOutcome.NOT_SENT, status, null, null, null);
    }

    private void notifyListeners(TokenStatus status) {
        for (Consumer<TokenStatus> listener : listeners) {
            listener.accept(status);
        }
    }
}
