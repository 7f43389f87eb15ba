package de.meldedesk.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.AcceptedIncident;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.Report;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxEndpoint;
import de.meldedesk.sandbox.SandboxJournal;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.ExcerptReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CareflexClientSandboxTest {

    private SandboxServer sandbox;
    private CareflexClient client;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
        client = SandboxClients.client(sandbox);
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.stop();
    }

    private RequestResult sendExcerpt() {
        Report excerpt = ExcerptReport.build();
        List<PreparedRequest> plan = client.plan(
                List.of(new CompanyIncidents(excerpt.careflexId(), excerpt.incidents())), excerpt.apiToken());
        assertThat(plan).hasSize(1);
        return client.send(plan.get(0));
    }

    @Test
    void excerptReportJoinedEndToEnd() {
        RequestResult result = sendExcerpt();

        assertThat(result.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.accepted()).hasSize(3);
        assertThat(result.accepted().get(0).incident().externalId()).isEqualTo("1000");
        assertThat(result.accepted().get(2).row().externalId()).isNull();
        SandboxJournal.Report journaled = sandbox.journal().reports().get(0);
        assertThat(result.importId()).isEqualTo(journaled.importId());
        assertThat(result.accepted().stream().map(AcceptedIncident::incidentId).collect(Collectors.toList()))
                .containsExactlyElementsOf(journaled.rows().stream().map(SandboxJournal.Row::incidentId)
                        .collect(Collectors.toList()));
        assertThat(journaled.careflexId()).isEqualTo(ExcerptReport.CAREFLEX_ID);
    }

    @Test
    void resultKeepsMaskedBodyAndTimes() {
        RequestResult result = sendExcerpt();

        assertThat(result.sentBodyMasked()).doesNotContain(ExcerptReport.API_TOKEN).contains("09ce3580d84bf087");
        assertThat(result.request().body()).contains(ExcerptReport.API_TOKEN);
        assertThat(result.responseBody()).contains(result.importId());
        assertThat(result.finishedAt()).isAfterOrEqualTo(result.startedAt());
        assertThat(result.duration()).isPositive();
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void twoCompaniesSplitIntoChunksInOrder() {
        List<Incident> first = SandboxClients.incidents("a", 180);
        List<Incident> second = SandboxClients.incidents("b", 70);
        List<CompanyIncidents> companies = List.of(new CompanyIncidents("company-a", first),
                new CompanyIncidents("company-b", second));

        List<RequestResult> results = client.submit(companies, ExcerptReport.API_TOKEN, SubmitListener.NONE);

        assertThat(results).extracting(r -> r.request().incidents().size()).containsExactly(100, 80, 70);
        assertThat(results).extracting(r -> r.request().careflexId())
                .containsExactly("company-a", "company-a", "company-b");
        assertThat(results).extracting(RequestResult::outcome).containsOnly(RequestOutcome.ACCEPTED);
        assertThat(results.get(1).request().incidents().get(0).externalId()).isEqualTo("a-100");
        List<SandboxJournal.Report> journal = sandbox.journal().reports();
        assertThat(journal).extracting(r -> r.rows().size()).containsExactly(100, 80, 70);
        assertThat(journal.get(1).rows().get(79).externalId()).isEqualTo("a-179");
        assertThat(journal.get(2).rows().get(0).externalId()).isEqualTo("b-0");
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(3);
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(1);
    }

    @Test
    void planMergesRepeatedCompanyAndSkipsEmptyOne() {
        List<CompanyIncidents> companies = List.of(
                new CompanyIncidents("company-a", SandboxClients.incidents("a", 60)),
                new CompanyIncidents("company-b", List.of()),
                new CompanyIncidents("company-a", SandboxClients.incidents("c", 60)));

        List<PreparedRequest> plan = client.plan(companies, ExcerptReport.API_TOKEN);

        assertThat(plan).extracting(p -> p.incidents().size()).containsExactly(100, 20);
        assertThat(plan.get(0).incidents().get(60).externalId()).isEqualTo("c-0");
        assertThat(plan).extracting(PreparedRequest::part).containsExactly(1, 2);
        assertThat(plan).extracting(PreparedRequest::partCount).containsExactly(2, 2);
    }

    @Test
    void listenerSeesEveryRequestBeforeSending() {
        List<String> events = new ArrayList<>();
        SubmitListener listener = new SubmitListener() {
            @Override
            public void beforeSend(PreparedRequest request, int index, int total) {
                events.add("before " + index + "/" + total + " journal=" + sandbox.journal().reports().size());
            }

            @Override
            public void afterSend(RequestResult result, int index, int total) {
                events.add("after " + index + " " + result.outcome());
            }
        };

        client.submit(List.of(new CompanyIncidents("company-a", SandboxClients.incidents("a", 150))),
                ExcerptReport.API_TOKEN, listener);

        assertThat(events).containsExactly("before 0/2 journal=0", "after 0 ACCEPTED",
                "before 1/2 journal=1", "after 1 ACCEPTED");
    }

    @Test
    void tokenSentByteForByte() {
        sendExcerpt();

        List<String> issued = sandbox.issuedTokens();
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0)).contains("%").contains("§");
        byte[] expected = ("Bearer " + issued.get(0)).getBytes(StandardCharsets.UTF_8);
        List<SandboxJournal.AuthorizationHeader> headers = sandbox.journal().authorizationHeaders();
        assertThat(headers).hasSize(1);
        assertThat(headers.get(0).raw()).isEqualTo(expected);
    }

    @Test
    void rejectedRowKeepsServerMessage() {
        Incident noEmployee = new Incident("x-1", "WIK", null, LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 2, 1), null);
        List<Incident> incidents = new ArrayList<>(SandboxClients.incidents("ok", 1));
        incidents.add(noEmployee);

        List<RequestResult> results = client.submit(List.of(new CompanyIncidents("company-a", incidents)),
                ExcerptReport.API_TOKEN, SubmitListener.NONE);

        RequestResult result = results.get(0);
        assertThat(result.outcome()).isEqualTo(RequestOutcome.REJECTED);
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(result.responseBody()).contains("\"rowNumber\":1").contains("\"field\":\"employeeId\"")
                .contains("employeeId is missing");
        assertThat(result.accepted()).isEmpty();
        assertThat(sandbox.journal().reports()).isEmpty();
    }

    @Test
    void serviceUnavailableKeepsRetryAfter() {
        sandbox.failNext(503, 1);

        RequestResult result = sendExcerpt();

        assertThat(result.outcome()).isEqualTo(RequestOutcome.RETRY_LATER);
        assertThat(result.httpStatus()).isEqualTo(503);
        assertThat(result.retryAfter()).isEqualTo("30");
        assertThat(result.retryAfterDelay()).contains(Duration.ofSeconds(30));
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(1);
    }

    @Test
    void tooManyRequestsIsRetryLater() {
        sandbox.failNext(429, 1);

        assertThat(sendExcerpt().outcome()).isEqualTo(RequestOutcome.RETRY_LATER);
    }

    @Test
    void serverErrorsAreUnknown() {
        for (int status : new int[] {500, 502, 504}) {
            sandbox.failNext(status, 1);

            RequestResult result = sendExcerpt();

            assertThat(result.outcome()).as("HTTP " + status).isEqualTo(RequestOutcome.UNKNOWN);
            assertThat(result.httpStatus()).as("HTTP " + status).isEqualTo(status);
        }
    }

    @Test
    void droppedConnectionIsUnknownAndNotResent() {
        sandbox.dropNext(1);

        RequestResult result = sendExcerpt();

        assertThat(result.outcome()).isEqualTo(RequestOutcome.UNKNOWN);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(sandbox.journal().reports()).hasSize(1);
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(1);
    }

    @Test
    void submitContinuesAfterUnknownOutcome() {
        sandbox.dropNext(1);

        List<RequestResult> results = client.submit(
                List.of(new CompanyIncidents("company-a", SandboxClients.incidents("a", 150))),
                ExcerptReport.API_TOKEN, SubmitListener.NONE);

        assertThat(results).extracting(RequestResult::outcome)
                .containsExactly(RequestOutcome.UNKNOWN, RequestOutcome.ACCEPTED);
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(2);
    }

    @Test
    void tokenRenewedOnceAfterUnauthorized() {
        sandbox.unauthorizedNext(1);

        RequestResult result = sendExcerpt();

        assertThat(result.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(2);
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(2);
        List<SandboxJournal.AuthorizationHeader> headers = sandbox.journal().authorizationHeaders();
        assertThat(headers.get(1).text()).isEqualTo("Bearer " + sandbox.issuedTokens().get(1));
    }

    @Test
    void secondUnauthorizedIsAuthFailed() {
        sandbox.unauthorizedNext(2);

        RequestResult result = sendExcerpt();

        assertThat(result.outcome()).isEqualTo(RequestOutcome.AUTH_FAILED);
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(2);
        assertThat(sandbox.journal().reports()).isEmpty();
    }

    @Test
    void submitStopsAfterAuthFailure() {
        sandbox.unauthorizedNext(2);

        List<RequestResult> results = client.submit(
                List.of(new CompanyIncidents("company-a", SandboxClients.incidents("a", 150))),
                ExcerptReport.API_TOKEN, SubmitListener.NONE);

        assertThat(results).extracting(RequestResult::outcome)
                .containsExactly(RequestOutcome.AUTH_FAILED, RequestOutcome.NOT_SENT);
        assertThat(results.get(1).attempts()).isZero();
        assertThat(results.get(1).errorText()).contains("AUTH_FAILED");
        assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isEqualTo(2);
    }

    @Test
    void wrongSecretIsAuthFailedAndSendsNothing() {
        try (CareflexClient wrong = CareflexClient.builder(SandboxClients.profile(sandbox),
                new ServiceUser(SandboxConfig.DEFAULT_USER, "wrong-secret")).build()) {
            Report excerpt = ExcerptReport.build();

            List<RequestResult> results = wrong.submit(
                    List.of(new CompanyIncidents(excerpt.careflexId(), excerpt.incidents())), excerpt.apiToken(),
                    SubmitListener.NONE);

            assertThat(results.get(0).outcome()).isEqualTo(RequestOutcome.AUTH_FAILED);
            assertThat(results.get(0).attempts()).isZero();
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NEW)).isZero();
            assertThat(wrong.tokenStatus().signedIn()).isFalse();
        }
    }

    @Test
    void emptyReportAccepted() {
        RequestResult result = client.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);

        assertThat(result.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
        assertThat(result.request().endpoint()).isEqualTo(PreparedRequest.Endpoint.INCIDENT_NONE);
        assertThat(result.sentBodyMasked()).doesNotContain(ExcerptReport.API_TOKEN);
        List<SandboxJournal.EmptyReport> empty = sandbox.journal().emptyReports();
        assertThat(empty).hasSize(1);
        assertThat(empty.get(0).careflexId()).isEqualTo(ExcerptReport.CAREFLEX_ID);
        assertThat(result.importId()).isEqualTo(empty.get(0).importId());
    }

    @Test
    void emptyReportClassifiedLikeReports() {
        sandbox.failNext(503, 1);

        RequestResult result = client.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);

        assertThat(result.outcome()).isEqualTo(RequestOutcome.RETRY_LATER);
        assertThat(sandbox.journal().emptyReports()).isEmpty();
    }

    @Test
    void refusedConnectionIsNotSent() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + freePort);
        ConnectionProfile closed = ConnectionProfile.of("closed", base.resolve("/oauth/token"),
                base.resolve("/api/v1/incident/new"), base.resolve("/api/v1/incident/none"));
        try (CareflexClient refused = CareflexClient.builder(closed, SandboxClients.USER).build()) {

            RequestResult result = refused.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
            assertThat(result.httpStatus()).isNull();
            assertThat(result.errorText()).contains("no access token");
        }
    }

    @Test
    void incidentEndpointRefusingIsNotSent() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + freePort + "/api/v1/incident/new");
        ConnectionProfile profile = ConnectionProfile.of("half", sandbox.tokenUrl(), dead, sandbox.incidentNoneUrl());
        try (CareflexClient halfDead = CareflexClient.builder(profile, SandboxClients.USER).build()) {
            Report excerpt = ExcerptReport.build();

            RequestResult result = halfDead.send(halfDead.plan(
                    List.of(new CompanyIncidents(excerpt.careflexId(), excerpt.incidents())), excerpt.apiToken())
                    .get(0));

            assertThat(result.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
            assertThat(result.errorText()).contains("before the request was sent");
        }
    }

    @Test
    void slowTokenEndpointIsNotSent() throws IOException {
        try (SandboxServer slow = SandboxServer.start(SandboxConfig.builder()
                .latency(Duration.ofMillis(1500)).build());
                CareflexClient impatient = CareflexClient.builder(SandboxClients.profile(slow), SandboxClients.USER)
                        .timeouts(new ClientTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500),
                                Duration.ofSeconds(30)))
                        .build()) {

            RequestResult result = impatient.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
            assertThat(result.errorText()).contains("no access token").contains("timed out");
            assertThat(slow.journal().requestCount(SandboxEndpoint.INCIDENT_NONE)).isZero();
        }
    }

    @Test
    void responseTimeoutAfterSendingIsUnknown() throws Exception {
        try (CareflexClient impatient = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                .timeouts(new ClientTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30)))
                .build()) {
            impatient.signIn();
            sandbox.delayNext(Duration.ofMillis(1500), 1);

            RequestResult result = impatient.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.UNKNOWN);
            assertThat(result.errorText()).contains("timed out");
            assertThat(sandbox.journal().emptyReports()).hasSize(1);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NONE)).isEqualTo(1);
        }
    }

    @Test
    void overallTimeoutAfterSendingIsUnknown() throws Exception {
        try (CareflexClient impatient = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                .timeouts(new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .build()) {
            impatient.signIn();
            sandbox.delayNext(Duration.ofMillis(2500), 1);

            RequestResult result = impatient.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.UNKNOWN);
            assertThat(result.errorText()).contains("no complete response within 1 s");
            assertThat(result.duration()).isLessThan(Duration.ofMillis(2400));
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.INCIDENT_NONE)).isEqualTo(1);
        }
    }
}
