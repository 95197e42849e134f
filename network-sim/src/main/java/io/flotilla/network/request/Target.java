package io.flotilla.network.request;

import java.util.Optional;

/**
 * What a client sends to, parsed once: a DNS name ({@code web}, {@code tasks.web}, {@code web.2},
 * {@code db-0.db}) or {@code NODE:PORT}. Routers resolve it on every request; parsing stays off the
 * hot path.
 */
public sealed interface Target {

    /** Where a client outside the cluster sends from (a load balancer in front of the nodes). */
    String OUTSIDE = "outside";

    /** A name to look up on the client's network. */
    record Name(String name) implements Target {}

    /** A node's published port, reached through the node itself. */
    record NodePort(String node, int port) implements Target {}

    static Target parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            Optional<Integer> port = port(text.substring(colon + 1));
            if (port.isPresent()) {
                return new NodePort(text.substring(0, colon), port.get());
            }
        }
        return new Name(text);
    }

    private static Optional<Integer> port(String text) {
        if (!text.chars().allMatch(Character::isDigit) || text.length() > 5) {
            return Optional.empty();
        }
        int p = Integer.parseInt(text);
        return p >= 1 && p <= 65535 ? Optional.of(p) : Optional.empty();
    }
}
