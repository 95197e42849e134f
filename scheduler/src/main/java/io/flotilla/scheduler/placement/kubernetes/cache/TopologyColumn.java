package io.flotilla.scheduler.placement.kubernetes.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * One topology key across the cluster: each node's value as a small domain number, so that the
 * plugins count pods per domain in arrays instead of hashing label values for every node of every
 * cycle. Domain {@link #MISSING} holds the nodes without the key. Domain numbers only grow (a value
 * keeps its number while the column lives); the cluster drops its columns when labels change.
 */
public final class TopologyColumn {

    public static final int MISSING = 0;

    private final String key;
    private int[] domainOf;
    private final List<String> values = new ArrayList<>();
    private final HashMap<String, Integer> ids = new HashMap<>();
    private int[] nodesIn = new int[8];

    TopologyColumn(String key, List<NodeInfo> nodes) {
        this.key = key;
        values.add(null);
        domainOf = new int[Math.max(16, nodes.size())];
        for (NodeInfo n : nodes) {
            nodeAdded(n);
        }
    }

    void nodeAdded(NodeInfo node) {
        if (node.index >= domainOf.length) {
            domainOf = Arrays.copyOf(domainOf, Math.max(node.index + 1, domainOf.length * 2));
        }
        String v = node.labels().get(key);
        int d = MISSING;
        if (v != null) {
            Integer id = ids.get(v);
            if (id == null) {
                id = values.size();
                values.add(v);
                ids.put(v, id);
            }
            d = id;
        }
        domainOf[node.index] = d;
        if (d >= nodesIn.length) {
            nodesIn = Arrays.copyOf(nodesIn, nodesIn.length * 2);
        }
        nodesIn[d]++;
    }

    /** The topology key, a node label. */
    public String key() {
        return key;
    }

    public int domain(NodeInfo node) {
        return domainOf[node.index];
    }

    /** The domain of the node with that {@link NodeInfo#index()}. */
    public int domainAt(int nodeIndex) {
        return domainOf[nodeIndex];
    }

    /** The domain of a label value, or -1 when no node carries it. */
    public int id(String value) {
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    /** The label value of a domain (null for {@link #MISSING}). */
    public String value(int domain) {
        return values.get(domain);
    }

    /** Number of domains, {@link #MISSING} included. */
    public int size() {
        return values.size();
    }

    /** Whether some node is in the domain. */
    public boolean hasNodes(int domain) {
        return domain < nodesIn.length && nodesIn[domain] > 0;
    }
}
