package io.flotilla.network.kubernetes;

import io.flotilla.network.dns.DnsAnswer;
import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.dns.Shuffle;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The Kubernetes data plane: the API server's Services and EndpointSlices (the truth as the control
 * plane records it), the cluster DNS that answers from them, and every node's kube-proxy, which
 * programs its rules from them a sync later.
 *
 * <ul>
 *   <li>CoreDNS is one cluster service fed by watches: it answers from the API state at once (no
 *       per-node divergence, unlike Swarm), TTL 30 (kubeadm). A ClusterIP Service resolves to its
 *       ClusterIP whether or not it has endpoints; a headless one to its ready endpoints, NXDOMAIN
 *       when none is ready.
 *   <li>kube-proxy on each node applies the API state {@code syncNanos} after a change (its
 *       {@code minSyncPeriod}, 1 s), if the node can reach the control plane then; a node cut off
 *       keeps its rules until it reaches the control plane again, and syncs a period after that.
 *       Its rules use the ready endpoints, or, when none is ready, the serving terminating ones.
 * </ul>
 * Time is the caller's: changes come stamped, {@link #advanceTo} applies the syncs due.
 */
public final class KubernetesDataPlane {

    /** One node's kube-proxy rules: per Service, the endpoints it balances over (null: no rules at all). */
    static final class ProxyRules {
        int[][] endpoints = new int[0][];
        long pendingAt = Long.MAX_VALUE;
        long appliedVersion = -1;
    }

    private final Topology topology;
    private final Backends backends;
    private final Randomness randomness;
    private final String controlPlane;
    private int controlPlaneIndex = -1;
    private final long syncNanos;
    private final Map<String, Integer> serviceIds = new HashMap<>();
    private final List<KubeService> services = new ArrayList<>();
    private final List<List<PodEndpoint>> endpoints = new ArrayList<>();
    /** Per Service, the backend of each of its endpoints, in the same order. */
    private final List<int[]> endpointBackends = new ArrayList<>();
    /** Per Service, what kube-proxy makes of each of its endpoints, in the same order: {@link #READY} and so on. */
    private final List<byte[]> endpointKinds = new ArrayList<>();
    private static final byte NOT_A_TARGET = 0;
    private static final byte READY = 1;
    private static final byte SERVING_TERMINATING = 2;
    private final Map<Integer, Integer> nodePorts = new HashMap<>();
    /** Per Service, what kube-proxy would program from the API state now; shared with the nodes that synced it. */
    private int[][] proxyTargets = new int[0][];
    /**
     * A copy of {@link #proxyTargets} as it was at {@link #snapshotVersion}, never written: every
     * kube-proxy that syncs at that API version gets this same copy rather than one of its own
     * (whatever writes {@code proxyTargets} moves the API version on before the next sync).
     */
    private int[][] snapshot;
    private long snapshotVersion = -1;
    private int[][] readyIds = new int[0][];
    private ProxyRules[] nodes = new ProxyRules[0];
    /**
     * The nodes with a sync pending, and the earliest of their syncs: a change reaches only the nodes
     * not yet waiting for a sync, and moving the clock to before the earliest sync touches none, so
     * that neither walks all the nodes while thousands wait for the same sync.
     */
    private final BitSet pending = new BitSet();
    private long nextSync = Long.MAX_VALUE;
    private final Map<String, SplittableRandom> streams = new HashMap<>();
    private long apiVersion;
    private int catalogVersion;
    private long now;

    public KubernetesDataPlane(Topology topology, Backends backends, Randomness randomness, String controlPlane,
            long syncNanos) {
        this.topology = topology;
        this.backends = backends;
        this.randomness = randomness;
        this.controlPlane = controlPlane;
        this.syncNanos = syncNanos;
    }

    // ---------------------------------------------------------------------------------------------
    // the API server's state

