package io.flotilla.network.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * The NetworkPolicies of the namespace, as a policy-enforcing CNI applies them to connections into a
 * pod (the Kubernetes documentation, "Network Policies"):
 *
 * <ul>
 *   <li>"By default, a pod is non-isolated for ingress; all inbound connections are allowed." A pod
 *       is isolated once any policy selects it, and then admits only what some policy selecting it
 *       allows: policies "do not conflict; they are additive", so the order does not matter.
 *   <li>Traffic from the node the pod runs on is always allowed, whatever the policies say ("traffic
 *       to and from the node where a Pod is running is always allowed"): a NodePort request reaching
 *       the pod through kube-proxy on its own node. Through another node it arrives with that node's
 *       address (kube-proxy SNATs it, {@code externalTrafficPolicy: Cluster}), which no pod selector
 *       matches.
 *   <li>A denied connection's packets are dropped, not refused: the client's connect times out, as
 *       with the usual implementations (Calico's and Cilium's default action for a denied packet is
 *       to drop it).
 * </ul>
 * Egress policies are not modelled.
 */
public final class NetworkPolicies {

    /** No policy at all: every pod is non-isolated. */
    public static final NetworkPolicies NONE = new NetworkPolicies(List.of());

    /** Where a connection comes from, as the destination's CNI sees its source address. */
    public sealed interface Source permits Source.Pod, Source.Node {

        /** A pod of {@code workload} ({@code ""}: a pod of no workload, with no label a selector names). */
        record Pod(String workload) implements Source {}

        /** A node's own address (topology index): kube-proxy's SNAT for a NodePort. */
        record Node(int index) implements Source {}
    }

    private final List<NetworkPolicy> policies;

    public NetworkPolicies(List<NetworkPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** The policies that select the pods of {@code workload}, in declaration order; empty: non-isolated. */
    public List<NetworkPolicy> isolating(String workload) {
        List<NetworkPolicy> out = new ArrayList<>();
        for (NetworkPolicy p : policies) {
            if (p.selects().contains(workload)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Whether a connection from {@code source} to a pod of {@code workload} on node {@code podNode}, on
     * {@code port} (-1: a port no rule can name), is let in.
     */
    public boolean admits(Source source, String workload, int podNode, int port) {
        List<NetworkPolicy> applying = isolating(workload);
        if (applying.isEmpty()) {
            return true;
        }
        if (source instanceof Source.Node n && n.index() == podNode) {
            return true;
        }
        for (NetworkPolicy p : applying) {
            for (NetworkPolicy.Rule r : p.ingress()) {
                if (r.admits(source, port)) {
                    return true;
                }
            }
        }
        return false;
    }
}
