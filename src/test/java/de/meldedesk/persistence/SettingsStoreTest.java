package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void missingFileGivesDefaults() {
        assertThat(new SettingsStore(TestStores.paths(dataDir)).load()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void saveThenLoad() throws IOException {
        SettingsStore settings = new SettingsStore(TestStores.paths(dataDir));
        Settings saved = Settings.DEFAULTS.withLanguage("en")
                .withWindow(new Settings.Window(10, 20, 1200, 800, false))
                .withLastProfile("Sandbox")
                .withLastCareflexId("09ce3580d84bf087");

        settings.save(saved);

        assertThat(settings.load()).isEqualTo(saved);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void unreadableFileGivesDefaultsAndIsKept() throws IOException {
        StorePaths paths = TestStores.paths(dataDir);
        Files.writeString(paths.settingsFile(), "{\"language\": ");

        assertThat(new SettingsStore(paths).load()).isEqualTo(Settings.DEFAULTS);
        assertThat(dataDir.resolve("settings.json.unreadable")).hasContent("{\"language\": ");
    }

    @Test
    void unknownKeysIgnored() throws IOException {
        StorePaths paths = TestStores.paths(dataDir);
        Files.writeString(paths.settingsFile(), "{\"language\":\"de\",\"theme\":\"dark\"}");

        assertThat(new SettingsStore(paths).load().language()).isEqualTo("de");
    }
}
