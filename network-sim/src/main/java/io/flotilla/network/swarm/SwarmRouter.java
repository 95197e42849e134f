package io.flotilla.network.swarm;

import io.flotilla.network.driver.Driver;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Decides the fate of one request in a Swarm cluster, from the client node's point of view:
 * resolve the target in that node's view, pick a backend as its load balancer would, and check the
 * path and the backend against the truth.
 *
 * <ol>
 *   <li><b>Resolve.</b> A name is looked up in the client node's view of the client's network. A
 *       VIP service resolves while any of its endpoints is in the view (fact: the VIP record goes with
 *       the last backend); dnsrr, {@code tasks.} and task names need an enabled endpoint. No record:
 *       {@code nxdomain}, whatever the reason: a name that exists only on networks the client is not
 *       on, or on a bridge network only on other hosts, is not in the embedded DNS of the client's
 *       network there, and the request gets the same answer the DNS gives (as Docker's resolver
 *       does: {@code getaddrinfo} fails before any packet is sent).
 *   <li><b>Pick.</b> VIP: the client node's IPVS round robin for the service on that network; all
 *       destinations at weight 0: IPVS drops it, {@code timeout}. dnsrr and {@code tasks.}: the client
 *       takes the first address of a shuffled answer, which is a uniformly random enabled task (one
 *       draw from {@code dns.shuffle.<host>}). {@code NODE:PORT}: a host-mode binding on that node,
 *       else the node's ingress IPVS for the service publishing the port, else {@code refused}.
 *   <li><b>Deliver.</b> The network's driver must carry the pair (bridge never crosses hosts:
 *       {@code no_route}, for an address the client knows; ipvlan L3 routes only between one host's
 *       children, so another host's task is {@code timeout}: nothing routes the container subnet
 *       there); across hosts the underlay must connect them, else {@code timeout} (the
 *       backend is listed but unreachable); an overlay's packets (VXLAN on 4789/udp, ESP when it is
 *       encrypted) must pass the {@linkplain io.flotilla.network.topology.Firewalls firewalls} at
 *       both ends, and a published port the receiving node's, else {@code timeout}; the backend
 *       must be serving (running and healthy), else {@code timeout}.
 * </ol>
 * A served request completes after the round trip (twice the one-way path latency, through the
 * ingress node for a published port) plus the service time; a timeout after the client's timeout.
 * {@code reset} is not decided here: it is the fate of a served request whose task stops before it
 * completes (see {@link io.flotilla.network.request.TrafficLedger}).
 *
 * <p>Per request this does array reads and one round-robin step; it allocates nothing.
 */
public final class SwarmRouter {

    private final SwarmDataPlane plane;
    private final Topology topology;
    private final Backends backends;
    private final long serviceNanos;

    public SwarmRouter(SwarmDataPlane plane, Topology topology, Backends backends, long serviceNanos) {
        this.plane = plane;
        this.topology = topology;
        this.backends = backends;
        this.serviceNanos = serviceNanos;
    }

    /** What a route resolves to, worked out once per declaration change. */
    enum Kind { VIP, TASKS, TASK, NODE_PORT, UNKNOWN, NODE_UNKNOWN }

    /**
     * A client's fixed request path: from a node (or {@link Target#OUTSIDE}), on a network (empty: from the
     * host itself), to a target. Build it once per traffic client and send through it many times.
     */
    public static final class Route {
        final int client;
        final int network;
        final Driver driver;
        final Target target;
        final SplittableRandom dns;
        int version = -1;
        Kind kind;
        int service = -1;
        String name = "";
        int node = -1;
        int port;

        Route(int client, int network, Driver driver, Target target, SplittableRandom dns) {
            this.client = client;
            this.network = network;
            this.driver = driver;
            this.target = target;
            this.dns = dns;
        }
    }

    public Route route(String from, Optional<String> network, Target target) {
        int client = Target.OUTSIDE.equals(from) ? -1 : topology.indexOf(from)
                .orElseThrow(() -> new IllegalArgumentException("no such node: " + from));
        int net = network.map(n -> plane.networkIdOf(n)
                .orElseThrow(() -> new IllegalArgumentException("no such network: " + n))).orElse(-1);
        Driver driver = net < 0 ? Driver.OVERLAY : plane.driver(net).orElse(Driver.OVERLAY);
        return new Route(client, net, driver, target, client < 0 ? new SplittableRandom(0) : plane.dnsRandom(from));
    }

