package de.meldedesk.app;

import java.nio.file.Path;

/**
 * Entry point of the jar and the installed launcher. It does not extend
 * {@code Application}, so JavaFX can be loaded from the class path. Without a
 * command it starts the desktop app.
 */
public final class Launcher {

    /** The lowest level that the console appender of {@code logback.xml} prints. */
    static final String CONSOLE_LEVEL_PROPERTY = "meldedesk.consoleLevel";
    /** Appended to the console pattern of {@code logback.xml}; {@code %nopex} leaves stack traces out. */
    static final String CONSOLE_EXCEPTIONS_PROPERTY = "meldedesk.consoleExceptions";

    private Launcher() {
    }

    public static void main(String[] args) {
        GlobalOptions options;
        try {
            options = GlobalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("meldedesk: " + e.getMessage());
            System.exit(2);
            return;
        }
        AppPaths paths = AppPaths.resolve(options.dataDir(), System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
        // Lets the default ProxySelector read the operating system's proxy settings, as offices expect;
        // it must be set before the first network call.
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        // Must happen before the first logger is created, because Logback reads it once.
        System.setProperty(AppPaths.LOG_DIR_PROPERTY, paths.logDir().toString());
        if (!"gui".equals(options.command()) && !"sandbox".equals(options.command())
                && System.getProperty(CONSOLE_LEVEL_PROPERTY) == null) {
            // Commands keep standard error for warnings and their own one-line messages. The log file gets everything.
            System.setProperty(CONSOLE_LEVEL_PROPERTY, "WARN");
            System.setProperty(CONSOLE_EXCEPTIONS_PROPERTY, "%nopex");
        }

        if ("gui".equals(options.command())) {
            MeldedeskApp.launchWith(args);
        } else {
            System.exit(CommandLine.run(options, paths));
        }
    }
}
