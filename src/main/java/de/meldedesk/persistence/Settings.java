package de.meldedesk.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Preferences that are not data: language ({@code de} or {@code en}), window
 * placement, the connection profile and company used last (by name and
 * CareFlex ID), and the service-user ID of each connection profile (by profile
 * name; the secret is never stored here). Any field except
 * {@code serviceUserIds} may be null, meaning "not chosen yet".
 */
public record Settings(String language, Window window, String lastProfile, String lastCareflexId,
                       Map<String, String> serviceUserIds) {

    /** Window position and size in screen pixels. */
    public record Window(double x, double y, double width, double height, boolean maximized) {
    }

    public static final Settings DEFAULTS = new Settings(null, null, null, null, Map.of());

    public Settings {
        serviceUserIds = serviceUserIds == null ? Map.of() : Map.copyOf(serviceUserIds);
    }

    /** Creates settings without service-user IDs. */
    public Settings(String language, Window window, String lastProfile, String lastCareflexId) {
        this(language, window, lastProfile, lastCareflexId, Map.of());
    }

    public Settings withLanguage(String newLanguage) {
        return new Settings(newLanguage, window, lastProfile, lastCareflexId, serviceUserIds);
    }

    public Settings withWindow(Window newWindow) {
        return new Settings(language, newWindow, lastProfile, lastCareflexId, serviceUserIds);
    }

    public Settings withLastProfile(String newProfile) {
        return new Settings(language, window, newProfile, lastCareflexId, serviceUserIds);
    }

    public Settings withLastCareflexId(String newCareflexId) {
        return new Settings(language, window, lastProfile, newCareflexId, serviceUserIds);
    }

    /** Returns settings with the service-user ID of one profile set, or removed when {@code userId} is blank. */
    public Settings withServiceUserId(String profileName, String userId) {
        Map<String, String> copy = new LinkedHashMap<>(serviceUserIds);
        if (userId == null || userId.isBlank()) {
            copy.remove(profileName);
        } else {
            copy.put(profileName, userId.strip());
        }
        return new Settings(language, window, lastProfile, lastCareflexId, copy);
    }
}
