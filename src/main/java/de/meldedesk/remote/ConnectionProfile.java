package de.meldedesk.remote;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The addresses of one CareFlex installation (or of the local sandbox), an
 * optional explicit proxy (null means the system proxy settings) and extra CA
 * certificates to trust besides the JDK's. Plain {@code http} is accepted only
 * for loopback hosts, so credentials never cross a network unencrypted. TLS
 * certificate and host-name checks have no switch: they always run.
 */
public record ConnectionProfile(
        String name,
        URI tokenUrl,
        URI incidentNewUrl,
        URI incidentNoneUrl,
        ProxyAddress proxy,
        List<Path> extraCaCertificates) {

    public ConnectionProfile {
        checkUrl("tokenUrl", tokenUrl);
        checkUrl("incidentNewUrl", incidentNewUrl);
        checkUrl("incidentNoneUrl", incidentNoneUrl);
        extraCaCertificates = extraCaCertificates == null ? List.of() : List.copyOf(extraCaCertificates);
    }

    /** Creates a profile that uses the system proxy settings and only the default trusted CAs. */
    public static ConnectionProfile of(String name, URI tokenUrl, URI incidentNewUrl, URI incidentNoneUrl) {
        return new ConnectionProfile(name, tokenUrl, incidentNewUrl, incidentNoneUrl, null, List.of());
    }

    public ConnectionProfile withProxy(ProxyAddress newProxy) {
        return new ConnectionProfile(name, tokenUrl, incidentNewUrl, incidentNoneUrl, newProxy, extraCaCertificates);
    }

    public ConnectionProfile withExtraCaCertificates(List<Path> files) {
        return new ConnectionProfile(name, tokenUrl, incidentNewUrl, incidentNoneUrl, proxy, files);
    }

    /** Returns whether the host is {@code localhost}, an address in 127.0.0.0/8 or {@code ::1}. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void checkUrl(String field, URI url) {
        if (url == null) {
            throw new InvalidProfileException(field + " is missing", "remote.profile.urlMissing", field);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new InvalidProfileException(field + " " + url + " has no host", "remote.profile.urlInvalid", url);
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http")) {
            if (isLoopback(url.getHost())) {
                return;
            }
            throw new InvalidProfileException(field + " " + url
                    + " uses plain http to a host other than this computer; only https is allowed there",
                    "remote.profile.httpNotAllowed", url);
        }
        throw new InvalidProfileException(field + " " + url + " must start with https://",
                "remote.profile.urlInvalid", url);
    }
}
