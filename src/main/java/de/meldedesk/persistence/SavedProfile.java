package de.meldedesk.persistence;

import java.util.List;

/**
 * A connection profile as stored: endpoint URLs, an optional proxy
 * ({@code host:port}) and extra trusted CA certificate files. It contains no
 * credentials. The built-in sandbox profile cannot be renamed or deleted.
 */
public record SavedProfile(
        String name,
        String tokenUrl,
        String incidentNewUrl,
        String incidentNoneUrl,
        String proxy,
        List<String> extraCaFiles,
        boolean builtIn) {

    /** Name of the profile that the first migration creates. */
    public static final String SANDBOX = "Sandbox";

    public SavedProfile {
        extraCaFiles = extraCaFiles == null ? List.of() : List.copyOf(extraCaFiles);
    }
}
