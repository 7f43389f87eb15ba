package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionProfileRepositoryTest {

    @TempDir
    Path dataDir;

    private Store store;
    private ConnectionProfileRepository profiles;

    @BeforeEach
    void open() throws StoreOpenException {
        store = TestStores.open(dataDir);
        profiles = store.profiles();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sandboxExistsAfterMigration() {
        SavedProfile sandbox = profiles.find(SavedProfile.SANDBOX).orElseThrow();

        assertThat(sandbox.builtIn()).isTrue();
        assertThat(sandbox.tokenUrl()).startsWith("http://127.0.0.1");
        assertThat(profiles.list().get(0).name()).isEqualTo(SavedProfile.SANDBOX);
    }

    @Test
    void saveInsertsThenUpdates() {
        SavedProfile production = new SavedProfile("CareFlex", "https://portal.example/token",
                "https://portal.example/incident/new", "https://portal.example/incident/none", "proxy.local:3128",
                List.of("/etc/ssl/company-ca.pem"), true);

        SavedProfile inserted = profiles.save(production);
        SavedProfile updated = profiles.save(new SavedProfile("CareFlex", "https://portal.example/token2",
                production.incidentNewUrl(), production.incidentNoneUrl(), null, List.of(), false));

        assertThat(inserted.builtIn()).isFalse();
        assertThat(inserted.extraCaFiles()).containsExactly("/etc/ssl/company-ca.pem");
        assertThat(inserted.proxy()).isEqualTo("proxy.local:3128");
        assertThat(updated.tokenUrl()).isEqualTo("https://portal.example/token2");
        assertThat(updated.proxy()).isNull();
        assertThat(profiles.list()).hasSize(2);
    }

    @Test
    void builtInCannotBeDeleted() {
        assertThatThrownBy(() -> profiles.delete(SavedProfile.SANDBOX)).isInstanceOf(IllegalArgumentException.class);
        assertThat(profiles.find(SavedProfile.SANDBOX)).isPresent();
    }

    @Test
    void deleteOwnProfile() {
        profiles.save(new SavedProfile("Test", "https://t/1", "https://t/2", "https://t/3", null, null, false));

        profiles.delete("Test");

        assertThat(profiles.find("Test")).isEmpty();
    }
}
