package de.meldedesk.ui.companies;

import de.meldedesk.i18n.Messages;
import de.meldedesk.remote.InvalidProfileException;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.TokenRequestException;
import de.meldedesk.remote.TokenStatus;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** The outcome of "Verbindung testen" as a kind and a sentence for the clerk. */
public record ConnectionTestResult(Kind kind, String message) {

    /** The kind of result the connection test found. */
    public enum Kind {
        SUCCESS,
        /** No secret is known for the service user; the view requests one from the clerk. */
        SECRET_NEEDED,
        WRONG_CREDENTIALS,
        UNREACHABLE,
        PROXY_AUTH_REQUIRED,
        TLS_FAILURE,
        SERVER_BUSY,
        INVALID_PROFILE,
        FAILED
    }

    public boolean success() {
        return kind == Kind.SUCCESS;
    }

    static ConnectionTestResult signedIn(TokenStatus status, Locale locale, ZoneId zone) {
        String expiry = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Messages.supported(locale))
                .format(status.expiresAt().atZone(zone));
        return new ConnectionTestResult(Kind.SUCCESS, Messages.format(locale, "companies.test.success", expiry));
    }

    static ConnectionTestResult secretNeeded(Locale locale, String userId) {
        return new ConnectionTestResult(Kind.SECRET_NEEDED, Messages.format(locale, "companies.test.secretNeeded", userId));
    }

    /** Classifies a failed test from the exception the sign-in raised. */
    static ConnectionTestResult failure(Throwable error, Locale locale, String host) {
        if (error instanceof InvalidProfileException invalid) {
            return new ConnectionTestResult(Kind.INVALID_PROFILE, invalid.describe(locale));
        }
        if (error instanceof TokenRequestException token) {
            RequestOutcome outcome = token.outcome();
            if (outcome == RequestOutcome.AUTH_FAILED) {
                return new ConnectionTestResult(Kind.WRONG_CREDENTIALS,
                        Messages.format(locale, "companies.test.wrongCredentials"));
            }
            if (outcome == RequestOutcome.PROXY_AUTH_REQUIRED) {
                return new ConnectionTestResult(Kind.PROXY_AUTH_REQUIRED,
                        Messages.format(locale, "companies.test.proxyAuth"));
            }
            if (outcome == RequestOutcome.RETRY_LATER) {
                return new ConnectionTestResult(Kind.SERVER_BUSY, Messages.format(locale, "companies.test.busy"));
            }
            if (hasCause(error, SSLException.class) || hasCause(error, CertificateException.class)) {
                return new ConnectionTestResult(Kind.TLS_FAILURE, Messages.format(locale, "companies.test.tls", host));
            }
            if (token.httpStatus() != null) {
                return new ConnectionTestResult(Kind.FAILED,
                        Messages.format(locale, "companies.test.httpStatus", token.httpStatus()));
            }
            return new ConnectionTestResult(Kind.UNREACHABLE, Messages.format(locale, "companies.test.unreachable", host));
        }
        if (hasCause(error, SSLException.class) || hasCause(error, CertificateException.class)) {
            return new ConnectionTestResult(Kind.TLS_FAILURE, Messages.format(locale, "companies.test.tls", host));
        }
        if (error instanceof IOException) {
            return new ConnectionTestResult(Kind.UNREACHABLE, Messages.format(locale, "companies.test.unreachable", host));
        }
        return new ConnectionTestResult(Kind.FAILED, Messages.format(locale, "companies.test.failed"));
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
