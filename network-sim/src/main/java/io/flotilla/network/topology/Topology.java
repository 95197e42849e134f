package io.flotilla.network.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The underlay: hosts and network devices as a jgrapht graph whose edges are {@link Link}s weighted
 * by latency. Hosts are leaves: a link joins two devices or a host and a device, never two hosts, so
 * traffic between two hosts never passes through a third one.
 *
 * <p>At first every host hangs off one device, {@link #LAN}, one {@link #DEFAULT_HOP_NANOS} hop
 * away. {@link #zoned} builds a switch per zone under a core device instead; {@link #addDevice} and
 * {@link #addLink} build anything else.
 *
 * <p>Faults come in three kinds, and only the first changes the graph:
 * <ul>
 *   <li>a host, device or device link goes down ({@link #hostDown}, {@link #zoneDown},
 *       {@link #deviceDown}, {@link #linkDown} between a device and its neighbour): the graph
 *       is masked, and whatever depended on it is cut;
 *   <li>{@link #partition} into groups: hosts reach only hosts of their own group;
 *   <li>{@link #linkDown} between two hosts: a pair block. That pair cannot talk even though both
 *       still reach everyone else. A full mesh would route around the cut through a third host;
 *       real hosts do not forward, so it stays a cut for direct traffic.
 * </ul>
 * {@link #heal} ends the partition, every pair block and every device or link fault; crashed hosts
 * stay down until {@link #hostUp}.
 *
 * <p>Every change starts a new {@link #epoch}. Reachability (connected components of the masked
 * graph) and the latencies between devices (Dijkstra from each device over the live devices and the
 * links between them) are computed once per epoch; as hosts never transit, a path between two hosts
 * is one uplink, the shortest way between two devices, and another uplink, so the questions asked per
 * request are array reads, and a thousand hosts cost no more than their handful of switches.
 */
public final class Topology {

    /** The device every host hangs off unless told otherwise. */
    public static final String LAN = "lan";
    /** The core device of a {@link #zoned} topology. */
    public static final String CORE = "core";
    /** One hop, host to switch: 250 microseconds, so 0.5 ms one way between two hosts on a switch. */
    public static final long DEFAULT_HOP_NANOS = 250_000L;

    private static final String HOST = "host/";
    private static final String DEVICE = "device/";
    private static final int NONE = -1;

    private final Graph<String, Link> graph = new SimpleWeightedGraph<>(Link.class);
    private final Map<String, Link> linksByPair = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> zones = new HashMap<>();
    private final BitSet present = new BitSet();
    private final BitSet downHosts = new BitSet();
    private final Set<String> downDevices = new HashSet<>();
    private final Set<Link> downLinks = new HashSet<>();
    private final String defaultDevice;
    private int[] group = new int[8];
    private BitSet[] blocked = new BitSet[8];
    private int blockCount;
    private long epoch;
    private final Firewalls firewalls = new Firewalls();

    // per-epoch caches
    private long cachedEpoch = -1;
    private int[] component = new int[0];
    private boolean whole;
    /** By host: the devices its live uplinks reach, and each uplink's latency. */
    private int[][] uplinkDevice = new int[0][];
    private long[][] uplinkHop = new long[0][];
    /**
     * By host with exactly one live uplink (the usual case): its device and the uplink's latency, flat,
     * for the latency questions asked of hundreds of hosts at once; {@code NONE} for the others.
     */
    private int[] soleDevice = new int[0];
    private long[] soleHop = new long[0];
    /** Between live devices, over live device links; {@code Long.MAX_VALUE} when none. */
    private long[][] deviceDistance = new long[0][];

    /** Every host one hop from the device {@link #LAN}, in the order given. */
    public Topology(List<String> hostNames) {
        this(LAN);
        hostNames.forEach(this::addHost);
    }

    private Topology(String defaultDevice) {
        this.defaultDevice = defaultDevice;
        addDevice(defaultDevice);
    }

    /**
     * A two-level tree: a switch {@code zone-<z>} per zone, each linked to {@link #CORE}, hosts one
     * hop below their zone's switch (hosts without a zone hang off the core). Crossing zones costs
     * {@code coreHopNanos} twice more.
     */
    public static Topology zoned(Map<String, Optional<String>> hostZones, long hostHopNanos, long coreHopNanos) {
        Topology t = new Topology(CORE);
        hostZones.forEach((host, zone) -> {
            if (zone.isPresent()) {
                String sw = zoneSwitch(zone.get());
                if (!t.graph.containsVertex(DEVICE + sw)) {
                    t.addDevice(sw);
                    t.addLink(sw, CORE, coreHopNanos);
                }
                t.addHost(host, zone, sw, hostHopNanos);
            } else {
                t.addHost(host, Optional.empty(), CORE, hostHopNanos);
            }
        });
        return t;
    }

    /** The name {@link #zoned} gives the switch of a zone. */
    public static String zoneSwitch(String zone) {
        return "zone-" + zone;
    }

    // ---------------------------------------------------------------------------------------------
    // building

    /** Adds a host one default hop from the default device; a host already known is left alone. */
    public void addHost(String host) {
        addHost(host, Optional.empty(), defaultDevice, DEFAULT_HOP_NANOS);
    }

    /**
     * Adds a host in a zone, linked to {@code device}. A host added during a partition joins the group
     * of the first host, as a new machine plugged into the first segment would.
     */
    public void addHost(String host, Optional<String> zone, String device, long hopNanos) {
        if (graph.containsVertex(HOST + host)) {
            return;
        }
        requireDevice(device);
        int i = index.computeIfAbsent(host, h -> {
            names.add(h);
            return names.size() - 1;
        });
        grow(i + 1);
        present.set(i);
        downHosts.clear(i);
        zone.ifPresentOrElse(z -> zones.put(host, z), () -> zones.remove(host));
        int first = present.nextSetBit(0);
        group[i] = first == i ? 0 : group[first];
        graph.addVertex(HOST + host);
        connect(HOST + host, DEVICE + device, host + " - " + device, hopNanos);
        changed();
    }

    /** Takes a host out of the underlay; it reaches nobody. Its name keeps its index. */
    public void removeHost(String host) {
        Integer i = index.get(host);
        if (i != null && present.get(i)) {
            present.clear(i);
            graph.removeVertex(HOST + host);
            changed();
        }
    }

    public void addDevice(String device) {
        if (graph.addVertex(DEVICE + device)) {
            changed();
        }
    }

    /**
     * Links two devices, or a host and a device. Two hosts cannot be linked: hosts do not forward, and
     * a cut between two hosts is a pair block ({@link #linkDown}), not a missing edge.
     */
    public void addLink(String a, String b, long latencyNanos) {
        String va = vertex(a);
        String vb = vertex(b);
        if (va.startsWith(HOST) && vb.startsWith(HOST)) {
            throw new IllegalArgumentException("hosts are leaves; link each to a device, not to each other: " + a + ", " + b);
        }
        connect(va, vb, a + " - " + b, latencyNanos);
        changed();
    }

    private void connect(String va, String vb, String label, long latencyNanos) {
        Link link = new Link(name(va), name(vb), latencyNanos);
        if (graph.addEdge(va, vb, link)) {
            graph.setEdgeWeight(link, latencyNanos);
            linksByPair.put(pairKey(va, vb), link);
        } else {
            throw new IllegalArgumentException("already linked: " + label);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // faults

    /** The host crashes: it reaches nobody and nobody reaches it until {@link #hostUp}. */
    public void hostDown(String host) {
        indexOf(host).ifPresent(i -> {
            if (!downHosts.get(i)) {
                downHosts.set(i);
                changed();
            }
        });
    }

    public void hostUp(String host) {
        indexOf(host).ifPresent(i -> {
            if (downHosts.get(i)) {
                downHosts.clear(i);
                changed();
            }
        });
    }

    /** Every host of the zone goes down; returns them, in the order they were added. */
    public List<String> zoneDown(String zone) {
        List<String> hosts = hostsInZone(zone);
        hosts.forEach(this::hostDown);
        return hosts;
    }

    /** Every host of the zone comes back; returns them, in the order they were added. */
    public List<String> zoneUp(String zone) {
        List<String> hosts = hostsInZone(zone);
        hosts.forEach(this::hostUp);
        return hosts;
    }

    public void deviceDown(String device) {
        requireDevice(device);
        if (downDevices.add(device)) {
            changed();
        }
    }

    public void deviceUp(String device) {
        if (downDevices.remove(device)) {
            changed();
        }
    }

    /** Splits the hosts into groups that can reach each other only within a group. */
    public void partition(List<List<String>> groups) {
        Arrays.fill(group, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            for (String host : groups.get(g)) {
                Integer i = index.get(host);
                if (i != null) {
                    group[i] = g;
                }
            }
        }
        changed();
    }

    /** One segment again, every pair block lifted, every device and link back up. */
    public void heal() {
        Arrays.fill(group, 0);
        Arrays.fill(blocked, null);
        blockCount = 0;
        downDevices.clear();
        downLinks.clear();
        changed();
    }

    /** Whether anything {@link #heal} lifts is in place: a partition, a pair block, a device or link down. */
    public boolean hasCuts() {
        for (int i = 0; i < hostSlots(); i++) {
            if (group[i] != 0) {
                return true;
            }
        }
        return blockCount > 0 || !downDevices.isEmpty() || !downLinks.isEmpty();
    }

    /**
     * Cuts the link between two hosts (a pair block, both ways) or, when one end is a device, the
     * graph link between them. Names nobody knows are ignored.
     */
    public void linkDown(String a, String b) {
        setLink(a, b, true);
    }

    public void linkUp(String a, String b) {
        setLink(a, b, false);
    }

    private void setLink(String a, String b, boolean down) {
        OptionalInt ia = indexOf(a);
        OptionalInt ib = indexOf(b);
        if (ia.isPresent() && ib.isPresent()) {
            if (blocked(ia.getAsInt(), ib.getAsInt()) != down) {
                block(ia.getAsInt(), ib.getAsInt(), down);
                block(ib.getAsInt(), ia.getAsInt(), down);
                blockCount += down ? 1 : -1;
                changed();
            }
            return;
        }
        Link link = linksByPair.get(pairKey(vertex(a), vertex(b)));
        if (link != null && (down ? downLinks.add(link) : downLinks.remove(link))) {
            changed();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // questions

    /**
     * The firewalls in front of the hosts, by host index. They are the hosts' configuration, not a
     * fault of the network: {@link #heal} leaves them, and they change no epoch.
     */
    public Firewalls firewalls() {
        return firewalls;
    }

    /** Changes with every fault, heal, host or link added: a key for anything derived from reachability. */
    public long epoch() {
        return epoch;
    }

    public boolean canReach(String from, String to) {
        Integer a = index.get(from);
        Integer b = index.get(to);
        return a != null && b != null && canReach(a, b);
    }

    /** The hot-path form of {@link #canReach(String, String)}, by host index. */
    public boolean canReach(int a, int b) {
        refresh();
        int ca = component[a];
        if (ca == NONE || ca != component[b]) {
            return false;
        }
        return a == b || (group[a] == group[b] && (blockCount == 0 || !blocked(a, b)));
    }

    /**
     * Whether every host that is up reaches every other (no partition, no pair block, nothing that cuts
     * the up hosts apart): then {@code canReach} between two hosts is just whether both are up.
     */
    public boolean isWhole() {
        refresh();
        return whole;
    }

    /** The hosts that {@code from} can reach, itself included, in the order they were added. */
    public List<String> reachableFrom(String from) {
        List<String> out = new ArrayList<>();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            if (canReach(from, names.get(i))) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    /** One-way latency of the shortest path, or empty when {@code to} cannot be reached. */
    public OptionalLong latencyNanos(String from, String to) {
        Integer a = index.get(from);
        Integer b = index.get(to);
        return a != null && b != null && canReach(a, b) ? OptionalLong.of(latencyNanos(a, b)) : OptionalLong.empty();
    }

    /** The hot-path form: the one-way latency between two hosts that {@link #canReach(int, int)}. */
    public long latencyNanos(int a, int b) {
        refresh();
        if (a == b) {
            return 0;
        }
        int sa = soleDevice[a];
        int sb = soleDevice[b];
        if (sa != NONE && sb != NONE) {
            long between = deviceDistance[sa][sb];
            return between == Long.MAX_VALUE ? Long.MAX_VALUE : soleHop[a] + between + soleHop[b];
        }
        long best = Long.MAX_VALUE;
        int[] da = uplinkDevice[a];
        int[] db = uplinkDevice[b];
        if (da == null || db == null) {
            return best;
        }
        for (int i = 0; i < da.length; i++) {
            for (int j = 0; j < db.length; j++) {
                long between = deviceDistance[da[i]][db[j]];
                if (between != Long.MAX_VALUE) {
                    best = Math.min(best, uplinkHop[a][i] + between + uplinkHop[b][j]);
                }
            }
        }
        return best;
    }

    public OptionalInt indexOf(String host) {
        Integer i = index.get(host);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The number of host indices handed out; removed hosts keep theirs. */
    public int hostSlots() {
        return names.size();
    }

    public String hostName(int i) {
        return names.get(i);
    }

    /** The hosts present, in the order they were added. */
    public List<String> hosts() {
        List<String> out = new ArrayList<>();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            out.add(names.get(i));
        }
        return out;
    }

    public boolean isUp(String host) {
        Integer i = index.get(host);
        return i != null && present.get(i) && !downHosts.get(i);
    }

    public Optional<String> zoneOf(String host) {
        return Optional.ofNullable(zones.get(host));
    }

    /**
     * The groups of hosts that the graph and the partition keep together (pair blocks aside), each in
     * the order hosts were added, the groups sorted by their smallest host name. Down hosts are left out.
     */
    public List<List<String>> components() {
        refresh();
        Map<Long, List<String>> byKey = new LinkedHashMap<>();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            if (component[i] != NONE) {
                byKey.computeIfAbsent(((long) component[i] << 32) | group[i], k -> new ArrayList<>()).add(names.get(i));
            }
        }
        List<List<String>> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(g -> g.stream().min(Comparator.naturalOrder()).orElseThrow()));
        return out;
    }

    /**
     * The links whose loss alone would disconnect part of the underlay (graph bridges), host uplinks
     * aside: "this uplink is a single point of failure". Sorted by their text.
     */
    public List<Link> singlePointsOfFailure() {
        List<Link> out = new ArrayList<>();
        for (Link link : new BiconnectivityInspector<>(liveGraph()).getBridges()) {
            if (!index.containsKey(link.a()) && !index.containsKey(link.b())) {
                out.add(link);
            }
        }
        out.sort(Comparator.comparing(Link::toString));
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // internals

    private void refresh() {
        if (cachedEpoch == epoch) {
            return;
        }
        int[] ids = new int[names.size()];
        Arrays.fill(ids, NONE);
        List<Set<String>> sets = new ConnectivityInspector<>(liveGraph()).connectedSets();
        for (int c = 0; c < sets.size(); c++) {
            for (String v : sets.get(c)) {
                if (v.startsWith(HOST)) {
                    ids[index.get(v.substring(HOST.length()))] = c;
                }
            }
        }
        component = ids;
        whole = blockCount == 0;
        int only = NONE;
        for (int i = present.nextSetBit(0); i >= 0 && whole; i = present.nextSetBit(i + 1)) {
            if (!downHosts.get(i)) {
                whole = ids[i] != NONE && (only == NONE || ids[i] == only) && group[i] == group[present.nextSetBit(0)];
                only = ids[i];
            }
        }
        latencies();
        cachedEpoch = epoch;
    }

    /** The live devices' distances to each other, and each live host's live uplinks. */
    private void latencies() {
        Graph<String, Link> live = liveGraph();
        List<String> devices = new ArrayList<>();
        Map<String, Integer> deviceIds = new HashMap<>();
        for (String v : live.vertexSet()) {
            if (v.startsWith(DEVICE)) {
                deviceIds.put(v, devices.size());
                devices.add(v);
            }
        }
        int d = devices.size();
        long[][] link = new long[d][d];
        for (long[] row : link) {
            Arrays.fill(row, Long.MAX_VALUE);
        }
        for (Link l : live.edgeSet()) {
            Integer x = deviceIds.get(live.getEdgeSource(l));
            Integer y = deviceIds.get(live.getEdgeTarget(l));
            if (x != null && y != null) {
                link[x][y] = Math.min(link[x][y], l.latencyNanos());
                link[y][x] = link[x][y];
            }
        }
        deviceDistance = new long[d][];
        for (int source = 0; source < d; source++) {
            deviceDistance[source] = dijkstra(link, source);
        }
        uplinkDevice = new int[names.size()][];
        uplinkHop = new long[names.size()][];
        soleDevice = new int[names.size()];
        soleHop = new long[names.size()];
        Arrays.fill(soleDevice, NONE);
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            String host = HOST + names.get(i);
            if (!live.containsVertex(host)) {
                continue;
            }
            List<Link> ups = new ArrayList<>();
            for (Link l : live.edgesOf(host)) {
                ups.add(l);
            }
            uplinkDevice[i] = new int[ups.size()];
            uplinkHop[i] = new long[ups.size()];
            for (int u = 0; u < ups.size(); u++) {
                Link l = ups.get(u);
                String other = live.getEdgeSource(l).equals(host) ? live.getEdgeTarget(l) : live.getEdgeSource(l);
                uplinkDevice[i][u] = deviceIds.get(other);
                uplinkHop[i][u] = l.latencyNanos();
            }
            if (ups.size() == 1) {
                soleDevice[i] = uplinkDevice[i][0];
                soleHop[i] = uplinkHop[i][0];
            }
        }
    }

    /** Shortest distances from one device over a dense matrix of device links (a handful of devices). */
    private static long[] dijkstra(long[][] link, int source) {
        int d = link.length;
        long[] dist = new long[d];
        Arrays.fill(dist, Long.MAX_VALUE);
        boolean[] done = new boolean[d];
        dist[source] = 0;
        for (int round = 0; round < d; round++) {
            int u = -1;
            for (int v = 0; v < d; v++) {
                if (!done[v] && dist[v] != Long.MAX_VALUE && (u < 0 || dist[v] < dist[u])) {
                    u = v;
                }
            }
            if (u < 0) {
                break;
            }
            done[u] = true;
            for (int v = 0; v < d; v++) {
                if (link[u][v] != Long.MAX_VALUE && dist[u] + link[u][v] < dist[v]) {
                    dist[v] = dist[u] + link[u][v];
                }
            }
        }
        return dist;
    }

    private Graph<String, Link> liveGraph() {
        return new MaskSubgraph<>(graph, v -> !up(v), downLinks::contains);
    }

    private boolean up(String vertex) {
        if (vertex.startsWith(HOST)) {
            int i = index.get(vertex.substring(HOST.length()));
            return present.get(i) && !downHosts.get(i);
        }
        return !downDevices.contains(vertex.substring(DEVICE.length()));
    }

    private List<String> hostsInZone(String zone) {
        List<String> out = new ArrayList<>();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            if (zone.equals(zones.get(names.get(i)))) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    private boolean blocked(int a, int b) {
        BitSet row = blocked[a];
        return row != null && row.get(b);
    }

    private void block(int a, int b, boolean down) {
        if (down) {
            if (blocked[a] == null) {
                blocked[a] = new BitSet();
            }
            blocked[a].set(b);
        } else if (blocked[a] != null) {
            blocked[a].clear(b);
        }
    }

    private void grow(int size) {
        if (group.length < size) {
            int n = Math.max(size, group.length * 2);
            group = Arrays.copyOf(group, n);
            blocked = Arrays.copyOf(blocked, n);
        }
    }

    private void changed() {
        epoch++;
    }

    private void requireDevice(String device) {
        if (!graph.containsVertex(DEVICE + device)) {
            throw new IllegalArgumentException("no such network device: " + device);
        }
    }

    private String vertex(String name) {
        return index.containsKey(name) && graph.containsVertex(HOST + name) ? HOST + name : DEVICE + name;
    }

    private static String name(String vertex) {
        return vertex.substring(vertex.indexOf('/') + 1);
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
