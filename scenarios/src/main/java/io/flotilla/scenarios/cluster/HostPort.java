package io.flotilla.scenarios.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the coordinator listens and the workers join: {@code HOST:PORT}. */
public record HostPort(String host, int port) {

    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^:\\s]+):(\\d{1,5})");

    /**
     * Reads {@code HOST:PORT} (an IPv6 host in brackets).
     *
     * @throws IllegalArgumentException with a message for the user when it is not one
     */
    public static HostPort parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            throw new IllegalArgumentException("expected HOST:PORT (a port up to 65535), got '" + text + "'");
        }
        String host = m.group(1);
        return new HostPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, Integer.parseInt(m.group(2)));
    }

    /** True for {@code localhost} and the loopback addresses, where a worker answers on loopback too. */
    boolean loopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
