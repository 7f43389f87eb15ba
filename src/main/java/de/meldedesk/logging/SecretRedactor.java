package de.meldedesk.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line of defence against a secret in a log: every secret the program
 * holds (service-user secret, access token, API token) is registered here, and
 * the log layout replaces it wherever it appears. Code must still never log a
 * secret on purpose.
 */
public final class SecretRedactor {

    public static final String REPLACEMENT = "[secret removed]";

    /** Shorter values are not registered because they would blank out ordinary words and numbers. */
    static final int MIN_LENGTH = 6;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private SecretRedactor() {
    }

    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            SECRETS.add(secret);
        }
    }

    public static void forget(String secret) {
        if (secret != null) {
            SECRETS.remove(secret);
        }
    }

    /** Returns the text with every registered secret replaced. */
    public static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : SECRETS) {
            if (result.contains(secret)) {
                result = result.replace(secret, REPLACEMENT);
            }
        }
        return result;
    }
}
