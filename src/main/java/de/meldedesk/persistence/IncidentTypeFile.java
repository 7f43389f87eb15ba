package de.meldedesk.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.meldedesk.domain.IncidentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident types a company added to the built-in catalogue, as a JSON list
 * in {@code incident-types.json} in the data folder. Like the settings file it
 * is written to a temporary file and moved over the old one in one step.
 */
public final class IncidentTypeFile {

    public static final String FILE_NAME = "incident-types.json";

    private static final Logger LOG = LoggerFactory.getLogger(IncidentTypeFile.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public IncidentTypeFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the added types; returns an empty list when the file is missing or
     * unreadable. An unreadable file is kept as {@code incident-types.json.unreadable}.
     */
    public List<IncidentType> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<IncidentType> types = MAPPER.readValue(file.toFile(), new TypeReference<List<IncidentType>>() { });
            return types == null ? List.of() : List.copyOf(types);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Incident type file {} is unreadable, using the built-in types only: {}", file, e.getMessage());
            try {
                Files.copy(file, file.resolveSibling(FILE_NAME + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copyFailure) {
                LOG.warn("Unreadable incident type file {} could not be kept: {}", file, copyFailure.getMessage());
            }
            return List.of();
        }
    }

    /** Adds a type, or replaces the stored one with the same code (case ignored), and writes the file. */
    public List<IncidentType> add(IncidentType type) throws IOException {
        List<IncidentType> types = new ArrayList<>();
        for (IncidentType existing : load()) {
            if (!existing.code().toUpperCase(Locale.ROOT).equals(type.code().toUpperCase(Locale.ROOT))) {
                types.add(existing);
            }
        }
        types.add(type);
        save(types);
        return List.copyOf(types);
    }

    private void save(List<IncidentType> types) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "incident-types-", ".tmp");
        try {
            MAPPER.writeValue(temp.toFile(), types);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        LOG.info("Saved {} added incident types to {}", types.size(), file);
    }
}
