package io.flotilla.sim.dataplane;

import io.flotilla.network.kubernetes.NetworkPolicy;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why a request ended as it did, in one sentence built from the facts the router decided on: what
 * the client's node knew (its view, its load balancer) against the truth (where the backend runs,
 * whether its node is up and reachable, whether a firewall drops its packets, whether it serves).
 */
final class Explainer {

    private Explainer() {}

    static String swarm(TrafficClient c, Target target, Result result, int backend, Backends backends, Topology topology,
            SwarmPlane plane) {
        String node = c.from().orElse("a client outside the cluster");
        String network = c.network().orElse("");
        if (target instanceof Target.NodePort np) {
            return nodePort(node, np, result, backend, backends, topology, "the routing mesh of " + np.node(),
                    Optional.of(FirewallRule.SWARM_VXLAN));
        }
        String name = ((Target.Name) target).name();
        String service = name.startsWith("tasks.") ? name.substring("tasks.".length()) : name;
        switch (result) {
            case NXDOMAIN:
                if (c.network().isEmpty()) {
                    return node + " asked outside any network: only the host's resolver answers, and it knows no service";
                }
                if (plane.onNetwork(service, network) && plane.isBridge(network)) {
                    return network + " is a bridge network, which never leaves its host: " + node
                            + "'s embedded DNS there has no record for " + name + " (no task of " + service + " on it runs on " + node + ")";
                }
                if (plane.onNetwork(service, network)) {
                    return node + "'s embedded DNS has no record for " + name + " on " + network
                            + ": no endpoint of " + service + " is in its view of the network (the VIP record goes with the last one)";
                }
                return plane.declared(service)
                        ? service + " is not on " + network + ", so " + network + "'s embedded DNS has no record for " + name
                        : "no service or task named " + name + " is on " + network + ", so its embedded DNS has no record for it";
            case NO_ROUTE:
                return network + " is a bridge network, which never leaves its host: " + name
                        + "'s address on it belongs to another host than " + node;
            case TIMEOUT:
                if (backend < 0) {
                    return node + "'s IPVS for " + service + " on " + network
                            + " has every backend at weight 0 (de-weighted): the connection is dropped";
                }
                String host = topology.hostName(backends.host(backend));
                if (plane.isIpvlanL3(network) && !host.equals(node)) {
                    return network + " is an ipvlan network in L3 mode: " + node + " routes " + backends.key(backend)
                            + "'s address (on " + host + ") out of its parent interface, and nothing on the segment has a"
                            + " route to the container subnet through " + host + ": the packet is lost, no answer until"
                            + " the client's timeout";
                }
                return timeout(node, backend, backends, topology, "its load balancer", plane.crossHostRule(network));
            case RESET:
                return backends.key(backend) + " stopped while serving the request: the connection was reset";
            case SERVED:
                return backends.key(backend) + " on " + topology.hostName(backends.host(backend)) + " served it";
            default:
                return result.key();
        }
    }

    static String kubernetes(TrafficClient c, Target target, Result result, int backend, Backends backends,
            Topology topology, KubernetesPlane plane) {
        String node = c.from().orElse("a client outside the cluster");
        if (target instanceof Target.NodePort np) {
            return nodePort(node, np, result, backend, backends, topology, "kube-proxy on " + np.node(),
                    Optional.of(FirewallRule.FLANNEL_VXLAN));
        }
        String name = ((Target.Name) target).name();
        switch (result) {
            case NXDOMAIN:
                return plane.knows(name)
                        ? "the headless Service " + name + " has no ready endpoint, so the cluster DNS has no record for it"
                        : "the cluster DNS knows no Service " + name + " in namespace default";
            case REFUSED:
                return "kube-proxy on " + node + " holds no endpoint for " + name + ": its REJECT rule refuses the connection";
            case TIMEOUT:
                if (backend < 0) {
                    return "kube-proxy on " + node + " has no rules for " + name + " yet: the packet is dropped";
                }
                return timeout(node, backend, backends, topology, "kube-proxy's random choice",
                        Optional.of(FirewallRule.FLANNEL_VXLAN));
            case RESET:
                return backends.key(backend) + " stopped while serving the request: the connection was reset";
            case SERVED:
                return backends.key(backend) + " on " + topology.hostName(backends.host(backend)) + " served it";
            default:
                return result.key();
        }
    }

