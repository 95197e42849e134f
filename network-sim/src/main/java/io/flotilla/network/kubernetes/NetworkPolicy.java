package io.flotilla.network.kubernetes;

import java.util.List;
import java.util.Set;

/**
 * A Kubernetes NetworkPolicy of policy type Ingress, its label selectors already matched against the
 * workloads' pod labels: {@code selects} are the workloads whose pods it isolates for ingress, and
 * each of its {@code ingress} rules admits some connections to them. A policy with no rule admits
 * nothing: it only isolates ({@code ingress: []}, the upstream "default deny").
 */
public record NetworkPolicy(String name, Set<String> selects, List<Rule> ingress) {

    public NetworkPolicy {
        selects = Set.copyOf(selects);
        ingress = List.copyOf(ingress);
    }

    /**
     * One ingress rule: a connection is admitted when it comes from one of {@code from} (empty: from
     * anywhere, upstream "if this field is empty or missing, this rule matches all sources") and goes
     * to one of {@code ports} (empty: to any port).
     */
    public record Rule(List<Peer> from, Set<Integer> ports) {

        public Rule {
            from = List.copyOf(from);
            ports = Set.copyOf(ports);
        }

        boolean admits(NetworkPolicies.Source source, int port) {
            if (!ports.isEmpty() && !ports.contains(port)) {
                return false;
            }
            if (from.isEmpty()) {
                return true;
            }
            for (Peer p : from) {
                if (p.matches(source)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A {@code podSelector} peer: every pod of the namespace ({@code podSelector: {}}), or the pods of
     * the workloads whose labels it matches. A node's own address is no pod and matches no peer.
     */
    public record Peer(boolean allPods, Set<String> podsOf) {

        public Peer {
            podsOf = Set.copyOf(podsOf);
        }

        public static Peer anyPod() {
            return new Peer(true, Set.of());
        }

        public static Peer podsOf(Set<String> workloads) {
            return new Peer(false, workloads);
        }

        boolean matches(NetworkPolicies.Source source) {
            return source instanceof NetworkPolicies.Source.Pod pod && (allPods || podsOf.contains(pod.workload()));
        }
    }
}
