package de.meldedesk.app;

import de.meldedesk.cli.Cli;
import java.util.Locale;

/** Runs a headless command; the desktop toolkit is never started here. */
final class CommandLine {

    private CommandLine() {
    }

    /** Runs the command and returns the process exit code. */
    static int run(GlobalOptions options, AppPaths paths) {
        return Cli.run(options.commandArgs(), paths.storePaths(), options.commandLineLocale(Locale.getDefault()),
                System.out, System.err, System.getenv());
    }
}
