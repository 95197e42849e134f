package io.flotilla.network.swarm;

import io.flotilla.network.dns.DnsAnswer;
import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.dns.Shuffle;
import io.flotilla.network.driver.Driver;
import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipEvent;
import io.flotilla.network.gossip.GossipEvent.EntryChanged;
import io.flotilla.network.lb.Destination;
import io.flotilla.network.lb.IpvsService;
import io.flotilla.network.overlay.OverlayNetworks;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Every node's DNS records and load balancers, per network, as that node's view makes them: fed
 * with the gossip layer's {@link EntryChanged} events (overlay and macvlan networks) or, for bridge
 * networks, which never leave their host, with the host's own endpoints directly.
 *
 * <p>It also holds what the routers need to know that no view says: the services declared (their
 * endpoint mode, networks and ingress ports) and the host-mode port bindings. The embedded DNS
 * ({@link #resolve}) answers from here; {@link SwarmRouter} balances from here.
 *
 * <p>Only overlay networks give a service a VIP; on bridge and macvlan networks a service's name
 * answers with its tasks' addresses, as in dnsrr mode (the swarm allocator allocates no VIP on a
 * node-local network).
 */
public final class SwarmDataPlane {

    /** How a service's name resolves: to one virtual IP, or to its tasks' addresses. */
    public enum EndpointMode { VIP, DNSRR }

    /** A service as declared: {@code ingressPorts} are the ports it publishes through the routing mesh. */
    public record ServiceDecl(String name, EndpointMode mode, List<String> networks, List<Integer> ingressPorts) {
        public ServiceDecl {
            networks = List.copyOf(networks);
            ingressPorts = List.copyOf(ingressPorts);
        }
    }

    private final Topology topology;
    private final Networks networks;
    private final Backends backends;
    private final Randomness randomness;
    private final Map<String, Integer> networkIds = new HashMap<>();
    private final List<String> networkNames = new ArrayList<>();
    private final Map<String, Integer> serviceIds = new HashMap<>();
    private final List<ServiceDecl> services = new ArrayList<>();
    private final Map<String, Set<Integer>> taskNetworks = new HashMap<>();
    /** Service id by ingress-published port, -1 for none: a port is an array index, so no boxing per request. */
    private final int[] ingressPorts = filled(new int[65536]);
    /** Backend id by host-mode port, per host; rows made on first binding. */
    private int[][] hostPorts = new int[0][];
    private final Map<String, SplittableRandom> dnsShuffle = new HashMap<>();
    private NetworkView[][] views = new NetworkView[0][];
    private int version;

    public SwarmDataPlane(Topology topology, Networks networks, Backends backends, Randomness randomness) {
        this.topology = topology;
        this.networks = networks;
        this.backends = backends;
        this.randomness = randomness;
        networks.names().forEach(this::networkId);
    }

    // ---------------------------------------------------------------------------------------------
    // declarations

    /** Declares (or redeclares) a service; services keep the id of their first declaration. */
    public void declareService(ServiceDecl decl) {
        Integer id = serviceIds.get(decl.name());
        if (id == null) {
            serviceIds.put(decl.name(), services.size());
            services.add(decl);
            id = services.size() - 1;
        } else {
            services.set(id, decl);
        }
        for (int p = 0; p < ingressPorts.length; p++) {
            if (ingressPorts[p] == id) {
                ingressPorts[p] = -1;
            }
        }
        for (int p : decl.ingressPorts()) {
            ingressPorts[p] = id;
        }
        decl.networks().forEach(this::networkId);
        version++;
    }

    /** A task publishes {@code port} in host mode on {@code host}: only that node's port reaches it. */
    public void bindHostPort(String host, int port, String backendKey) {
        int h = index(host);
        backends.id(backendKey).ifPresent(b -> {
            if (h >= hostPorts.length) {
                hostPorts = java.util.Arrays.copyOf(hostPorts, h + 1);
            }
            if (hostPorts[h] == null) {
                hostPorts[h] = filled(new int[65536]);
            }
            hostPorts[h][port] = b;
        });
    }

    public void unbindHostPort(String host, int port) {
        int h = index(host);
        if (h < hostPorts.length && hostPorts[h] != null) {
            hostPorts[h][port] = -1;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // views

    /** Applies what a node came to believe; member changes are the gossip layer's own business. */
    public void apply(GossipEvent event) {
        if (event instanceof EntryChanged e) {
            change(e.observer(), e.key(), e.owner(), e.op(), e.value());
        }
    }

    /**
     * A bridge network's endpoint on its own host: there is no gossip, the host's DNS and view see it
     * at once and no other host ever does.
     */
    public void localEndpoint(String host, String key, GossipEvent.Op op, Endpoint value) {
        change(host, key, host, op, value);
    }

    private void change(String observer, String key, String owner, GossipEvent.Op op, Endpoint value) {
        int host = index(observer);
        int net = networkId(value.network());
        NetworkView view = view(host, net, true);
        switch (op) {
            case ADDED -> {
                int backend = backends.intern(key, value.task(), index(owner));
                if (taskNetworks.computeIfAbsent(value.task(), t -> new HashSet<>()).add(net)) {
                    version++; // routes to this task name resolve anew
                }
                view.added(key, serviceId(value.service()), backend, value);
            }
            case UPDATED -> view.updated(key, value);
            case REMOVED -> view.removed(key);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // DNS

    /**
     * The embedded DNS's answer on {@code host} for a container on {@code network}: a VIP service's
     * name gives its VIP while any of its endpoints is in the view; a dnsrr service's name and
     * {@code tasks.<service>} give the enabled tasks' addresses, shuffled; a task's name gives its
     * address while enabled. Anything else is NXDOMAIN (no upstream resolver is modelled). TTL 600.
     */
    public DnsAnswer resolve(String host, String network, String name) {
        Integer net = networkIds.get(network);
        OptionalInt h = topology.indexOf(host);
        if (net == null || h.isEmpty()) {
            return DnsAnswer.nxdomain();
        }
        NetworkView view = view(h.getAsInt(), net, false);
        if (view == null) {
            return DnsAnswer.nxdomain();
        }
        boolean tasks = name.startsWith("tasks.");
        Integer sid = serviceIds.get(tasks ? name.substring(6) : name);
        if (sid != null && view.service(sid).isPresent()) {
            NetworkView.ServiceBackends s = view.service(sid).get();
            if (!tasks && hasVip(sid, net) && s.vip.isPresent()) {
                return new DnsAnswer(List.of(s.vip.get()), DnsAnswer.SWARM_TTL);
            }
            List<String> addresses = view.enabledAddresses(sid);
            return addresses.isEmpty() ? DnsAnswer.nxdomain()
                    : new DnsAnswer(Shuffle.shuffled(addresses, dnsRandom(host)), DnsAnswer.SWARM_TTL);
        }
        Integer backend = view.tasks.get(name);
        if (backend != null) {
            return new DnsAnswer(List.of(view.addresses.get(backend)), DnsAnswer.SWARM_TTL);
        }
        return DnsAnswer.nxdomain();
    }

    /**
     * The records behind {@link #resolve}'s answer, in the view's order and unshuffled, each address
     * with its endpoint's key: what the embedded DNS on {@code host} holds for {@code name} on
     * {@code network} now. Draws nothing from the node's shuffle stream.
     */
    public DnsRecords records(String host, String network, String name) {
        Integer net = networkIds.get(network);
        OptionalInt h = topology.indexOf(host);
        NetworkView view = net == null || h.isEmpty() ? null : view(h.getAsInt(), net, false);
        if (view == null) {
            return DnsRecords.NONE;
        }
        boolean tasks = name.startsWith("tasks.");
        Integer sid = serviceIds.get(tasks ? name.substring(6) : name);
        if (sid != null && view.service(sid).isPresent()) {
            NetworkView.ServiceBackends s = view.service(sid).get();
            if (!tasks && hasVip(sid, net) && s.vip.isPresent()) {
                return DnsRecords.virtualIp(s.vip.get());
            }
            List<String> addresses = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < s.enabledCount; i++) {
                addresses.add(view.addresses.get(s.enabled[i]));
                keys.add(backends.key(s.enabled[i]));
            }
            return new DnsRecords(addresses, keys);
        }
        Integer backend = view.tasks.get(name);
        if (backend != null) {
            return new DnsRecords(List.of(view.addresses.get(backend)), List.of(backends.key(backend)));
        }
        return DnsRecords.NONE;
    }

    /**
     * The same records as {@link #records(String, String, String)}, from a view this plane does not
     * keep (a node's gossip view, given entry by entry with its key): a VIP service's name gives its
     * VIP while any of its endpoints is in the view; a dnsrr service's name and {@code tasks.NAME} the
     * enabled endpoints' addresses; a task's name its address while enabled.
     */
    public DnsRecords records(String network, String name, Consumer<BiConsumer<String, Endpoint>> view) {
        return records(network, List.of(name), view).records().get(0);
    }

    /**
     * The records of each of {@code names}, in that order, from one pass over a view this plane does
     * not keep, as {@link #records(String, String, Consumer)} gives them one by one.
     */
    public ViewRecords records(String network, List<String> names, Consumer<BiConsumer<String, Endpoint>> view) {
        Integer net = networkIds.get(network);
        if (net == null) {
            return new ViewRecords(java.util.Collections.nCopies(names.size(), DnsRecords.NONE), true);
        }
        NameRecords[] wanted = new NameRecords[names.size()];
        Map<String, List<NameRecords>> byService = new HashMap<>();
        Map<String, List<NameRecords>> byTask = new HashMap<>();
        for (int i = 0; i < wanted.length; i++) {
            String name = names.get(i);
            boolean tasks = name.startsWith("tasks.");
            Integer sid = serviceIds.get(tasks ? name.substring(6) : name);
            NameRecords n = new NameRecords(sid != null && !tasks && hasVip(sid, net));
            wanted[i] = n;
            if (sid != null) {
                byService.computeIfAbsent(services.get(sid).name(), x -> new ArrayList<>(2)).add(n);
            } else {
                byTask.computeIfAbsent(name, x -> new ArrayList<>(1)).add(n);
            }
        }
        view.accept((key, e) -> {
            List<NameRecords> ofService = byService.get(e.service());
            if (ofService != null) {
                for (NameRecords n : ofService) {
                    if (n.vip) {
                        e.vip().ifPresent(n::vip);
                    } else if (!e.disabled()) {
                        n.add(e.address(), key);
                    }
                }
            }
            List<NameRecords> ofTask = byTask.isEmpty() ? null : byTask.get(e.task());
            if (ofTask != null && !e.disabled()) {
                for (NameRecords n : ofTask) {
                    n.add(e.address(), key);
                }
            }
        });
        List<DnsRecords> out = new ArrayList<>(wanted.length);
        boolean orderFree = true;
        for (NameRecords n : wanted) {
            out.add(n.records());
            orderFree &= n.orderFree;
        }
        return new ViewRecords(out, orderFree);
    }

    /**
     * Records of several names read from one view. {@code orderFree}: the view's entries give the
     * same records in any order, up to the order of the addresses (a VIP service whose entries disagree
     * on its VIP answers with the one read last).
     */
    public record ViewRecords(List<DnsRecords> records, boolean orderFree) {
        public ViewRecords {
            records = List.copyOf(records);
        }
    }

    /** One name's records as a view is read. */
    private static final class NameRecords {
        final boolean vip;
        String vipAddress;
        boolean orderFree = true;
        final List<String> addresses = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        NameRecords(boolean vip) {
            this.vip = vip;
        }

        void vip(String address) {
            if (vipAddress != null && !vipAddress.equals(address)) {
                orderFree = false;
            }
            vipAddress = address;
        }

        void add(String address, String key) {
            addresses.add(address);
            keys.add(key);
        }

        DnsRecords records() {
            if (vip) {
                return vipAddress == null ? DnsRecords.NONE : DnsRecords.virtualIp(vipAddress);
            }
            return addresses.isEmpty() ? DnsRecords.NONE : new DnsRecords(addresses, keys);
        }
    }

    /**
     * The destinations of {@code host}'s IPVS service for {@code service} on {@code network} (the
     * routing mesh's on {@code ingress}), in ring order; empty when the node has no such IPVS service.
     */
    public List<Destination> loadBalancer(String host, String network, String service) {
        Integer net = networkIds.get(network);
        Integer sid = serviceIds.get(service);
        OptionalInt h = topology.indexOf(host);
        NetworkView view = net == null || sid == null || h.isEmpty() ? null : view(h.getAsInt(), net, false);
        NetworkView.ServiceBackends s = view == null ? null : view.serviceOrNull(sid);
        if (s == null) {
            return List.of();
        }
        IpvsService ipvs = s.ipvs;
        List<Destination> out = new ArrayList<>(ipvs.size());
        for (int i = 0; i < ipvs.size(); i++) {
            out.add(new Destination(backends.key(ipvs.destination(i)), ipvs.weight(i)));
        }
        return out;
    }

    /** The service that publishes {@code port} through the routing mesh. */
    public Optional<String> ingressServiceOf(int port) {
        int id = port > 0 && port < ingressPorts.length ? ingressPorts[port] : -1;
        return id < 0 ? Optional.empty() : Optional.of(services.get(id).name());
    }

    // ---------------------------------------------------------------------------------------------
    // for the router

    int version() {
        return version;
    }

    OptionalInt networkIdOf(String network) {
        Integer id = networkIds.get(network);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    Optional<Driver> driver(int net) {
        return networks.driver(networkNames.get(net));
    }

    /**
     * What carries the network's packets between hosts, for a firewall to drop: an overlay's VXLAN,
     * or ESP when it is encrypted; empty for a driver that puts them on the underlay as they are.
     */
    public Optional<FirewallRule> crossHostRule(String network) {
        if (networks.driver(network).orElse(Driver.OVERLAY) != Driver.OVERLAY) {
            return Optional.empty();
        }
        boolean encrypted = networks.spec(network).map(NetworkSpec::encrypted).orElse(false);
        return Optional.of(encrypted ? FirewallRule.ESP : FirewallRule.SWARM_VXLAN);
    }

    Optional<FirewallRule> crossHostRule(int net) {
        return net < 0 ? Optional.of(FirewallRule.SWARM_VXLAN) : crossHostRule(networkNames.get(net));
    }

    OptionalInt serviceIdOf(String service) {
        Integer id = serviceIds.get(service);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    Optional<ServiceDecl> service(int id) {
        return id < services.size() ? Optional.ofNullable(services.get(id)) : Optional.empty();
    }

    /** Whether the service answers with a VIP on this network: VIP mode, and an overlay network. */
    boolean hasVip(int service, int net) {
        return services.get(service).mode() == EndpointMode.VIP && driver(net).orElse(Driver.OVERLAY) == Driver.OVERLAY;
    }

    boolean serviceOn(int service, int net) {
        return service < services.size() && services.get(service).networks().contains(networkNames.get(net));
    }

    /** The networks a task name has been seen on, anywhere. */
    Set<Integer> taskNetworks(String task) {
        return taskNetworks.getOrDefault(task, Set.of());
    }

    /** The service publishing {@code port} through the routing mesh, or -1. */
    int ingressService(int port) {
        return ingressPorts[port];
    }

    /** The backend bound to {@code port} in host mode on {@code host}, or -1. */
    int hostPortBackend(int host, int port) {
        return host < hostPorts.length && hostPorts[host] != null ? hostPorts[host][port] : -1;
    }

    int ingressNetwork() {
        return networkIds.get(OverlayNetworks.INGRESS);
    }

    /** The hot-path view lookup: null when the node has never had anything on the network. */
    NetworkView viewOrNull(int host, int net) {
        NetworkView[] row = host < views.length ? views[host] : null;
        return row == null || net >= row.length ? null : row[net];
    }

    SplittableRandom dnsRandom(String host) {
        return dnsShuffle.computeIfAbsent(host, h -> randomness.stream("dns.shuffle." + h));
    }

    // ---------------------------------------------------------------------------------------------

    private NetworkView view(int host, int net, boolean create) {
        if (host >= views.length) {
            if (!create) {
                return null;
            }
            views = java.util.Arrays.copyOf(views, Math.max(host + 1, views.length * 2));
        }
        NetworkView[] row = views[host];
        if (row == null || net >= row.length) {
            if (!create) {
                return null;
            }
            row = row == null ? new NetworkView[networkNames.size()] : java.util.Arrays.copyOf(row, networkNames.size());
            views[host] = row;
        }
        if (row[net] == null && create) {
            row[net] = new NetworkView();
        }
        return row[net];
    }

    private int networkId(String network) {
        return networkIds.computeIfAbsent(network, n -> {
            networkNames.add(n);
            return networkNames.size() - 1;
        });
    }

    private int serviceId(String service) {
        Integer id = serviceIds.get(service);
        if (id != null) {
            return id;
        }
        declareService(new ServiceDecl(service, EndpointMode.VIP, List.of(), List.of()));
        return serviceIds.get(service);
    }

    private int index(String host) {
        return topology.indexOf(host).orElseThrow(() -> new IllegalArgumentException("no such host: " + host));
    }

    private static int[] filled(int[] a) {
        java.util.Arrays.fill(a, -1);
        return a;
    }
}
