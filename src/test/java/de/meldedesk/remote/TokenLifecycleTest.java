package de.meldedesk.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxEndpoint;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.testsupport.MutableClock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokenLifecycleTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private static RequestResult sendEmpty(CareflexClient client) {
        return client.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);
    }

    @Test
    void tokenReusedWhileValid() throws IOException {
        MutableClock clock = new MutableClock(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                        .clock(clock).build()) {
            sendEmpty(client);
            clock.advance(Duration.ofHours(11).plusMinutes(54));

            sendEmpty(client);

            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void tokenRenewedNearExpiry() throws IOException {
        MutableClock clock = new MutableClock(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                        .clock(clock).build()) {
            sendEmpty(client);
            clock.advance(Duration.ofHours(12).minusMinutes(4));

            RequestResult result = sendEmpty(client);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(2);
            assertThat(sandbox.journal().authorizationHeaders().get(1).text())
                    .isEqualTo("Bearer " + sandbox.issuedTokens().get(1));
        }
    }

    @Test
    void expiryCountsFromLocalArrival() throws Exception {
        MutableClock clock = new MutableClock(START);
        // The sandbox's clock runs three days behind, so its created_at lies far in the past.
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofDays(-3));
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder().clock(skewed).build());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                        .clock(clock).build()) {

            TokenStatus status = client.signIn();

            assertThat(status.signedIn()).isTrue();
            assertThat(status.expiresAt()).isEqualTo(START.plus(SandboxConfig.DEFAULT_TOKEN_TTL));
            sendEmpty(client);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void shortTokenRenewedNearItsEnd() throws IOException {
        MutableClock clock = new MutableClock(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.builder()
                .tokenTtl(Duration.ofSeconds(30)).clock(clock).build());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                        .clock(clock).build()) {
            sendEmpty(client);
            clock.advance(Duration.ofSeconds(23));
            sendEmpty(client);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).as("token requests with 7 s left")
                    .isEqualTo(1);

            clock.advance(Duration.ofSeconds(2));
            RequestResult third = sendEmpty(client);

            assertThat(third.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).as("token requests with 5 s left")
                    .isEqualTo(2);
        }
    }

    @Test
    void listenerSeesSignInAndSignOut() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox), SandboxClients.USER)
                        .clock(clock).build()) {
            List<TokenStatus> seen = new ArrayList<>();
            client.addTokenListener(seen::add);

            client.signIn();
            client.signOut();

            assertThat(seen).containsExactly(new TokenStatus(true, START.plus(Duration.ofHours(12))),
                    TokenStatus.SIGNED_OUT);
            assertThat(client.tokenStatus().signedIn()).isFalse();
        }
    }

    @Test
    void statusDescribedInBothLanguages() {
        TokenStatus status = new TokenStatus(true, START);

        assertThat(status.describe(Locale.GERMANY, ZoneOffset.UTC)).startsWith("Angemeldet").contains("08:00");
        assertThat(status.describe(Locale.UK, ZoneOffset.UTC)).startsWith("Signed in").contains("08:00");
        assertThat(TokenStatus.SIGNED_OUT.describe(Locale.UK, ZoneOffset.UTC)).isEqualTo("Not signed in.");
    }

    @Test
    void wrongCredentialsRaiseAuthFailed() throws IOException {
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults());
                CareflexClient client = CareflexClient.builder(SandboxClients.profile(sandbox),
                        new ServiceUser("someone-else", SandboxConfig.DEFAULT_SECRET)).build()) {
            TokenRequestException failure = null;
            try {
                client.signIn();
            } catch (TokenRequestException e) {
                failure = e;
            }

            assertThat(failure).isNotNull();
            assertThat(failure.outcome()).isEqualTo(RequestOutcome.AUTH_FAILED);
            assertThat(failure.httpStatus()).isEqualTo(401);
        }
    }
}