    /** Creates or replaces a Service. */
    public void putService(long time, KubeService service) {
        advanceTo(time);
        String key = service.namespace() + "/" + service.name();
        Integer id = serviceIds.get(key);
        if (id == null) {
            id = services.size();
            serviceIds.put(key, id);
            services.add(service);
            endpoints.add(List.of());
            endpointBackends.add(new int[0]);
            endpointKinds.add(new byte[0]);
            proxyTargets = Arrays.copyOf(proxyTargets, id + 1);
            readyIds = Arrays.copyOf(readyIds, id + 1);
            proxyTargets[id] = new int[0];
            readyIds[id] = new int[0];
        } else {
            services.set(id, service);
        }
        int sid = id;
        nodePorts.values().removeIf(s -> s == sid);
        service.nodePort().ifPresent(p -> nodePorts.put(p, sid));
        catalogVersion++;
        changed(time);
    }

    public void removeService(long time, String namespace, String name) {
        advanceTo(time);
        Integer id = serviceIds.get(namespace + "/" + name);
        if (id != null && services.get(id) != null) {
            services.set(id, null);
            endpoints.set(id, List.of());
            endpointBackends.set(id, new int[0]);
            endpointKinds.set(id, new byte[0]);
            proxyTargets[id] = null;
            readyIds[id] = new int[0];
            int sid = id;
            nodePorts.values().removeIf(s -> s == sid);
            catalogVersion++;
            changed(time);
        }
    }

    /**
     * The Service's endpoints (all its slices together), as the EndpointSlice controller writes them.
     * Most writes change a few endpoints of many: an endpoint at either end of the list that is the
     * very object set last time keeps the backend it had (a backend's key never changes its id) and
     * what kube-proxy made of it.
     */
    public void setEndpoints(long time, String namespace, String service, List<PodEndpoint> list) {
        advanceTo(time);
        Integer id = serviceIds.get(namespace + "/" + service);
        if (id == null || services.get(id) == null) {
            throw new IllegalArgumentException("no such Service: " + namespace + "/" + service);
        }
        EndpointsChange change = EndpointsChange.between(endpoints.get(id), list);
        int[] ids = new int[list.size()];
        byte[] kinds = new byte[list.size()];
        change.copyEnds(endpointBackends.get(id), ids, list.size());
        change.copyEnds(endpointKinds.get(id), kinds, list.size());
        for (int i = change.start(); i < change.end(); i++) {
            PodEndpoint e = list.get(i);
            ids[i] = backends.intern(e.key(), e.pod(), topology.indexOf(e.node()).orElseThrow());
            kinds[i] = e.conditions().ready() ? READY
                    : e.conditions().serving() && e.conditions().terminating() ? SERVING_TERMINATING : NOT_A_TARGET;
        }
        endpoints.set(id, List.copyOf(list));
        endpointBackends.set(id, ids);
        endpointKinds.set(id, kinds);
        readyIds[id] = idsOf(ids, kinds, READY);
        proxyTargets[id] = readyIds[id].length == 0 ? idsOf(ids, kinds, SERVING_TERMINATING) : readyIds[id];
        changed(time);
    }

    /** The ids of the endpoints of {@code kind}, in the list's order. */
    private static int[] idsOf(int[] ids, byte[] kinds, byte kind) {
        int count = 0;
        for (byte k : kinds) {
            count += k == kind ? 1 : 0;
        }
        int[] out = new int[count];
        int n = 0;
        for (int i = 0; i < ids.length && n < count; i++) {
            if (kinds[i] == kind) {
                out[n++] = ids[i];
            }
        }
        return out;
    }

    public List<PodEndpoint> endpoints(String namespace, String service) {
        Integer id = serviceIds.get(namespace + "/" + service);
        return id == null ? List.of() : endpoints.get(id);
    }

    /** The topology changed (a node cut off or back, down or up): nodes that can sync again will. */
    public void topologyChanged(long time) {
        advanceTo(time);
        for (int n = 0; n < topology.hostSlots(); n++) {
            ProxyRules rules = rules(n);
            if (rules.appliedVersion < apiVersion && rules.pendingAt == Long.MAX_VALUE && canSync(n)) {
                syncAt(n, rules, time + syncNanos);
            }
        }
    }

