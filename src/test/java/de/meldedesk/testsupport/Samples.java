package de.meldedesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample files. They lie in {@code ../shared/samples} beside the
 * clone; {@code meldedesk.samples} overrides the folder.
 */
public final class Samples {

    private Samples() {
    }

    public static Path dir() {
        String configured = System.getProperty("meldedesk.samples");
        if (configured != null) {
            return Path.of(configured);
        }
        Path candidate = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && candidate != null; i++) {
            Path samples = candidate.resolve("shared").resolve("samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
            candidate = candidate.getParent();
        }
        throw new IllegalStateException("sample folder shared/samples not found above " + Path.of("").toAbsolutePath());
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static String read(String name) {
        try {
            return Files.readString(file(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String path) {
        try (var in = Samples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
