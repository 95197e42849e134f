package io.flotilla.sim.dataplane;

import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.driver.Driver;
import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipCluster;
import io.flotilla.network.gossip.GossipConfig;
import io.flotilla.network.gossip.GossipEvent;
import io.flotilla.network.lb.Destination;
import io.flotilla.network.overlay.Allocation;
import io.flotilla.network.overlay.OverlayNetworks;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.swarm.SwarmDataPlane;
import io.flotilla.network.swarm.SwarmDataPlane.EndpointMode;
import io.flotilla.network.swarm.SwarmDataPlane.ServiceDecl;
import io.flotilla.network.swarm.SwarmDataPlane.ViewRecords;
import io.flotilla.network.swarm.SwarmRouter;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Swarm's data plane in the simulation: the gossip layer ({@link GossipCluster}: memberlist and every
 * node's NetworkDB replica) feeds every node's embedded DNS and IPVS ({@link SwarmDataPlane}), and
 * {@link SwarmRouter} decides each request from the client node's view.
 *
 * <p>What each node's daemon does, as libnetwork does it:
 * <ul>
 *   <li>a container that starts attaches its node to each of the task's networks (the ingress network
 *       too when its service publishes a port through the routing mesh): the node joins the network's
 *       gossip and bulk-syncs its table, so it learns the others' endpoints at once;
 *   <li>activating the task's service binding publishes its endpoint on each network; deactivating
 *       it republishes it disabled ({@code ServiceDisabled}: out of DNS, IPVS weight 0); the container's
 *       end withdraws it;
 *   <li>overlay, macvlan and ipvlan endpoints travel by gossip; a bridge network's never leave the host;
 *   <li>the allocator gives overlay addresses (the manager tells them); the node's own IPAM gives
 *       bridge, macvlan and ipvlan ones when the container starts.
 * </ul>
 * Every node is on the ingress network once a service publishes a port through the routing mesh,
 * since every node's ingress sandbox balances it.
 *
 * <p>Memberlist runs from the moment something first uses a network, with every running node
 * knowing every other alive, which is where it would have converged by then.
 *
 * <p>Only the nodes that route a traffic client's requests (its own node, the node of a
 * {@code NODE:PORT} it sends to) keep a full DNS and IPVS state here; every other node's DNS answers
 * are read from its gossip view when they are logged. A thousand nodes' IPVS tables would cost much
 * and change nothing anyone asks.
 */
final class SwarmPlane implements Plane {

    /** A running container: its task, node, and address on each network it is attached to. */
    private static final class Running {
        final Task task;
        final String node;
        final SortedMap<String, String> addresses;
        final boolean[] published;
        boolean enabled;

        Running(Task task, String node, SortedMap<String, String> addresses) {
            this.task = task;
            this.node = node;
            this.addresses = addresses;
            this.published = new boolean[addresses.size()];
        }
    }

    /** The swarm router's route and what the logs need of the client. */
    private record SwarmRoute(SwarmRouter.Route route, TrafficClient client, Target target) implements Route {}

    private final Topology topology;
    private final List<String> hosts;
    private final Networks networks;
    private final Backends backends = new Backends();
    private final SwarmDataPlane plane;
    private final SwarmRouter router;
    private final GossipConfig gossipConfig;
    private final Randomness randomness;
    private final Changes changes;
    private final Set<String> routers;
    private Optional<GossipCluster> gossip = Optional.empty();
    private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
    private final Map<String, SortedMap<String, String>> vips = new HashMap<>();
    private final Map<String, SortedMap<String, String>> allocated = new HashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
    /** By network: the names logged there, worked out once per set of services (every flush asks). */
    private final Map<String, List<String>> dnsNames = new HashMap<>();
    /** By node and network: how many of the node's containers (tasks and clients) are on the network. */
    private final Map<String, Map<String, Integer>> attached = new HashMap<>();
    private boolean ingressInUse;

