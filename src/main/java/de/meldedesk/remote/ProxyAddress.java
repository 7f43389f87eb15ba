package de.meldedesk.remote;

/** An HTTP proxy given as host and port. */
public record ProxyAddress(String host, int port) {

    public ProxyAddress {
        if (host == null || host.isBlank()) {
            throw new InvalidProfileException("proxy host is missing", "remote.profile.proxyInvalid", "");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidProfileException("proxy port " + port + " is outside 1..65535",
                    "remote.profile.proxyInvalid", host + ":" + port);
        }
        host = host.strip();
    }

    /**
     * Parses {@code host:port}; an IPv6 address is written in brackets, e.g. {@code [::1]:3128}.
     *
     * @throws InvalidProfileException when the text has no port or the port is not a number
     */
    public static ProxyAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new InvalidProfileException("proxy \"" + value + "\" is not host:port",
                    "remote.profile.proxyInvalid", value);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidProfileException("proxy port in \"" + value + "\" is not a number",
                    "remote.profile.proxyInvalid", value);
        }
        return new ProxyAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
