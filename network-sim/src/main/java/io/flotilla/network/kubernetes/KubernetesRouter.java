package io.flotilla.network.kubernetes;

import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.Topology;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

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
 *       down: {@code timeout}.
 * </ol>
 * Per request this allocates nothing.
 */
public final class KubernetesRouter {

    private final KubernetesDataPlane plane;
    private final Topology topology;
    private final Backends backends;
    private final long serviceNanos;

    public KubernetesRouter(KubernetesDataPlane plane, Topology topology, Backends backends, long serviceNanos) {
        this.plane = plane;
        this.topology = topology;
        this.backends = backends;
        this.serviceNanos = serviceNanos;
    }

    enum Kind { CLUSTER_IP, HEADLESS, HOSTNAME, NODE_PORT, UNKNOWN, NODE_UNKNOWN }

    /** A client's fixed request path: from a node (or {@link Target#OUTSIDE}) in a namespace, to a target. */
    public static final class Route {
        final int client;
        final String namespace;
        final Target target;
        final SplittableRandom proxy;
        final SplittableRandom dns;
        int version = -1;
        Kind kind;
        int service = -1;
        String hostname = "";
        int node = -1;
        int port;

        Route(int client, String namespace, Target target, SplittableRandom proxy, SplittableRandom dns) {
            this.client = client;
            this.namespace = namespace;
            this.target = target;
            this.proxy = proxy;
            this.dns = dns;
        }
    }

    public Route route(String from, String namespace, Target target) {
        int client = Target.OUTSIDE.equals(from) ? -1
                : topology.indexOf(from).orElseThrow(() -> new IllegalArgumentException("no such node: " + from));
        return new Route(client, namespace, target, plane.stream("kubeproxy." + from), plane.stream("dns.shuffle." + from));
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
                return deliver(r.client, targets[r.proxy.nextInt(targets.length)], 0, now, timeoutNanos, out);
            }
            case HEADLESS: {
                int[] ready = plane.ready(r.service);
                if (ready.length == 0) {
                    return Result.NXDOMAIN;
                }
                return deliver(r.client, ready[r.dns.nextInt(ready.length)], 0, now, timeoutNanos, out);
            }
            case HOSTNAME: {
                int b = plane.readyHostname(r.service, r.hostname);
                return b < 0 ? Result.NXDOMAIN : deliver(r.client, b, 0, now, timeoutNanos, out);
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
        return deliver(node, targets[r.proxy.nextInt(targets.length)], toNode, now, timeoutNanos, out);
    }

    private Result deliver(int from, int b, long before, long now, long timeoutNanos, Outcome out) {
        int host = backends.host(b);
        if (from >= 0 && !topology.canReach(from, host) || !backends.serving(b)) {
            out.set(b, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        long path = from >= 0 ? topology.latencyNanos(from, host) : 0;
        out.set(b, now + 2 * (before + path) + serviceNanos);
        return Result.SERVED;
    }

    private void resolve(Route r) {
        r.version = plane.catalogVersion();
        r.service = -1;
        r.hostname = "";
        if (r.target instanceof Target.NodePort np) {
            OptionalInt node = topology.indexOf(np.node());
            r.kind = node.isPresent() ? Kind.NODE_PORT : Kind.NODE_UNKNOWN;
            r.node = node.orElse(-1);
            r.port = np.port();
            r.service = plane.nodePortService(np.port()).orElse(-1);
            return;
        }
        Optional<KubernetesDataPlane.Resolved> found = plane.lookup(r.namespace, ((Target.Name) r.target).name());
        if (found.isEmpty() || r.client < 0) {
            r.kind = Kind.UNKNOWN;
            return;
        }
        r.service = found.get().service();
        if (found.get().hostname().isPresent()) {
            r.kind = Kind.HOSTNAME;
            r.hostname = found.get().hostname().get();
        } else {
            r.kind = plane.service(r.service).orElseThrow().headless() ? Kind.HEADLESS : Kind.CLUSTER_IP;
        }
    }
}
