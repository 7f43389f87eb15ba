package de.meldedesk.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.meldedesk.app.AppPaths;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.CredentialVault;
import de.meldedesk.ui.common.SameThreadRunner;
import de.meldedesk.ui.common.Workspace;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in against the embedded sandbox and against loopback addresses that fail on purpose. */
class SignInViewModelTest {

    @TempDir
    Path dataDir;

    private Store store;
    private ConnectionService connections;
    private CredentialVault vault;
    private Workspace workspace;
    private SignInViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        store.companies().create("09ce3580d84bf087", "Musterfirma GmbH", true, null);
        connections = new ConnectionService();
        vault = CredentialVault.sessionOnly();
        workspace = new Workspace();
    }

    @AfterEach
    void tearDown() {
        if (workspace.clientProperty().get() != null) {
            workspace.clientProperty().get().close();
        }
        connections.close();
        store.close();
    }

    private void loadProfile(String name) {
        workspace.activeProfileProperty().set(name);
        model = new SignInViewModel(vault, connections, store.profiles(), store.companies(), workspace,
                new SameThreadRunner(), Messages.GERMAN, Runnable::run);
        model.load(() -> { });
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void saveProfile(String name, int port, String proxy) {
        String base = "http://127.0.0.1:" + port;
        store.profiles().save(new SavedProfile(name, base + "/token", base + "/incident/new", base + "/incident/none",
                proxy, List.of(), false));
    }

    @Test
    void sandboxIsPrefilled() {
        loadProfile(SavedProfile.SANDBOX);

        assertThat(model.userIdProperty().get()).isEqualTo(connections.sandboxServiceUser().userId());
        assertThat(model.tokens()).singleElement().satisfies(entry ->
                assertThat(entry.token().get()).isEqualTo(SignInViewModel.SANDBOX_API_TOKEN));
    }

    @Test
    void signInSetsClientAndKeepsToken() {
        loadProfile(SavedProfile.SANDBOX);
        boolean[] signedIn = {false};

        model.signIn(() -> signedIn[0] = true);

        assertThat(signedIn[0]).isTrue();
        assertThat(workspace.clientProperty().get()).isNotNull();
        assertThat(workspace.tokenStatusProperty().get().signedIn()).isTrue();
        assertThat(vault.apiToken("09ce3580d84bf087")).contains(SignInViewModel.SANDBOX_API_TOKEN);
    }

    @Test
    void wrongSecretIsNamed() {
        loadProfile(SavedProfile.SANDBOX);
        model.secretProperty().set("wrong");

        model.signIn(() -> { });

        assertThat(model.errorProperty().get()).contains("Geheimnis des Service-Users ist falsch");
        assertThat(workspace.clientProperty().get()).isNull();
    }

    @Test
    void unreachableServerIsNamed() throws Exception {
        saveProfile("Offline", closedPort(), null);
        loadProfile("Offline");
        model.userIdProperty().set("user");
        model.secretProperty().set("secret");

        model.signIn(() -> { });

        assertThat(model.errorProperty().get()).contains("nicht erreichbar");
    }

    @Test
    void proxyAuthenticationIsNamed() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test\"");
            exchange.sendResponseHeaders(407, -1);
            exchange.close();
        });
        proxy.start();
        try {
            saveProfile("Proxy", closedPort(), "127.0.0.1:" + proxy.getAddress().getPort());
            loadProfile("Proxy");
            model.userIdProperty().set("user");
            model.secretProperty().set("secret");

            model.signIn(() -> { });

            assertThat(model.errorProperty().get()).contains("Proxy");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void missingSecretIsNamed() {
        loadProfile(SavedProfile.SANDBOX);
        model.secretProperty().set("");

        model.signIn(() -> { });

        assertThat(model.errorProperty().get()).isEqualTo("Bitte geben Sie das Geheimnis des Service-Users ein.");
    }

    @Test
    void clearSecretsEmptiesFields() {
        loadProfile(SavedProfile.SANDBOX);

        model.clearSecrets();

        assertThat(model.secretProperty().get()).isEmpty();
        assertThat(model.tokens().get(0).token().get()).isEmpty();
    }
}