    /** A node's kube-proxy starts afresh (the node rebooted): no rules until its first sync. */
    public void nodeRestarted(long time, String node) {
        advanceTo(time);
        int n = topology.indexOf(node).orElseThrow();
        ProxyRules rules = rules(n);
        rules.endpoints = new int[0][];
        rules.appliedVersion = -1;
        rules.pendingAt = Long.MAX_VALUE;
        pending.clear(n);
        if (canSync(n)) {
            rules.pendingAt = time + syncNanos;
            pending.set(n);
        }
        nextSync = earliestSync(); // the node's sync may have been the earliest, and now comes later or never
    }

    // ---------------------------------------------------------------------------------------------
    // clock

    public OptionalLong nextEventTime() {
        return nextSync == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(nextSync);
    }

    public void advanceTo(long time) {
        if (time < now) {
            throw new IllegalArgumentException("time runs forward: " + time + " < " + now);
        }
        if (time >= nextSync) {
            for (int n = pending.nextSetBit(0); n >= 0; n = pending.nextSetBit(n + 1)) {
                ProxyRules r = nodes[n];
                if (r.pendingAt <= time) {
                    r.pendingAt = Long.MAX_VALUE;
                    pending.clear(n);
                    if (canSync(n)) {
                        r.endpoints = targetsNow();
                        r.appliedVersion = apiVersion;
                    }
                }
            }
            nextSync = earliestSync();
        }
        now = time;
    }

    // ---------------------------------------------------------------------------------------------
    // DNS

    /** CoreDNS's answer to a pod in {@code namespace} asking for {@code name}; ready endpoints shuffled. */
    public DnsAnswer resolve(String namespace, String name, SplittableRandom shuffle) {
        Optional<Resolved> r = lookup(namespace, name);
        if (r.isEmpty()) {
            return DnsAnswer.nxdomain();
        }
        KubeService s = services.get(r.get().service());
        if (r.get().hostname().isPresent()) {
            for (PodEndpoint e : endpoints.get(r.get().service())) {
                if (e.conditions().ready() && e.hostname().equals(r.get().hostname())) {
                    return new DnsAnswer(List.of(e.address()), DnsAnswer.KUBEADM_TTL);
                }
            }
            return DnsAnswer.nxdomain();
        }
        if (!s.headless()) {
            return new DnsAnswer(List.of(s.clusterIp().orElseThrow()), DnsAnswer.KUBEADM_TTL);
        }
        List<String> ready = new ArrayList<>();
        for (PodEndpoint e : endpoints.get(r.get().service())) {
            if (e.conditions().ready()) {
                ready.add(e.address());
            }
        }
        return ready.isEmpty() ? DnsAnswer.nxdomain() : new DnsAnswer(Shuffle.shuffled(ready, shuffle), DnsAnswer.KUBEADM_TTL);
    }

    /**
     * The records behind {@link #resolve}'s answer, unshuffled, each address with its pod's key (none
     * for a ClusterIP). Draws nothing from any stream.
     */
    public DnsRecords records(String namespace, String name) {
        Optional<Resolved> r = lookup(namespace, name);
        if (r.isEmpty()) {
            return DnsRecords.NONE;
        }
        KubeService s = services.get(r.get().service());
        if (r.get().hostname().isEmpty() && !s.headless()) {
            return DnsRecords.virtualIp(s.clusterIp().orElseThrow());
        }
        List<String> addresses = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (PodEndpoint e : endpoints.get(r.get().service())) {
            if (e.conditions().ready() && (r.get().hostname().isEmpty() || e.hostname().equals(r.get().hostname()))) {
                addresses.add(e.address());
                keys.add(e.key());
            }
        }
        return new DnsRecords(addresses, keys);
    }

    /**
     * The endpoints {@code node}'s kube-proxy balances over for the Service, by pod key, in its rules'
     * order; empty when its rules hold none (or no rules at all for it).
     */
    public List<String> proxyBackends(String node, String namespace, String service) {
        Integer id = serviceIds.get(namespace + "/" + service);
        OptionalInt n = topology.indexOf(node);
        int[] targets = id == null || n.isEmpty() ? null : proxyTargets(n.getAsInt(), id);
        List<String> out = new ArrayList<>();
        if (targets != null) {
            for (int b : targets) {
                out.add(backends.key(b));
            }
        }
        return out;
    }

