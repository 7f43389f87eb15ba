package de.meldedesk.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Report;
import de.meldedesk.domain.ReportResponse;
import de.meldedesk.domain.Secrets;
import de.meldedesk.domain.validation.ReportValidator;
import de.meldedesk.logging.SecretRedactor;
import de.meldedesk.wire.CareflexJson;
import de.meldedesk.wire.ResponseMismatchException;
import de.meldedesk.wire.WireFormatException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of the CareFlex REST interface. It plans requests of at most
 * {@link ReportValidator#MAX_INCIDENTS} incidents per company, sends each one
 * once (twice only when a 401 makes it renew the token and repeat the request),
 * and classifies every outcome from what was observed. Methods block; call them
 * off the UI thread. One instance may be shared by several threads.
 */
public final class CareflexClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CareflexClient.class);

    private final ConnectionProfile profile;
    private final Clock clock;
    private final HttpTransport http;
    private final TokenManager tokens;

    private CareflexClient(Builder builder) {
        this.profile = builder.profile;
        this.clock = builder.clock;
        this.http = new HttpTransport(builder.profile, builder.timeouts, builder.proxySelector);
        this.tokens = new TokenManager(http, builder.profile.tokenUrl(), builder.serviceUser, builder.clock);
    }

    public static Builder builder(ConnectionProfile profile, ServiceUser serviceUser) {
        return new Builder(profile, serviceUser);
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public TokenStatus tokenStatus() {
        return tokens.status();
    }

    /** Registers a listener for sign-in changes, e.g. to show "signed in, token expires at …". */
    public void addTokenListener(Consumer<TokenStatus> listener) {
        tokens.addListener(listener);
    }

    /**
     * Requests an access token now unless a valid one is held, to check the
     * credentials and the connection before anything is sent.
     *
     * @throws TokenRequestException when no token could be obtained
     */
    public TokenStatus signIn() throws TokenRequestException {
        tokens.validToken();
        return tokens.status();
    }

    public void signOut() {
        tokens.signOut();
    }

    /**
     * Groups the incidents by CareFlex ID (first appearance decides the order of
     * the companies, and incidents keep their order) and splits each group into
     * requests of at most {@link ReportValidator#MAX_INCIDENTS}. A company without
     * incidents gets no request: that company needs {@link #sendEmptyReport} instead.
     *
     * @throws IllegalArgumentException when a CareFlex ID or the API token is missing
     */
    public List<PreparedRequest> plan(List<CompanyIncidents> companies, String apiToken) {
        requireApiToken(apiToken);
        Map<String, List<Incident>> groups = new LinkedHashMap<>();
        for (CompanyIncidents company : companies) {
            String careflexId = company.careflexId();
            if (careflexId == null || careflexId.isBlank()) {
                throw new IllegalArgumentException("a CareFlex ID is missing");
            }
            groups.computeIfAbsent(careflexId, id -> new ArrayList<>()).addAll(company.incidents());
        }
        List<PreparedRequest> requests = new ArrayList<>();
        for (Map.Entry<String, List<Incident>> group : groups.entrySet()) {
            List<Incident> incidents = group.getValue();
            int max = ReportValidator.MAX_INCIDENTS;
            int partCount = (incidents.size() + max - 1) / max;
            for (int part = 0; part < partCount; part++) {
                List<Incident> slice = incidents.subList(part * max, Math.min(incidents.size(), (part + 1) * max));
                Report report = new Report(group.getKey(), apiToken, slice);
                requests.add(new PreparedRequest(PreparedRequest.Endpoint.INCIDENT_NEW, report, part + 1, partCount,
                        CareflexJson.writeReport(report), CareflexJson.writeReportMasked(report)));
            }
        }
        return requests;
    }

    /** Plans and sends all requests one after another; see {@link #submitPlanned}. */
    public List<RequestResult> submit(List<CompanyIncidents> companies, String apiToken, SubmitListener listener) {
        return submitPlanned(plan(companies, apiToken), listener);
    }

    /**
     * Sends the requests one after another. After an outcome that would hit every
     * further request as well (AUTH_FAILED, PROXY_AUTH_REQUIRED, NOT_SENT,
     * RETRY_LATER) the rest are not sent and get NOT_SENT results with 0 attempts.
     */
    public List<RequestResult> submitPlanned(List<PreparedRequest> requests, SubmitListener listener) {
        List<RequestResult> results = new ArrayList<>();
        RequestResult stopper = null;
        for (int i = 0; i < requests.size(); i++) {
            PreparedRequest request = requests.get(i);
            RequestResult result;
            if (stopper == null) {
                listener.beforeSend(request, i, requests.size());
                result = send(request);
                if (stopsSubmission(result.outcome()) && i + 1 < requests.size()) {
                    stopper = result;
                    LOG.warn("Stopping the submission after request {} of {} ended with {}; {} requests are not sent",
                            i + 1, requests.size(), result.outcome(), requests.size() - i - 1);
                }
            } else {
                result = skipped(request, "not sent because an earlier request ended with " + stopper.outcome());
            }
            results.add(result);
            listener.afterSend(result, i, requests.size());
        }
        return results;
    }

    /** Sends one planned request and classifies its outcome. Network and server failures become outcomes. */
    public RequestResult send(PreparedRequest request) {
        URI url = request.endpoint() == PreparedRequest.Endpoint.INCIDENT_NEW
                ? profile.incidentNewUrl()
                : profile.incidentNoneUrl();
        SecretRedactor.register(request.report().apiToken());
        Attempt attempt = new Attempt(request, clock.instant(), System.nanoTime());
        RequestResult result = exchange(url, attempt);
        LOG.info("{} for company {} (part {}/{}, {} incidents): HTTP {} in {} ms, outcome {}{}",
                request.endpoint(), request.careflexId(), request.part(), request.partCount(),
                request.incidents().size(), result.httpStatus() == null ? "-" : result.httpStatus(),
                result.duration().toMillis(), result.outcome(),
                result.errorText() == null ? "" : " (" + result.errorText() + ")");
        return result;
    }

    /** Sends the empty report of {@code incident/none} for a company that had no incident. */
    public RequestResult sendEmptyReport(String careflexId, String apiToken) {
        if (careflexId == null || careflexId.isBlank()) {
            throw new IllegalArgumentException("the CareFlex ID is missing");
        }
        requireApiToken(apiToken);
        Report report = new Report(careflexId, apiToken, List.of());
        PreparedRequest request = new PreparedRequest(PreparedRequest.Endpoint.INCIDENT_NONE, report, 1, 1,
                CareflexJson.writeEmptyReport(careflexId, apiToken),
                CareflexJson.writeEmptyReport(careflexId, Secrets.mask(apiToken)));
        return send(request);
    }

    private RequestResult exchange(URI url, Attempt attempt) {
        AccessToken token;
        try {
            token = tokens.validToken();
        } catch (TokenRequestException e) {
            return attempt.fromTokenFailure(e, 0);
        }
        HttpTransport.Reply reply;
        try {
            reply = http.post(url, attempt.request.body(), token.value());
            attempt.count++;
            if (reply.status() == 401) {
                LOG.info("{} for company {} returned HTTP 401; renewing the token and repeating the request once",
                        attempt.request.endpoint(), attempt.request.careflexId());
                try {
                    token = tokens.renewAfterRejection(token);
                } catch (TokenRequestException e) {
                    return attempt.fromTokenFailure(e, attempt.count);
                }
                reply = http.post(url, attempt.request.body(), token.value());
                attempt.count++;
            }
        } catch (HttpTransport.TransportException e) {
            attempt.count++;
            RequestOutcome outcome = e.bodyStarted() ? RequestOutcome.UNKNOWN : RequestOutcome.NOT_SENT;
            String text = e.bodyStarted()
                    ? "connection lost or timed out after the request was sent: " + e.getMessage()
                    : "the connection failed before the request was sent: " + e.getMessage();
            return attempt.finish(null, null, outcome, null, text, null, List.of());
        }
        return classify(attempt, reply);
    }

    private RequestResult classify(Attempt attempt, HttpTransport.Reply reply) {
        int status = reply.status();
        String body = reply.body();
        if (status >= 200 && status <= 299) {
            return accepted(attempt, reply);
        }
        if (status == 401) {
            return attempt.finish(status, body, RequestOutcome.AUTH_FAILED, null,
                    "the server rejected a freshly issued access token (HTTP 401 twice)", null, List.of());
        }
        if (status == 407) {
            return attempt.finish(status, body, RequestOutcome.PROXY_AUTH_REQUIRED, null,
                    "the proxy needs authentication (HTTP 407)", null, List.of());
        }
        if (status == 429 || status == 503) {
            return attempt.finish(status, body, RequestOutcome.RETRY_LATER, reply.retryAfter(),
                    "the server asks to try again later (HTTP " + status + ")", null, List.of());
        }
        if (status >= 400 && status <= 499 && status != 408) {
            return attempt.finish(status, body, RequestOutcome.REJECTED, null,
                    "the server rejected the request (HTTP " + status + ")", null, List.of());
        }
        String reason = status >= 300 && status <= 399
                ? "the server answered with a redirect (HTTP " + status + "), which is not followed"
                : "the server answered HTTP " + status + ", so it is unknown whether it processed the request";
        return attempt.finish(status, body, RequestOutcome.UNKNOWN, null, reason, null, List.of());
    }

    private RequestResult accepted(Attempt attempt, HttpTransport.Reply reply) {
        int status = reply.status();
        PreparedRequest request = attempt.request;
        if (request.endpoint() == PreparedRequest.Endpoint.INCIDENT_NONE) {
            return attempt.finish(status, reply.body(), RequestOutcome.ACCEPTED, null, null,
                    importIdOrNull(reply.body()), List.of());
        }
        try {
            ReportResponse response = CareflexJson.parseResponse(reply.body());
            List<AcceptedIncident> joined = CareflexJson.join(request.report(), response);
            return attempt.finish(status, reply.body(), RequestOutcome.ACCEPTED, null, null, response.importId(),
                    joined);
        } catch (WireFormatException | ResponseMismatchException e) {
            return attempt.finish(status, reply.body(), RequestOutcome.UNKNOWN, null,
                    "the server answered HTTP " + status + " but the response does not match the request: "
                            + e.getMessage(), null, List.of());
        }
    }

    /** Reads {@code importId} from an {@code incident/none} response, whose shape the interface does not fix. */
    private static String importIdOrNull(String body) {
        try {
            JsonNode root = CareflexJson.MAPPER.readTree(body);
            JsonNode importId = root == null ? null : root.get("importId");
            return importId != null && importId.isTextual() ? importId.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private RequestResult skipped(PreparedRequest request, String reason) {
        Instant now = clock.instant();
        return new RequestResult(request, request.maskedBody(), null, null, now, now, Duration.ZERO,
                RequestOutcome.NOT_SENT, null, reason, null, List.of(), 0);
    }

    private static boolean stopsSubmission(RequestOutcome outcome) {
        return outcome == RequestOutcome.AUTH_FAILED || outcome == RequestOutcome.PROXY_AUTH_REQUIRED
                || outcome == RequestOutcome.NOT_SENT || outcome == RequestOutcome.RETRY_LATER;
    }

    private static void requireApiToken(String apiToken) {
        if (apiToken == null || apiToken.isEmpty()) {
            throw new IllegalArgumentException("the API token is missing");
        }
        SecretRedactor.register(apiToken);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.warn("Closing the HTTP client failed", e);
        }
    }

    /** Timestamps and the attempt count of one request while it runs. */
    private final class Attempt {

        private final PreparedRequest request;
        private final Instant startedAt;
        private final long startNanos;
        private int count;

        private Attempt(PreparedRequest request, Instant startedAt, long startNanos) {
            this.request = request;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        private RequestResult finish(Integer status, String body, RequestOutcome outcome, String retryAfter,
                String errorText, String importId, List<AcceptedIncident> accepted) {
            Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
            return new RequestResult(request, request.maskedBody(), status, body, startedAt, clock.instant(),
                    duration, outcome, retryAfter, errorText, importId, accepted, count);
        }

        private RequestResult fromTokenFailure(TokenRequestException e, int attempts) {
            count = attempts;
            return finish(e.httpStatus(), e.responseBody(), e.outcome(), e.retryAfter(),
                    "no access token: " + e.getMessage(), null, List.of());
        }
    }

    /** Settings of a client; only the profile and the service user are required. */
    public static final class Builder {

        private final ConnectionProfile profile;
        private final ServiceUser serviceUser;
        private Clock clock = Clock.systemUTC();
        private ClientTimeouts timeouts = ClientTimeouts.DEFAULT;
        private ProxySelector proxySelector;

        private Builder(ConnectionProfile profile, ServiceUser serviceUser) {
            this.profile = Objects.requireNonNull(profile, "profile");
            this.serviceUser = Objects.requireNonNull(serviceUser, "serviceUser");
        }

        /** Sets the clock that decides token expiry and result timestamps. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder timeouts(ClientTimeouts value) {
            this.timeouts = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Sets the proxy selector used when the profile names no proxy; by default
         * it is the JVM's, which follows the operating system's settings when
         * {@code java.net.useSystemProxies} is true.
         */
        public Builder systemProxies(ProxySelector value) {
            this.proxySelector = value;
            return this;
        }

        /**
         * Creates the client.
         *
         * @throws InvalidProfileException when an extra CA file of the profile cannot be read
         */
        public CareflexClient build() {
            if (proxySelector == null) {
                proxySelector = ProxySelector.getDefault();
            }
            return new CareflexClient(this);
        }
    }
}