    SwarmPlane(Topology topology, Networks networks, GossipConfig gossipConfig, Randomness randomness,
            long serviceNanos, Set<String> routers, Changes changes) {
        this.topology = topology;
        this.routers = Set.copyOf(routers);
        this.hosts = topology.hosts();
        this.networks = networks;
        this.gossipConfig = gossipConfig;
        this.randomness = randomness;
        this.changes = changes;
        this.plane = new SwarmDataPlane(topology, networks, backends, randomness);
        this.router = new SwarmRouter(plane, topology, backends, serviceNanos);
    }

    // ---- control plane ------------------------------------------------------------------------

    @Override
    public void serviceDeclared(ServiceSpec spec, SortedMap<String, String> serviceVips, long now) {
        services.put(spec.name(), spec);
        dnsNames.clear();
        vips.put(spec.name(), serviceVips);
        List<Integer> ingressPorts = ingressPorts(spec.task());
        plane.declareService(new ServiceDecl(spec.name(),
                spec.endpointMode() == io.flotilla.scheduler.model.EndpointMode.DNSRR ? EndpointMode.DNSRR : EndpointMode.VIP,
                attachments(spec.task()), ingressPorts));
        if (!ingressPorts.isEmpty() && !ingressInUse) {
            ingressInUse = true;
            GossipCluster g = gossip(now);
            for (String h : hosts) {
                if (topology.isUp(h)) {
                    g.joinNetwork(now, h, OverlayNetworks.INGRESS);
                }
            }
        }
        changes.everythingChanged();
    }

    @Override
    public void taskAddressed(String taskId, SortedMap<String, String> addresses) {
        allocated.put(taskId, addresses);
    }

    @Override
    public void endpointsChanged(String service, List<ServiceEndpoint> endpoints, long now) {
        // Swarm has no EndpointSlices
    }

    // ---- a node's daemon --------------------------------------------------------------------

    @Override
    public void containerStarted(String node, Task task, long now) {
        SortedMap<String, String> given = allocated.getOrDefault(task.id(), new TreeMap<>());
        SortedMap<String, String> addresses = new TreeMap<>();
        for (String network : attachments(task.spec())) {
            Optional<Driver> driver = networks.driver(network);
            if (driver.isEmpty()) {
                continue;
            }
            if (driver.get() == Driver.OVERLAY) {
                if (given.containsKey(network)) {
                    addresses.put(network, given.get(network));
                }
            } else if (networks.allocate(network, task.id(), node) instanceof Allocation.Address a) {
                addresses.put(network, a.address());
                changes.addressed(task.id(), network, a.address());
            }
        }
        Running r = new Running(task, node, addresses);
        running.put(task.id(), r);
        backends.intern(task.id(), task.name(), topology.indexOf(node).orElseThrow());
        for (PortConfig p : task.spec().ports()) {
            if (p.mode() == PublishMode.HOST && p.published() > 0) {
                plane.bindHostPort(node, p.published(), task.id());
            }
        }
        for (String network : addresses.keySet()) {
            attach(node, network, now);
        }
    }

    /**
     * One more container of the node on the network: the first one attaches the node (moby#33721: the
     * network's state appears on a node "when there is a task scheduled on that node"), which joins the
     * network's gossip and bulk-syncs its table. Every node is on the ingress network anyway.
     */
    private void attach(String node, String network, long now) {
        if (network.equals(OverlayNetworks.INGRESS)) {
            return;
        }
        int n = attached.computeIfAbsent(node, x -> new HashMap<>()).merge(network, 1, Integer::sum);
        if (n == 1) {
            changes.attached(node, network);
            if (gossiped(network)) {
                gossip(now).joinNetwork(now, node, network);
            }
        }
    }

