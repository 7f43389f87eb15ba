package de.meldedesk.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Import profiles as one JSON file each in a folder. A file is written to a
 * temporary name and moved into place, so a crash never leaves half a profile.
 */
public final class ImportProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(ImportProfileStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;

    public ImportProfileStore(Path folder) {
        this.folder = folder;
    }

    /** Saves a profile, replacing the one with the same name; returns the file written. */
    public Path save(ImportProfile profile) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName(profile.name()));
        Path temporary = Files.createTempFile(folder, ".profile-", ".tmp");
        try {
            Files.writeString(temporary, toJson(profile), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOG.info("Saved import profile {} to {}", profile.name(), target);
        return target;
    }

    /** Returns the profile saved for files with this header signature; with several, the newest file wins. */
    public Optional<ImportProfile> findFor(String headerSignature) throws IOException {
        ImportProfile found = null;
        java.nio.file.attribute.FileTime newest = null;
        for (Path file : files()) {
            ImportProfile profile = load(file);
            if (profile != null && profile.headerSignature().equals(headerSignature)) {
                java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
                if (newest == null || modified.compareTo(newest) > 0) {
                    found = profile;
                    newest = modified;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    public List<ImportProfile> list() throws IOException {
        List<ImportProfile> profiles = new ArrayList<>();
        for (Path file : files()) {
            ImportProfile profile = load(file);
            if (profile != null) {
                profiles.add(profile);
            }
        }
        return profiles;
    }

    /** Deletes the profile with this name; returns false when there was none. */
    public boolean delete(String name) throws IOException {
        return Files.deleteIfExists(folder.resolve(fileName(name)));
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** Reads one profile file; a damaged file is logged and skipped so the others stay usable. */
    private static ImportProfile load(Path file) {
        try {
            JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, String> mapping = new LinkedHashMap<>();
            JsonNode columns = node.path("mapping");
            for (Map.Entry<String, JsonNode> column : columns.properties()) {
                mapping.put(column.getKey(), column.getValue().asText(""));
            }
            String delimiter = text(node, "delimiter");
            return new ImportProfile(node.path("name").asText(), node.path("headerSignature").asText(),
                    text(node, "encoding"), delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0),
                    node.hasNonNull("headerRow") ? node.get("headerRow").asInt() : null, text(node, "dateFormat"),
                    mapping);
        } catch (IOException e) {
            LOG.warn("Skipped unreadable import profile {}: {}", file, e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    private static String toJson(ImportProfile profile) throws JsonProcessingException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", profile.name());
        node.put("headerSignature", profile.headerSignature());
        node.put("encoding", profile.encoding());
        node.put("delimiter", profile.delimiter() == null ? null : String.valueOf(profile.delimiter()));
        node.put("headerRow", profile.headerRow());
        node.put("dateFormat", profile.dateFormat());
        ObjectNode mapping = node.putObject("mapping");
        profile.mapping().forEach(mapping::put);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** Turns a profile name into a safe file name: letters, digits and dashes, in lower case. */
    static String fileName(String name) {
        String slug = name.toLowerCase(Locale.GERMAN).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "profile" : slug) + ".json";
    }
}
