package de.meldedesk.ui.companies;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.ConnectionService;
import de.meldedesk.service.CredentialVault;
import de.meldedesk.ui.common.SameThreadRunner;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.ZoneId;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFormModelTest {

    @TempDir
    Path dataDir;

    private Store store;
    private ConnectionService connections;
    private CredentialVault vault;
    private SettingsStore settings;
    private final StringProperty active = new SimpleStringProperty(SavedProfile.SANDBOX);
    private ProfileFormModel model;

    @BeforeEach
    void open() throws Exception {
        AppPaths paths = new AppPaths(dataDir);
        store = Store.open(paths.storePaths());
        connections = new ConnectionService();
        vault = CredentialVault.sessionOnly();
        settings = new SettingsStore(paths.storePaths());
        model = new ProfileFormModel(store.profiles(), connections, vault, settings, active, new SameThreadRunner(),
                Messages.GERMAN, ZoneId.of("Europe/Berlin"));
        model.reload(null);
    }

    @AfterEach
    void close() {
        connections.close();
        store.close();
    }

    private void fillTest(String url) {
        model.startNew();
        model.nameProperty().set("Test");
        model.tokenUrlProperty().set(url + "/oauth/token");
        model.incidentNewUrlProperty().set(url + "/api/v1/incident/new");
        model.incidentNoneUrlProperty().set(url + "/api/v1/incident/none");
    }

    @Test
    void sandboxIsEditedFirstWithItsUser() {
        assertThat(model.editingProperty().get().name()).isEqualTo(SavedProfile.SANDBOX);
        assertThat(model.builtInProperty().get()).isTrue();
        assertThat(model.serviceUserIdProperty().get()).isEqualTo(connections.sandboxServiceUser().userId());
    }

    @Test
    void plainHttpToOtherHostIsRejected() {
        fillTest("http://careflex.example.com");

        assertThat(model.urlErrorProperty().get()).contains("https://");
        assertThat(model.validBinding().get()).isFalse();
    }

    @Test
    void plainHttpToLoopbackIsAccepted() {
        fillTest("http://127.0.0.1:8080");

        assertThat(model.urlErrorProperty().get()).isEmpty();
    }

    @Test
    void httpsIsAccepted() {
        fillTest("https://careflex.example.com");

        assertThat(model.urlErrorProperty().get()).isEmpty();
        assertThat(model.validBinding().get()).isTrue();
    }

    @Test
    void missingUrlNamesField() {
        fillTest("https://careflex.example.com");
        model.incidentNoneUrlProperty().set("");

        assertThat(model.urlErrorProperty().get()).contains("Leermeldungen");
    }

    @Test
    void proxyWithoutPortIsRejected() {
        fillTest("https://careflex.example.com");
        model.proxyProperty().set("proxy.firma.de");

        assertThat(model.proxyErrorProperty().get()).contains("Rechner:Port");
        assertThat(model.validBinding().get()).isFalse();
    }

    @Test
    void proxyWithPortIsAccepted() {
        fillTest("https://careflex.example.com");
        model.proxyProperty().set("proxy.firma.de:3128");

        assertThat(model.proxyErrorProperty().get()).isEmpty();
    }

    @Test
    void sandboxNameIsTaken() {
        fillTest("https://careflex.example.com");
        model.nameProperty().set("sandbox");

        assertThat(model.nameErrorProperty().get()).isNotEmpty();
    }

    @Test
    void saveStoresUserIdNotSecret() throws Exception {
        fillTest("https://careflex.example.com");
        model.serviceUserIdProperty().set("svc-chemie");

        model.save();

        assertThat(store.profiles().find("Test")).isPresent();
        assertThat(settings.load().serviceUserIds()).containsEntry("Test", "svc-chemie");
        assertThat(java.nio.file.Files.readString(dataDir.resolve("settings.json"))).doesNotContain("secret");
    }

    @Test
    void activateStoresLastProfile() {
        fillTest("https://careflex.example.com");
        model.save();

        model.activate("Test");

        assertThat(active.get()).isEqualTo("Test");
        assertThat(settings.load().lastProfile()).isEqualTo("Test");
    }

    @Test
    void sandboxCannotBeDeleted() {
        model.delete();

        assertThat(store.profiles().find(SavedProfile.SANDBOX)).isPresent();
    }

    @Test
    void sandboxTestSucceeds() {
        model.testConnection(null);

        ConnectionTestResult result = model.testResultProperty().get();
        assertThat(result.kind()).isEqualTo(ConnectionTestResult.Kind.SUCCESS);
        assertThat(result.message()).contains("gültig bis");
    }

    @Test
    void wrongSecretSaysCredentialsWrong() {
        model.testConnection("not-the-secret");

        ConnectionTestResult result = model.testResultProperty().get();
        assertThat(result.kind()).isEqualTo(ConnectionTestResult.Kind.WRONG_CREDENTIALS);
        assertThat(result.message()).contains("falsch");
    }

    @Test
    void unknownUserAsksForSecret() {
        model.serviceUserIdProperty().set("svc-unknown");

        model.testConnection(null);

        assertThat(model.testResultProperty().get().kind()).isEqualTo(ConnectionTestResult.Kind.SECRET_NEEDED);
    }

    @Test
    void secretFromVaultIsUsed() {
        vault.putServiceSecret("sandbox", "wrong-from-vault", false);

        model.testConnection(null);

        assertThat(model.testResultProperty().get().kind()).isEqualTo(ConnectionTestResult.Kind.WRONG_CREDENTIALS);
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        fillTest("http://127.0.0.1:" + port);
        model.serviceUserIdProperty().set("svc");

        model.testConnection("secret");

        ConnectionTestResult result = model.testResultProperty().get();
        assertThat(result.kind()).isEqualTo(ConnectionTestResult.Kind.UNREACHABLE);
        assertThat(result.message()).contains("127.0.0.1");
    }
}