    /**
     * A connection the pod's NetworkPolicies did not let in: every policy that isolates the pod, and
     * what the client was, in the words of the rules.
     */
    static String droppedByPolicy(TrafficClient c, Target target, int backend, Backends backends,
            List<NetworkPolicy> isolating, String workload, int port) {
        String names = isolating.stream().map(NetworkPolicy::name).collect(Collectors.joining(", "));
        String source = target instanceof Target.NodePort np
                ? "a connection SNATed to " + np.node() + "'s address by its kube-proxy (no pod selector matches a node)"
                : c.podOf().isEmpty() ? "a pod with no label a selector names, on " + c.from().orElse("?")
                : "a pod of " + c.podOf() + " on " + c.from().orElse("?");
        return "network polic" + (isolating.size() == 1 ? "y " : "ies ") + names + " select" + (isolating.size() == 1 ? "s" : "")
                + " the pods of " + workload + " (" + backends.key(backend) + " is isolated for ingress), and no ingress rule "
                + "admits " + source + (port < 0 ? "" : " on port " + port)
                + ": the CNI drops the packets, no answer until the client's timeout";
    }

    /** {@code crossHost}: what carries the network's packets between hosts, which a firewall may drop. */
    private static String timeout(String node, int backend, Backends backends, Topology topology, String chooser,
            Optional<FirewallRule> crossHost) {
        String task = backends.key(backend);
        String host = topology.hostName(backends.host(backend));
        if (!topology.isUp(host)) {
            return chooser + " on " + node + " sent it to " + task + ", still listed, but " + host
                    + " is down: no answer until the client's timeout";
        }
        if (!node.equals(host) && topology.indexOf(node).isPresent() && !topology.canReach(node, host)) {
            return chooser + " on " + node + " sent it to " + task + ", still listed, but " + node + " cannot reach " + host
                    + ": no answer until the client's timeout";
        }
        Optional<String> dropping = crossHost.isEmpty() || node.equals(host) ? Optional.empty()
                : Stream.of(node, host).filter(h -> dropsAt(topology, h, crossHost.get())).findFirst();
        if (dropping.isPresent()) {
            return chooser + " on " + node + " sent it to " + task + " on " + host + ", but the firewall in front of "
                    + dropping.get() + " drops " + crossHost.get() + ", which carries the network between the two hosts:"
                    + " the packets vanish, no answer until the client's timeout";
        }
        return chooser + " on " + node + " sent it to " + task + ", which no longer serves (stopped or failing):"
                + " no answer until the client's timeout";
    }

    private static boolean dropsAt(Topology topology, String host, FirewallRule rule) {
        return topology.indexOf(host).stream().anyMatch(i -> topology.firewalls().drops(i, rule));
    }

    private static String nodePort(String node, Target.NodePort np, Result result, int backend, Backends backends,
            Topology topology, String balancer, Optional<FirewallRule> crossHost) {
        switch (result) {
            case NO_ROUTE:
                return node + " cannot reach " + np.node();
            case REFUSED:
                return "nothing listens on port " + np.port() + " of " + np.node();
            case TIMEOUT:
                if (!topology.isUp(np.node())) {
                    return np.node() + " is down: nothing answers on port " + np.port();
                }
                if (!node.equals(np.node()) && dropsAt(topology, np.node(), FirewallRule.tcp(np.port()))) {
                    return "the firewall in front of " + np.node() + " drops " + FirewallRule.tcp(np.port())
                            + ": the packets vanish on their way in, no answer until the client's timeout";
                }
                return backend < 0 ? balancer + " has no backend with weight above 0"
                        : timeout(np.node(), backend, backends, topology, balancer, crossHost);
            case RESET:
                return backends.key(backend) + " stopped while serving the request: the connection was reset";
            case SERVED:
                return backends.key(backend) + " on " + topology.hostName(backends.host(backend)) + " served it through "
                        + balancer;
            default:
                return result.key();
        }
    }
}
