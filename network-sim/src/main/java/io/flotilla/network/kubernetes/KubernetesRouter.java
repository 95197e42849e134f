package io.flotilla.network.kubernetes;

import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Decides the fate of one request in a Kubernetes cluster.
 *
 * <ol>
 *   <li><b>Resolve</b> through cluster DNS ({@link ClusterDns}): an unknown name is {@code nxdomain};
 *       a headless Service or a StatefulSet pod's hostname with no ready endpoint is {@code nxdomain}
 *       too.
 *   <li><b>Pick.</b> A ClusterIP: the client node's kube-proxy, uniformly at random over the endpoints
 *       its rules hold (iptables mode: "chooses a backend at random"; one draw from {@code
 *       kubeproxy.<node>}); a Service it holds with no endpoint is REJECTed, {@code refused}; one it
 *       has no rules for at all drops the packet, {@code timeout}. A headless Service: a uniformly
 *       random ready address (the first of CoreDNS's shuffled answer; {@code dns.shuffle.<node>}).
 *       {@code NODE:PORT}: that node's kube-proxy for the NodePort Service, over every endpoint in the
 *       cluster (externalTrafficPolicy Cluster); no such port: {@code refused}.
 *   <li><b>Deliver.</b> The pod network is flat: the underlay must connect the two nodes, else
 *       {@code timeout}; the pod must be serving, else {@code timeout} ("the connection fails", no
 *       retry). A node the client cannot reach for {@code NODE:PORT}: {@code no_route}; a node that is
 *       down: {@code timeout}. The pod's NetworkPolicies must let the connection in ({@link
 *       NetworkPolicies}), else the CNI drops it: {@code timeout}. Between nodes the pod network
 *       is flannel's VXLAN on 8472/udp, and a {@linkplain io.flotilla.network.topology.Firewalls
 *       firewall} at either end that drops it drops the request: {@code timeout}; so does one that
 *       drops the NodePort on its way in.
 * </ol>
 * Per request this allocates nothing (a route's policy verdicts are worked out once per backend).
 */
public final class KubernetesRouter {

    private final KubernetesDataPlane plane;
    private final Topology topology;
    private final Backends backends;
    private final long serviceNanos;
    private final NetworkPolicies policies;
    /** The workload of a backend (a pod), which the policies select by. */
    private final IntFunction<String> workloadOf;
    private final PodPorts podPorts;

    /** The pod port a Service sends its connections to, which policy rules name; -1 when it has none. */
    public interface PodPorts {
        /** {@code nodePort}: the NodePort the connection came in by, or -1 for the ClusterIP or a pod's name. */
        int podPort(String service, int nodePort);
    }

    public KubernetesRouter(KubernetesDataPlane plane, Topology topology, Backends backends, long serviceNanos) {
        this(plane, topology, backends, serviceNanos, NetworkPolicies.NONE, b -> "", (s, p) -> -1);
    }

    public KubernetesRouter(KubernetesDataPlane plane, Topology topology, Backends backends, long serviceNanos,
            NetworkPolicies policies, IntFunction<String> workloadOf, PodPorts podPorts) {
        this.plane = plane;
        this.topology = topology;
        this.backends = backends;
        this.serviceNanos = serviceNanos;
        this.policies = policies;
        this.workloadOf = workloadOf;
        this.podPorts = podPorts;
    }

    enum Kind { CLUSTER_IP, HEADLESS, HOSTNAME, NODE_PORT, UNKNOWN, NODE_UNKNOWN }

    /** A client's fixed request path: from a node (or {@link Target#OUTSIDE}) in a namespace, to a target. */
    public static final class Route {
        final int client;
        final String namespace;
        final Target target;
        final SplittableRandom proxy;
        final SplittableRandom dns;
        /** The client pod as the policies see it, and the pod port its connections go to (-1: none). */
        final NetworkPolicies.Source source;
        int podPort = -1;
        /** Per backend: 0 not worked out yet, 1 let in, 2 dropped by the policies. */
        byte[] verdicts = new byte[0];
        int version = -1;
        Kind kind;
        int service = -1;
        String hostname = "";
        int node = -1;
        int port;

        Route(int client, String namespace, Target target, SplittableRandom proxy, SplittableRandom dns,
                NetworkPolicies.Source source) {
            this.client = client;
            this.namespace = namespace;
            this.target = target;
            this.proxy = proxy;
            this.dns = dns;
            this.source = source;
        }
    }

    /** A route from a pod of no workload. */
    public Route route(String from, String namespace, Target target) {
        return route(from, namespace, target, "");
    }

    /** A route from a pod of {@code clientWorkload} ({@code ""}: of none, with no label a selector names) on node {@code from}. */
    public Route route(String from, String namespace, Target target, String clientWorkload) {
        int client = Target.OUTSIDE.equals(from) ? -1
                : topology.indexOf(from).orElseThrow(() -> new IllegalArgumentException("no such node: " + from));
        return new Route(client, namespace, target, plane.stream("kubeproxy." + from), plane.stream("dns.shuffle." + from),
                new NetworkPolicies.Source.Pod(clientWorkload));
    }

    /**
     * The policies that isolate backend {@code b}'s pod when they dropped the route's connection to
     * it; empty when they let it in.
     */
    public List<NetworkPolicy> droppedBy(Route r, int b) {
        return admitted(r, b) ? List.of() : policies.isolating(workloadOf.apply(b));
    }

    /** The pod port the route's connections reach (-1: none), as last resolved. */
    public int podPort(Route r) {
        return r.podPort;
    }

    private boolean admitted(Route r, int b) {
        if (policies.isEmpty()) {
            return true;
        }
        if (b >= r.verdicts.length) {
            r.verdicts = Arrays.copyOf(r.verdicts, Math.max(b + 1, r.verdicts.length * 2));
        }
        if (r.verdicts[b] == 0) {
            // Through a NodePort the source is the node kube-proxy SNATs from; otherwise the client pod.
            NetworkPolicies.Source source = r.kind == Kind.NODE_PORT ? new NetworkPolicies.Source.Node(r.node) : r.source;
            r.verdicts[b] = policies.admits(source, workloadOf.apply(b), backends.host(b), r.podPort) ? (byte) 1 : (byte) 2;
        }
        return r.verdicts[b] == 1;
    }

    public Result send(Route r, long now, long timeoutNanos, Outcome out) {
        if (r.version != plane.catalogVersion()) {
            resolve(r);
        }
        out.set(-1, now);
        switch (r.kind) {
            case CLUSTER_IP: {
                int[] targets = plane.proxyTargets(r.client, r.service);
                if (targets == null) {
                    out.set(-1, now + timeoutNanos);
                    return Result.TIMEOUT;
                }
                if (targets.length == 0) {
                    return Result.REFUSED;
                }
                return deliver(r, r.client, targets[r.proxy.nextInt(targets.length)], 0, now, timeoutNanos, out);
            }
            case HEADLESS: {
                int[] ready = plane.ready(r.service);
                if (ready.length == 0) {
                    return Result.NXDOMAIN;
                }
                return deliver(r, r.client, ready[r.dns.nextInt(ready.length)], 0, now, timeoutNanos, out);
            }
            case HOSTNAME: {
                int b = plane.readyHostname(r.service, r.hostname);
                return b < 0 ? Result.NXDOMAIN : deliver(r, r.client, b, 0, now, timeoutNanos, out);
            }
            case NODE_PORT:
                return nodePort(r, now, timeoutNanos, out);
            case NODE_UNKNOWN:
                return Result.NO_ROUTE;
            default:
                return Result.NXDOMAIN;
        }
    }

    private Result nodePort(Route r, long now, long timeoutNanos, Outcome out) {
        int node = r.node;
        if (!topology.canReach(node, node)) {
            out.set(-1, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        if (r.client >= 0 && !topology.canReach(r.client, node)) {
            return Result.NO_ROUTE;
        }
        if (r.client != node && topology.firewalls().drops(node, FirewallRule.tcp(r.port))) {
            out.set(-1, now + timeoutNanos);
            return Result.TIMEOUT; // dropped on its way in: no answer, not even a reset
        }
        long toNode = r.client >= 0 ? topology.latencyNanos(r.client, node) : 0;
        if (r.service < 0) {
            out.set(-1, now + 2 * toNode);
            return Result.REFUSED;
        }
        int[] targets = plane.proxyTargets(node, r.service);
        if (targets == null || targets.length == 0) {
            out.set(-1, now + 2 * toNode);
            return Result.REFUSED;
        }
        return deliver(r, node, targets[r.proxy.nextInt(targets.length)], toNode, now, timeoutNanos, out);
    }

    private Result deliver(Route r, int from, int b, long before, long now, long timeoutNanos, Outcome out) {
        int host = backends.host(b);
        if (from >= 0 && !topology.canReach(from, host) || !backends.serving(b) || !admitted(r, b)
                || from >= 0 && topology.firewalls().dropsBetween(from, host, FirewallRule.FLANNEL_VXLAN)) {
            out.set(b, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        long path = from >= 0 ? topology.latencyNanos(from, host) : 0;
        out.set(b, now + 2 * (before + path) + serviceNanos);
        return Result.SERVED;
    }

    private void resolve(Route r) {
        r.version = plane.catalogVersion();
        Arrays.fill(r.verdicts, (byte) 0);
        r.service = -1;
        r.hostname = "";
        if (r.target instanceof Target.NodePort np) {
            OptionalInt node = topology.indexOf(np.node());
            r.kind = node.isPresent() ? Kind.NODE_PORT : Kind.NODE_UNKNOWN;
            r.node = node.orElse(-1);
            r.port = np.port();
            r.service = plane.nodePortService(np.port()).orElse(-1);
            r.podPort = r.service < 0 ? -1 : plane.service(r.service).map(s -> podPorts.podPort(s.name(), np.port())).orElse(-1);
            return;
        }
        Optional<KubernetesDataPlane.Resolved> found = plane.lookup(r.namespace, ((Target.Name) r.target).name());
        if (found.isEmpty() || r.client < 0) {
            r.kind = Kind.UNKNOWN;
            return;
        }
        r.service = found.get().service();
        r.podPort = plane.service(r.service).map(s -> podPorts.podPort(s.name(), -1)).orElse(-1);
        if (found.get().hostname().isPresent()) {
            r.kind = Kind.HOSTNAME;
            r.hostname = found.get().hostname().get();
        } else {
            r.kind = plane.service(r.service).orElseThrow().headless() ? Kind.HEADLESS : Kind.CLUSTER_IP;
        }
    }
}
