package de.meldedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import de.meldedesk.app.AppPaths;
import de.meldedesk.i18n.Messages;
import de.meldedesk.service.CredentialVault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs commands through {@link Cli} on one data folder with captured output and a session-only key store. */
final class CliRunner {

    /** The outcome of one run: exit code and everything printed. */
    record Result(int exit, String out, String err) {

        JsonNode json() {
            try {
                return CliSession.json().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("standard output is not one JSON document: " + out, e);
            }
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final Path dataDir;
    private final Map<String, String> env = new HashMap<>();
    private Locale locale = Messages.ENGLISH;

    CliRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner locale(Locale value) {
        locale = value;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Cli.run(Arrays.asList(args), new AppPaths(dataDir).storePaths(), locale, outStream, errStream,
                    env, CredentialVault::sessionOnly);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
