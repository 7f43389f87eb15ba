package de.meldedesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, filtered from the POM into a resource. */
public final class Version {

    private static final String VALUE = load();

    private Version() {
    }

    public static String get() {
        return VALUE;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        String version = properties.getProperty("version", "dev");
        return version.startsWith("${") ? "dev" : version;
    }
}
