package de.meldedesk.persistence;

/**
 * Preferences that are not data: language ({@code de} or {@code en}), window
 * placement, and the connection profile and company used last (by name and
 * CareFlex ID). Any field may be null, meaning "not chosen yet".
 */
public record Settings(String language, Window window, String lastProfile, String lastCareflexId) {

    /** Window position and size in screen pixels. */
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    public static final Settings DEFAULTS = new Settings(null, null, null, null);

    public Settings withLanguage(String newLanguage) {
        return new Settings(newLanguage, window, lastProfile, lastCareflexId);
    }

    public Settings withWindow(Window newWindow) {
        return new Settings(language, newWindow, lastProfile, lastCareflexId);
    }

    public Settings withLastProfile(String newProfile) {
        return new Settings(language, window, newProfile, lastCareflexId);
    }

    public Settings withLastCareflexId(String newCareflexId) {
        return new Settings(language, window, lastProfile, newCareflexId);
    }
}
