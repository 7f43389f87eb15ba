package de.meldedesk.app;

import java.nio.file.Path;

/**
 * Entry point of the jar and the installed launcher. It does not extend
 * {@code Application}, so JavaFX can be loaded from the class path. Without a
 * command it starts the desktop app.
 */
public final class Launcher {

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

        if ("gui".equals(options.command())) {
            MeldedeskApp.launchWith(args);
        } else {
            System.exit(CommandLine.run(options, paths));
        }
    }
}
