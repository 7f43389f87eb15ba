package de.meldedesk.remote;

import de.meldedesk.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The sign-in state for a UI: whether a token is stored, and its expiry ({@code null} when none). */
public record TokenStatus(boolean signedIn, Instant expiresAt) {

    public static final TokenStatus SIGNED_OUT = new TokenStatus(false, null);

    /** Formats the status as a sentence in the given language, with the expiry in the given time zone. */
    public String describe(Locale locale, ZoneId zone) {
        if (!signedIn) {
            return Messages.format(locale, "remote.token.signedOut");
        }
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Messages.supported(locale))
                .format(expiresAt.atZone(zone));
        return Messages.format(locale, "remote.token.signedIn", time);
    }
}
