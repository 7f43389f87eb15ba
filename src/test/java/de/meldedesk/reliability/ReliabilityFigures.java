package de.meldedesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;

/** Appends the figures of a run to {@code target/reliability-figures.txt}, for docs/reliability.md. */
public final class ReliabilityFigures {

    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    private ReliabilityFigures() {
    }

    public static synchronized void record(String test, String figures) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, LocalDateTime.now().withNano(0) + " " + test + ": " + figures + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