    /** One container fewer: the last one leaves, and "all the service info associated with that network" goes. */
    private void detach(String node, String network, long now) {
        Map<String, Integer> ofNode = attached.get(node);
        Integer n = ofNode == null ? null : ofNode.get(network);
        if (n == null) {
            return;
        }
        if (n > 1) {
            ofNode.put(network, n - 1);
            return;
        }
        ofNode.remove(network);
        changes.detached(node, network);
        if (gossiped(network)) {
            gossip.ifPresent(g -> g.leaveNetwork(now, node, network));
        }
    }

    @Override
    public void bindingChanged(String node, String taskId, boolean enabled, long now) {
        Running r = running.get(taskId);
        if (r == null || r.enabled == enabled) {
            return; // nothing to deactivate before the first activation, nothing to do twice
        }
        r.enabled = enabled;
        int i = 0;
        for (Map.Entry<String, String> a : r.addresses.entrySet()) {
            Endpoint e = endpoint(r, a.getKey(), a.getValue(), !enabled);
            if (gossiped(a.getKey())) {
                gossip(now).publish(now, node, taskId, e);
            } else {
                plane.localEndpoint(node, taskId, r.published[i] ? GossipEvent.Op.UPDATED : GossipEvent.Op.ADDED, e);
                changes.viewChanged(node, a.getKey());
            }
            r.published[i++] = true;
        }
    }

    @Override
    public void containerStopped(String node, String taskId, boolean removed, long now) {
        Running r = running.remove(taskId);
        if (r == null) {
            return;
        }
        int i = 0;
        for (Map.Entry<String, String> a : r.addresses.entrySet()) {
            String network = a.getKey();
            if (r.published[i++]) {
                if (gossiped(network)) {
                    gossip(now).withdraw(now, node, network, taskId);
                } else {
                    plane.localEndpoint(node, taskId, GossipEvent.Op.REMOVED, endpoint(r, network, a.getValue(), !r.enabled));
                    changes.viewChanged(node, network);
                }
            }
            if (networks.driver(network).orElse(Driver.OVERLAY) != Driver.OVERLAY) {
                networks.release(network, node, a.getValue());
            }
            detach(node, network, now);
        }
        unbindPorts(r);
        allocated.remove(taskId);
    }

    // ---- underlay -----------------------------------------------------------------------------

    @Override
    public void hostDown(String node, long now) {
        topology.hostDown(node);
        gossip.ifPresent(g -> g.hostCrashed(now, node));
        for (Running r : List.copyOf(running.values())) {
            if (r.node.equals(node)) {
                running.remove(r.task.id());
                int i = 0;
                for (Map.Entry<String, String> a : r.addresses.entrySet()) {
                    if (networks.driver(a.getKey()).orElse(Driver.OVERLAY) != Driver.OVERLAY) {
                        if (r.published[i]) {
                            plane.localEndpoint(node, r.task.id(), GossipEvent.Op.REMOVED,
                                    endpoint(r, a.getKey(), a.getValue(), !r.enabled));
                        }
                        networks.release(a.getKey(), node, a.getValue());
                    }
                    i++;
                }
                unbindPorts(r);
            }
        }
        attached.remove(node);
        changes.nodeGone(node);
    }

    @Override
    public void hostUp(String node, long now) {
        topology.hostUp(node);
        gossip.ifPresent(g -> {
            g.hostRestarted(now, node);
            if (ingressInUse) {
                g.joinNetwork(now, node, OverlayNetworks.INGRESS);
            }
        });
    }

    /** What carries the network's packets between hosts, for a firewall to drop (see {@link SwarmDataPlane#crossHostRule}). */
    Optional<FirewallRule> crossHostRule(String network) {
        return plane.crossHostRule(network);
    }

    @Override
    public Optional<String> neverCarries(FirewallRule rule) {
        if (rule.equals(FirewallRule.FLANNEL_VXLAN)) {
            return Optional.of("nothing of Swarm listens on 8472/udp: its overlay networks' VXLAN uses 4789/udp");
        }
        if (rule.equals(FirewallRule.KUBE_APISERVER)) {
            return Optional.of("nothing of Swarm listens on 6443/tcp: its managers listen on 2377/tcp");
        }
        boolean encrypted = networks.names().stream().anyMatch(n -> networks.spec(n).map(NetworkSpec::encrypted).orElse(false));
        if (rule.equals(FirewallRule.ESP) && !encrypted) {
            return Optional.of("no overlay network is encrypted, so nothing sends esp");
        }
        return Optional.empty();
    }

