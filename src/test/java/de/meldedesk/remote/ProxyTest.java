package de.meldedesk.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxEndpoint;
import de.meldedesk.sandbox.SandboxServer;
import de.meldedesk.testsupport.ExcerptReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyTest {

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults());
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private RequestResult sendEmptyThrough(ConnectionProfile profile, ProxySelector systemProxies) {
        CareflexClient.Builder builder = CareflexClient.builder(profile, SandboxClients.USER);
        if (systemProxies != null) {
            builder.systemProxies(systemProxies);
        }
        try (CareflexClient client = builder.build()) {
            return client.sendEmptyReport(ExcerptReport.CAREFLEX_ID, ExcerptReport.API_TOKEN);
        }
    }

    @Test
    void configuredProxyCarriesEveryRequest() throws IOException {
        try (LoopbackProxy proxy = new LoopbackProxy(false)) {
            ConnectionProfile profile = SandboxClients.profile(sandbox)
                    .withProxy(new ProxyAddress("127.0.0.1", proxy.port()));

            RequestResult result = sendEmptyThrough(profile, null);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
            assertThat(proxy.requestCount()).isEqualTo(2);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isEqualTo(1);
            assertThat(sandbox.journal().emptyReports()).hasSize(1);
        }
    }

    @Test
    void tokenBytesSurviveTheProxy() throws IOException {
        try (LoopbackProxy proxy = new LoopbackProxy(false)) {
            ConnectionProfile profile = SandboxClients.profile(sandbox)
                    .withProxy(new ProxyAddress("127.0.0.1", proxy.port()));

            sendEmptyThrough(profile, null);

            byte[] expected = ("Bearer " + sandbox.issuedTokens().get(0)).getBytes(StandardCharsets.UTF_8);
            assertThat(sandbox.journal().authorizationHeaders().get(0).raw()).isEqualTo(expected);
        }
    }

    @Test
    void systemProxySelectorIsUsedWithoutProfileProxy() throws IOException {
        try (LoopbackProxy proxy = new LoopbackProxy(false)) {
            ProxySelector system = new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress address, IOException e) {
                }
            };

            RequestResult result = sendEmptyThrough(SandboxClients.profile(sandbox), system);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.ACCEPTED);
            assertThat(proxy.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void proxyAuthenticationRequiredIsReported() throws IOException {
        try (LoopbackProxy proxy = new LoopbackProxy(true)) {
            ConnectionProfile profile = SandboxClients.profile(sandbox)
                    .withProxy(new ProxyAddress("127.0.0.1", proxy.port()));

            RequestResult result = sendEmptyThrough(profile, null);

            assertThat(result.outcome()).isEqualTo(RequestOutcome.PROXY_AUTH_REQUIRED);
            assertThat(result.httpStatus()).isEqualTo(407);
            assertThat(result.describe(Locale.UK)).isEqualTo(
                    "The proxy needs authentication. Meldedesk cannot sign in to the proxy;"
                            + " please contact your IT department.");
            assertThat(proxy.requestCount()).isEqualTo(1);
            assertThat(sandbox.journal().requestCount(SandboxEndpoint.TOKEN)).isZero();
        }
    }
}
