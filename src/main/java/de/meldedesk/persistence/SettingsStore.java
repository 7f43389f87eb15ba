package de.meldedesk.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Settings} in {@code settings.json} in the data folder. A save writes
 * a temporary file and moves it over the old one in one step, so a crash
 * leaves either the old or the new file, never half of one.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public SettingsStore(StorePaths paths) {
        this.file = paths.settingsFile();
    }

    /**
     * Reads the settings; returns {@link Settings#DEFAULTS} when the file is
     * missing or unreadable. An unreadable file is kept as
     * {@code settings.json.unreadable} for support and replaced at the next save.
     */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.DEFAULTS;
        }
        try {
            Settings settings = MAPPER.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.DEFAULTS : settings;
        } catch (IOException e) {
            LOG.warn("Settings file {} is unreadable, using defaults: {}", file, e.getMessage());
            try {
                Files.copy(file, file.resolveSibling(file.getFileName() + ".unreadable"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copyFailure) {
                LOG.warn("Unreadable settings file {} could not be kept: {}", file, copyFailure.getMessage());
            }
            return Settings.DEFAULTS;
        }
    }

    /** Writes the settings atomically. */
    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "settings-", ".tmp");
        try {
            MAPPER.writeValue(temp.toFile(), settings);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