    /** Gossip follows its port; nothing of Swarm's data plane waits on the managers. */
    @Override
    public void firewallChanged(List<FirewallRule> rules, long now) {
        if (rules.contains(FirewallRule.GOSSIP_TCP) || rules.contains(FirewallRule.GOSSIP_UDP)) {
            underlayChanged(now);
        }
    }

    @Override
    public void underlayChanged(long now) {
        gossip.ifPresent(g -> g.topologyChanged(now));
        changes.everythingChanged();
    }

    @Override
    public boolean isUp(String node) {
        return topology.isUp(node);
    }

    // ---- clock --------------------------------------------------------------------------------

    @Override
    public OptionalLong nextEventTime() {
        return gossip.map(GossipCluster::nextEventTime).orElse(OptionalLong.empty());
    }

    @Override
    public void advanceTo(long now) {
        gossip.ifPresent(g -> g.advanceTo(now));
    }

    // ---- requests -----------------------------------------------------------------------------

    @Override
    public Backends backends() {
        return backends;
    }

    @Override
    public String networkOf(TrafficClient client) {
        return client.network().orElse("");
    }

    @Override
    public Route route(TrafficClient client) {
        Target target = Target.parse(client.target());
        String from = client.from().orElse(Target.OUTSIDE);
        return new SwarmRoute(router.route(from, client.network().filter(n -> networks.driver(n).isPresent()), target),
                client, target);
    }

    @Override
    public void clientAttached(TrafficClient client, long now) {
        if (client.from().isPresent() && client.network().isPresent() && networks.driver(client.network().get()).isPresent()) {
            attach(client.from().get(), client.network().get(), now);
        }
    }

    @Override
    public Result send(Route route, long now, long timeoutNanos, Outcome out) {
        return router.send(((SwarmRoute) route).route(), now, timeoutNanos, out);
    }

    // ---- logs ---------------------------------------------------------------------------------

    @Override
    public List<String> dnsNames(String network) {
        return dnsNames.computeIfAbsent(network, n -> {
            List<String> names = new ArrayList<>();
            for (ServiceSpec s : services.values()) {
                if (attachments(s.task()).contains(n)) {
                    names.add(s.name());
                    names.add("tasks." + s.name());
                }
            }
            return List.copyOf(names);
        });
    }

    @Override
    public DnsRecords records(String node, String network, String name) {
        if (!gossiped(network) || gossip.isEmpty()) {
            return plane.records(node, network, name);
        }
        return plane.records(network, name, visitor -> gossip.get().visit(node, network, visitor));
    }

    @Override
    public ViewRecords records(String node, String network) {
        if (!gossiped(network) || gossip.isEmpty()) {
            return Plane.super.records(node, network);
        }
        return plane.records(network, dnsNames(network), visitor -> gossip.get().visit(node, network, visitor));
    }

    @Override
    public Optional<Object> viewContent(String node, String network) {
        if (!gossiped(network) || gossip.isEmpty()) {
            return Optional.empty();
        }
        return gossip.get().viewContent(node, network).map(Object.class::cast);
    }

    @Override
    public void viewsLogged() {
        gossip.ifPresent(GossipCluster::viewsRead);
    }

