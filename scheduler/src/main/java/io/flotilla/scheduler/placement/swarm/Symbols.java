package io.flotilla.scheduler.placement.swarm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Small integers for the names the inner loop compares, so that node state can live in arrays:
 * services that have pending tasks, generic resource kinds, port protocols.
 */
final class Symbols {

    static final int NONE = -1;

    private final Map<String, Integer> services = new HashMap<>();
    private final Map<String, Integer> genericKinds = new HashMap<>();
    private final Map<String, Integer> protocols = new HashMap<>();

    int internService(String service) {
        return services.computeIfAbsent(service, s -> services.size());
    }

    /** The service's index, or {@link #NONE} if no pending task belongs to it. */
    int service(String service) {
        return services.getOrDefault(service, NONE);
    }

    int serviceCount() {
        return services.size();
    }

    int genericKind(String kind) {
        return genericKinds.computeIfAbsent(kind, k -> genericKinds.size());
    }

    int genericKindCount() {
        return genericKinds.size();
    }

    /** Protocols compare case-insensitively: TCP/58 and tcp/58 are one host port. */
    int protocol(String protocol) {
        return protocols.computeIfAbsent(protocol.toLowerCase(Locale.ROOT), p -> protocols.size());
    }
}