    /** Sends one request at {@code now}; the client gives up after {@code timeoutNanos}. */
    public Result send(Route r, long now, long timeoutNanos, Outcome out) {
        if (r.version != plane.version()) {
            resolve(r);
        }
        out.set(-1, now);
        switch (r.kind) {
            case NODE_PORT:
                return nodePort(r, now, timeoutNanos, out);
            case VIP: {
                NetworkView view = plane.viewOrNull(r.client, r.network);
                NetworkView.ServiceBackends s = view == null ? null : view.serviceOrNull(r.service);
                if (s == null) {
                    return Result.NXDOMAIN;
                }
                int b = s.ipvs.pick();
                if (b < 0) {
                    out.set(-1, now + timeoutNanos);
                    return Result.TIMEOUT;
                }
                return deliver(r, b, now, timeoutNanos, out);
            }
            case TASKS: {
                NetworkView view = plane.viewOrNull(r.client, r.network);
                NetworkView.ServiceBackends s = view == null ? null : view.serviceOrNull(r.service);
                if (s == null || s.enabledCount == 0) {
                    return Result.NXDOMAIN;
                }
                return deliver(r, s.enabled[r.dns.nextInt(s.enabledCount)], now, timeoutNanos, out);
            }
            case TASK: {
                NetworkView view = plane.viewOrNull(r.client, r.network);
                Integer b = view == null ? null : view.tasks.get(r.name);
                if (b == null) {
                    return Result.NXDOMAIN;
                }
                return deliver(r, b, now, timeoutNanos, out);
            }
            case NODE_UNKNOWN:
                return Result.NO_ROUTE;
            default:
                return Result.NXDOMAIN;
        }
    }

    private Result deliver(Route r, int b, long now, long timeoutNanos, Outcome out) {
        int host = backends.host(b);
        Driver.Path path = r.driver.path(host == r.client, r.network < 0);
        if (path == Driver.Path.NONE) {
            out.set(b, now);
            return Result.NO_ROUTE;
        }
        if (path == Driver.Path.UNROUTED || path == Driver.Path.UNDERLAY && !topology.canReach(r.client, host)
                || path == Driver.Path.UNDERLAY && firewallDrops(r.client, host, r.network)) {
            out.set(b, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        if (!backends.serving(b)) {
            out.set(b, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        out.set(b, now + 2 * topology.latencyNanos(r.client, host) + serviceNanos);
        return Result.SERVED;
    }

    private Result nodePort(Route r, long now, long timeoutNanos, Outcome out) {
        int node = r.node;
        if (!topology.canReach(node, node)) {
            out.set(-1, now + timeoutNanos);
            return Result.TIMEOUT; // the node is down: nothing answers
        }
        if (r.client >= 0 && !topology.canReach(r.client, node)) {
            return Result.NO_ROUTE;
        }
        if (r.client != node && topology.firewalls().drops(node, FirewallRule.tcp(r.port))) {
            out.set(-1, now + timeoutNanos);
            return Result.TIMEOUT; // dropped on its way in: no answer, not even a reset
        }
        long toNode = r.client >= 0 ? topology.latencyNanos(r.client, node) : 0;
        int bound = plane.hostPortBackend(node, r.port);
        if (bound >= 0) {
            if (!backends.serving(bound)) {
                out.set(bound, now + timeoutNanos);
                return Result.TIMEOUT;
            }
            out.set(bound, now + 2 * toNode + serviceNanos);
            return Result.SERVED;
        }
        int service = plane.ingressService(r.port);
        NetworkView view = service < 0 ? null : plane.viewOrNull(node, plane.ingressNetwork());
        NetworkView.ServiceBackends s = view == null ? null : view.serviceOrNull(service);
        if (s == null) {
            out.set(-1, now + 2 * toNode);
            return Result.REFUSED;
        }
        int b = s.ipvs.pick();
        if (b < 0) {
            out.set(-1, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        int host = backends.host(b);
        if (!topology.canReach(node, host) || firewallDrops(node, host, plane.ingressNetwork()) || !backends.serving(b)) {
            out.set(b, now + timeoutNanos);
            return Result.TIMEOUT;
        }
        out.set(b, now + 2 * (toNode + topology.latencyNanos(node, host)) + serviceNanos);
        return Result.SERVED;
    }

    /** Whether a firewall at either host drops the network's packets between the two. */
    private boolean firewallDrops(int a, int b, int network) {
        if (!topology.firewalls().any()) {
            return false;
        }
        Optional<FirewallRule> rule = plane.crossHostRule(network);
        return rule.isPresent() && topology.firewalls().dropsBetween(a, b, rule.get());
    }

    private void resolve(Route r) {
        r.version = plane.version();
        r.service = -1;
        r.name = "";
        if (r.target instanceof Target.NodePort np) {
            OptionalInt node = topology.indexOf(np.node());
            r.kind = node.isPresent() ? Kind.NODE_PORT : Kind.NODE_UNKNOWN;
            r.node = node.orElse(-1);
            r.port = np.port();
            return;
        }
        String name = ((Target.Name) r.target).name();
        if (r.network < 0) {
            r.kind = Kind.UNKNOWN; // the host's own resolver knows no service names
            return;
        }
        boolean tasks = name.startsWith("tasks.");
        OptionalInt sid = plane.serviceIdOf(tasks ? name.substring("tasks.".length()) : name);
        if (sid.isPresent()) {
            r.service = sid.getAsInt();
            // A service not on the client's network has no record in that network's DNS.
            boolean here = plane.serviceOn(r.service, r.network);
            r.kind = !here ? Kind.UNKNOWN
                    : !tasks && plane.hasVip(r.service, r.network) ? Kind.VIP : Kind.TASKS;
            return;
        }
        if (!plane.taskNetworks(name).isEmpty()) {
            r.name = name;
            r.kind = plane.taskNetworks(name).contains(r.network) ? Kind.TASK : Kind.UNKNOWN;
            return;
        }
        r.kind = Kind.UNKNOWN;
    }
}
