package de.meldedesk.app;

import de.meldedesk.i18n.Messages;

/** Runs a headless command; the desktop toolkit is never started here. */
final class CommandLine {

    private CommandLine() {
    }

    /** Runs the command and returns the process exit code. */
    static int run(GlobalOptions options, AppPaths paths) {
        System.err.println(Messages.format(options.commandLineLocale(java.util.Locale.getDefault()), "cli.unknownCommand", options.command()));
        return 2;
    }
}
