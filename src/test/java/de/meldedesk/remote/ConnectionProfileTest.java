package de.meldedesk.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConnectionProfileTest {

    private static ConnectionProfile profile(String base) {
        return ConnectionProfile.of("test", URI.create(base + "/oauth/token"),
                URI.create(base + "/api/v1/incident/new"), URI.create(base + "/api/v1/incident/none"));
    }

    @Test
    void plainHttpToRemoteHostRejected() {
        assertThatThrownBy(() -> profile("http://careflex.example.com"))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessageContaining("http://careflex.example.com/oauth/token")
                .hasMessageContaining("only https");
    }

    @Test
    void plainHttpRejectionHasClerkMessage() {
        InvalidProfileException e = null;
        try {
            profile("http://10.0.0.1");
        } catch (InvalidProfileException caught) {
            e = caught;
        }

        assertThat(e).isNotNull();
        assertThat(e.messageKey()).isEqualTo("remote.profile.httpNotAllowed");
        assertThat(e.describe(Locale.GERMANY)).contains("http://10.0.0.1/oauth/token").contains("https://");
    }

    @Test
    void plainHttpToLoopbackAccepted() {
        for (String base : new String[] {"http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:1",
            "http://[::1]:9000"}) {
            assertThat(profile(base).tokenUrl().getScheme()).as(base).isEqualTo("http");
        }
    }

    @Test
    void httpsToRemoteHostAccepted() {
        assertThat(profile("https://careflex.example.com").incidentNewUrl().getHost())
                .isEqualTo("careflex.example.com");
    }

    @Test
    void lookalikeLoopbackNamesRejected() {
        for (String base : new String[] {"http://127.0.0.1.example.com", "http://localhost.example.com",
            "http://128.0.0.1"}) {
            assertThatThrownBy(() -> profile(base)).as(base).isInstanceOf(InvalidProfileException.class);
        }
    }

    @Test
    void otherSchemesRejected() {
        assertThatThrownBy(() -> profile("ftp://127.0.0.1")).isInstanceOf(InvalidProfileException.class);
    }

    @Test
    void proxyParsesHostAndPort() {
        assertThat(ProxyAddress.parse("proxy.example.com:3128")).isEqualTo(new ProxyAddress("proxy.example.com", 3128));
        assertThat(ProxyAddress.parse("[::1]:8080")).isEqualTo(new ProxyAddress("::1", 8080));
    }

    @Test
    void proxyWithoutPortRejected() {
        assertThatThrownBy(() -> ProxyAddress.parse("proxy.example.com")).isInstanceOf(InvalidProfileException.class);
        assertThatThrownBy(() -> ProxyAddress.parse("proxy:http")).isInstanceOf(InvalidProfileException.class);
    }
}