    @Override
    public Optional<Balancer> balancerOf(TrafficClient client) {
        Target target = Target.parse(client.target());
        if (target instanceof Target.NodePort np) {
            return plane.ingressServiceOf(np.port())
                    .map(service -> new Balancer(np.node(), OverlayNetworks.INGRESS, service));
        }
        String name = ((Target.Name) target).name();
        ServiceSpec s = services.get(name);
        if (client.from().isEmpty() || client.network().isEmpty() || s == null
                || s.endpointMode() != io.flotilla.scheduler.model.EndpointMode.VIP) {
            return Optional.empty();
        }
        // Bridge, macvlan and ipvlan networks have no VIP and so no IPVS: the client picks a task from DNS.
        if (networks.driver(client.network().get()).orElse(Driver.OVERLAY) != Driver.OVERLAY) {
            return Optional.empty();
        }
        return Optional.of(new Balancer(client.from().get(), client.network().get(), name));
    }

    @Override
    public List<Destination> destinations(Balancer b) {
        return plane.loadBalancer(b.node(), b.network(), b.service());
    }

    @Override
    public String why(Route route, Result result, int backend) {
        SwarmRoute r = (SwarmRoute) route;
        return Explainer.swarm(r.client(), r.target(), result, backend, backends, topology, this);
    }

    /** Whether the service publishes ports through the mesh, for the explanation of a port nobody publishes. */
    boolean declared(String service) {
        return services.containsKey(service);
    }

    boolean isBridge(String network) {
        return networks.driver(network).orElse(Driver.OVERLAY) == Driver.BRIDGE;
    }

    /** An ipvlan network in L3 mode, whose children are routed only on their own host. */
    boolean isIpvlanL3(String network) {
        return networks.driver(network).orElse(Driver.OVERLAY) == Driver.IPVLAN_L3;
    }

    boolean onNetwork(String service, String network) {
        ServiceSpec s = services.get(service);
        return s != null && attachments(s.task()).contains(network);
    }

    // ---------------------------------------------------------------------------------------------

    /** A routing node's view changed entry by entry (the others' only say that they changed). */
    private void onGossip(GossipEvent event) {
        if (event instanceof GossipEvent.EntryChanged e) {
            plane.apply(event);
            changes.viewChanged(e.observer(), e.network());
        }
    }

    private GossipCluster gossip(long now) {
        if (gossip.isEmpty()) {
            GossipCluster g = new GossipCluster(gossipConfig, topology, randomness, this::onGossip);
            g.summarize(routers::contains, changes::viewChanged);
            g.start(now, hosts.stream().filter(topology::isUp).toList());
            gossip = Optional.of(g);
        }
        return gossip.get();
    }

    /** Overlay, macvlan and ipvlan endpoints travel by gossip; a bridge network's stay on their host. */
    private boolean gossiped(String network) {
        return networks.driver(network).map(Driver::crossesHosts).orElse(false);
    }

    private Endpoint endpoint(Running r, String network, String address, boolean disabled) {
        Optional<String> vip = Optional.ofNullable(vips.getOrDefault(r.task.service(), new TreeMap<>()).get(network));
        List<Integer> ports = network.equals(OverlayNetworks.INGRESS) ? ingressPorts(r.task.spec()) : List.of();
        return new Endpoint(network, r.task.name(), r.task.service(), address, vip, ports, disabled);
    }

    private void unbindPorts(Running r) {
        for (PortConfig p : r.task.spec().ports()) {
            if (p.mode() == PublishMode.HOST && p.published() > 0) {
                plane.unbindHostPort(r.node, p.published());
            }
        }
    }

    /** The task's networks: the ingress network first when it publishes a port through the mesh. */
    static List<String> attachments(TaskSpec spec) {
        List<String> names = new ArrayList<>();
        if (spec.ports().stream().anyMatch(p -> p.mode() == PublishMode.INGRESS)) {
            names.add(OverlayNetworks.INGRESS);
        }
        names.addAll(spec.networks());
        return names;
    }

    static List<Integer> ingressPorts(TaskSpec spec) {
        List<Integer> ports = new ArrayList<>();
        for (PortConfig p : spec.ports()) {
            if (p.mode() == PublishMode.INGRESS && p.published() > 0) {
                ports.add(p.published());
            }
        }
        return ports;
    }
}
