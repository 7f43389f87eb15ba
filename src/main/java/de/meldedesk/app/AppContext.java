package de.meldedesk.app;

import de.meldedesk.ui.common.BackgroundRunner;
import de.meldedesk.ui.common.FxBackgroundRunner;
import java.util.Locale;

/**
 * The composition root: builds the services once and hands each screen what
 * it needs. Closing it stops background work.
 */
public final class AppContext implements AutoCloseable {

    private final AppPaths paths;
    private final Locale locale;
    private final FxBackgroundRunner runner;

    public AppContext(AppPaths paths, Locale locale) {
        this.paths = paths;
        this.locale = locale;
        this.runner = new FxBackgroundRunner(2);
    }

    public AppPaths paths() {
        return paths;
    }

    public Locale locale() {
        return locale;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
    }
}
