package de.meldedesk.domain;

/** Masking of secrets in text that is shown, logged or stored. */
public final class Secrets {

    public static final String MASK = "********";

    private Secrets() {
    }

    /** Returns {@link #MASK} for any non-empty secret, so its length is not revealed either. */
    public static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : MASK;
    }
}
