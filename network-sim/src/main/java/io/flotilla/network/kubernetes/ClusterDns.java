package io.flotilla.network.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How cluster DNS names map onto Services, the CoreDNS {@code kubernetes} plugin's schema under
 * {@code cluster.local}, and how a pod's resolver expands what it asks for: its {@code resolv.conf}
 * searches {@code NS.svc.cluster.local}, {@code svc.cluster.local} and {@code cluster.local} with
 * {@code ndots:5}, so a name with fewer than five dots is tried under each search domain first and
 * only then as given.
 *
 * <ul>
 *   <li>{@code NAME.NS.svc.cluster.local}: the Service (its ClusterIP, or its ready endpoints when
 *       headless);
 *   <li>{@code HOSTNAME.NAME.NS.svc.cluster.local}: the ready endpoint with that hostname of a
 *       headless Service (a StatefulSet pod: {@code db-0.db}).
 * </ul>
 */
public final class ClusterDns {

    public static final String DOMAIN = "cluster.local";
    private static final String SVC = ".svc." + DOMAIN;
    private static final int NDOTS = 5;

    private ClusterDns() {}

    /** What a fully qualified name points at: a Service, or one hostname under it. */
    public record Query(String namespace, String service, Optional<String> hostname) {}

    /** The fully qualified names a pod in {@code namespace} tries for {@code name}, in order. */
    public static List<String> candidates(String namespace, String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<String> out = new ArrayList<>();
        boolean absolute = name.endsWith(".");
        if (!absolute && n.chars().filter(c -> c == '.').count() < NDOTS) {
            out.add(n + "." + namespace + SVC);
            out.add(n + SVC);
            out.add(n + "." + DOMAIN);
        }
        out.add(n);
        return out;
    }

    /** Splits {@code [HOSTNAME.]NAME.NS.svc.cluster.local}; empty for any other name. */
    public static Optional<Query> parse(String fqdn) {
        if (!fqdn.endsWith(SVC)) {
            return Optional.empty();
        }
        String[] parts = fqdn.substring(0, fqdn.length() - SVC.length()).split("\\.");
        if (parts.length == 2) {
            return Optional.of(new Query(parts[1], parts[0], Optional.empty()));
        }
        if (parts.length == 3) {
            return Optional.of(new Query(parts[2], parts[1], Optional.of(parts[0])));
        }
        return Optional.empty();
    }
}