    /** The Service that opens {@code port} on every node, by name. */
    public Optional<String> nodePortServiceOf(int port) {
        Integer sid = nodePorts.get(port);
        return sid == null || services.get(sid) == null ? Optional.empty() : Optional.of(services.get(sid).name());
    }

    /** A name resolved to a Service (and a hostname under it), before looking at endpoints. */
    record Resolved(int service, Optional<String> hostname) {}

    Optional<Resolved> lookup(String namespace, String name) {
        for (String fqdn : ClusterDns.candidates(namespace, name)) {
            Optional<ClusterDns.Query> q = ClusterDns.parse(fqdn);
            if (q.isEmpty()) {
                continue;
            }
            Integer id = serviceIds.get(q.get().namespace() + "/" + q.get().service());
            if (id == null || services.get(id) == null) {
                continue;
            }
            if (q.get().hostname().isPresent() && !services.get(id).headless()) {
                continue;
            }
            return Optional.of(new Resolved(id, q.get().hostname()));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------
    // for the router

    int catalogVersion() {
        return catalogVersion;
    }

    Optional<KubeService> service(int id) {
        return Optional.ofNullable(services.get(id));
    }

    /** The node's kube-proxy targets for a Service: null when it has no rules for it. */
    int[] proxyTargets(int node, int service) {
        ProxyRules r = node < nodes.length ? nodes[node] : null;
        return r == null || service >= r.endpoints.length ? null : r.endpoints[service];
    }

    int[] ready(int service) {
        return readyIds[service];
    }

    /** The ready endpoint's backend with that hostname, or -1. */
    int readyHostname(int service, String hostname) {
        for (PodEndpoint e : endpoints.get(service)) {
            if (e.conditions().ready() && e.hostname().map(hostname::equals).orElse(false)) {
                return backends.id(e.key()).orElse(-1);
            }
        }
        return -1;
    }

    OptionalInt nodePortService(int port) {
        Integer sid = nodePorts.get(port);
        return sid == null ? OptionalInt.empty() : OptionalInt.of(sid);
    }

    SplittableRandom stream(String name) {
        return streams.computeIfAbsent(name, randomness::stream);
    }

    // ---------------------------------------------------------------------------------------------

    private void changed(long time) {
        apiVersion++;
        int slots = topology.hostSlots();
        for (int n = pending.nextClearBit(0); n < slots; n = pending.nextClearBit(n + 1)) {
            if (canSync(n)) {
                syncAt(n, rules(n), time + syncNanos);
            }
        }
    }

    /** The node's kube-proxy syncs at {@code time}; it had no sync pending. */
    private void syncAt(int node, ProxyRules rules, long time) {
        rules.pendingAt = time;
        pending.set(node);
        nextSync = Math.min(nextSync, time);
    }

    /** What kube-proxy programs from the API state now, shared by the proxies that sync at this version. */
    private int[][] targetsNow() {
        if (snapshotVersion != apiVersion) {
            snapshot = proxyTargets.clone();
            snapshotVersion = apiVersion;
        }
        return snapshot;
    }

    private long earliestSync() {
        long next = Long.MAX_VALUE;
        for (int n = pending.nextSetBit(0); n >= 0; n = pending.nextSetBit(n + 1)) {
            next = Math.min(next, nodes[n].pendingAt);
        }
        return next;
    }

    /** kube-proxy watches the API server: it must reach it, through the firewall in front of it. */
    private boolean canSync(int node) {
        int cp = controlPlaneIndex();
        return cp >= 0 && topology.canReach(node, cp)
                && (node == cp || !topology.firewalls().drops(cp, FirewallRule.KUBE_APISERVER));
    }

    /**
     * The API server's host index, or -1 while the topology has no such host. A name keeps its index
     * once it has one, so it is looked up until found and then kept: a change of endpoints asks it for
     * every node.
     */
    private int controlPlaneIndex() {
        if (controlPlaneIndex < 0) {
            controlPlaneIndex = topology.indexOf(controlPlane).orElse(-1);
        }
        return controlPlaneIndex;
    }

    private ProxyRules rules(int node) {
        if (node >= nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(node + 1, nodes.length * 2));
        }
        if (nodes[node] == null) {
            nodes[node] = new ProxyRules();
        }
        return nodes[node];
    }
}
