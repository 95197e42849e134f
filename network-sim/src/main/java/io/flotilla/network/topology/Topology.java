package io.flotilla.network.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The physical network between the simulated hosts. At first every host is attached to one
 * segment, so all can reach all. {@link #partition} re-attaches hosts to one segment per group
 * (hosts named in no group share a segment of their own); {@link #heal} restores the single
 * segment and every link. Links between two hosts can fail one at a time.
 */
public final class Topology {

    private static final String SEGMENT = "segment:";

    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<String> blockedPairs = new TreeSet<>();
    private Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    private Map<String, Integer> component = Map.of();

    public Topology(List<String> hostNames) {
        hosts.addAll(hostNames);
        heal();
    }

    public void addHost(String host) {
        if (hosts.add(host)) {
            graph.addVertex(host);
            graph.addEdge(host, segmentOf(hosts.iterator().next()));
            recompute();
        }
    }

    public void removeHost(String host) {
        if (hosts.remove(host)) {
            graph.removeVertex(host);
            recompute();
        }
    }

    /** Splits the hosts into groups that can reach each other only within a group. */
    public void partition(List<List<String>> groups) {
        graph = new SimpleGraph<>(DefaultEdge.class);
        Set<String> unlisted = new LinkedHashSet<>(hosts);
        List<List<String>> all = new ArrayList<>(groups);
        groups.forEach(unlisted::removeAll);
        if (!unlisted.isEmpty()) {
            all.add(List.copyOf(unlisted));
        }
        for (int i = 0; i < all.size(); i++) {
            String segment = SEGMENT + i;
            graph.addVertex(segment);
            for (String host : all.get(i)) {
                if (hosts.contains(host)) {
                    graph.addVertex(host);
                    graph.addEdge(host, segment);
                }
            }
        }
        recompute();
    }

    /** One segment again and every link up. */
    public void heal() {
        blockedPairs.clear();
        partition(List.of());
    }

    public void linkDown(String a, String b) {
        blockedPairs.add(pair(a, b));
    }

    public void linkUp(String a, String b) {
        blockedPairs.remove(pair(a, b));
    }

    public boolean canReach(String from, String to) {
        if (from.equals(to)) {
            return hosts.contains(from);
        }
        Integer a = component.get(from);
        return a != null && a.equals(component.get(to)) && !blockedPairs.contains(pair(from, to));
    }

    /** The hosts that {@code from} can reach, itself included, in the order they were added. */
    public List<String> reachableFrom(String from) {
        return hosts.stream().filter(h -> canReach(from, h)).toList();
    }

    private String segmentOf(String host) {
        return graph.edgesOf(host).stream()
                .map(e -> graph.getEdgeTarget(e).equals(host) ? graph.getEdgeSource(e) : graph.getEdgeTarget(e))
                .findFirst()
                .orElseThrow();
    }

    private void recompute() {
        Map<String, Integer> ids = new HashMap<>();
        List<Set<String>> sets = new ConnectivityInspector<>(graph).connectedSets();
        for (int i = 0; i < sets.size(); i++) {
            for (String v : sets.get(i)) {
                ids.put(v, i);
            }
        }
        component = ids;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
