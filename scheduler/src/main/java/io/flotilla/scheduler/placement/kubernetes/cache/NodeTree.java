package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes in upstream's node tree order (node_tree.go): round robin over zones (region and zone
 * labels) in the order the zones appeared, each zone's nodes in the order they were added. The
 * filter walks this list from the cache's rotating start.
 */
final class NodeTree {

    private final LinkedHashMap<String, List<NodeInfo>> zones = new LinkedHashMap<>();
    private int size;
    private NodeInfo[] order = new NodeInfo[0];
    private int[] orderIndexes = new int[0];
    private boolean stale;

    void add(NodeInfo n) {
        zones.computeIfAbsent(zoneKey(n.node()), z -> new ArrayList<>()).add(n);
        size++;
        stale = true;
    }

    /** Takes the node out under the zone of its current spec; the other nodes' indexes are read again. */
    void remove(NodeInfo n) {
        String zone = zoneKey(n.node());
        List<NodeInfo> list = zones.get(zone);
        list.remove(n);
        if (list.isEmpty()) {
            zones.remove(zone);
        }
        size--;
        stale = true;
    }

    /** A node's labels change from {@code old} to {@code now}: it moves to the end of its new zone if that differs. */
    void relabel(NodeInfo n, KubeNode old, KubeNode now) {
        String oldZone = zoneKey(old);
        String newZone = zoneKey(now);
        if (!oldZone.equals(newZone)) {
            List<NodeInfo> list = zones.get(oldZone);
            list.remove(n);
            if (list.isEmpty()) {
                zones.remove(oldZone);
            }
            zones.computeIfAbsent(newZone, z -> new ArrayList<>()).add(n);
            stale = true;
        }
    }

    /** The nodes in tree order; a shared array, read only. */
    NodeInfo[] list() {
        if (stale) {
            order = interleave();
            orderIndexes = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                orderIndexes[i] = order[i].index;
            }
            stale = false;
        }
        return order;
    }

    /** The indexes of {@link #list()}, position by position; a shared array, read only. */
    int[] indexes() {
        list();
        return orderIndexes;
    }

    private NodeInfo[] interleave() {
        NodeInfo[] out = new NodeInfo[size];
        int k = 0;
        for (int i = 0; k < out.length; i++) {
            for (List<NodeInfo> zone : zones.values()) {
                if (i < zone.size()) {
                    out[k++] = zone.get(i);
                }
            }
        }
        return out;
    }

    /** Upstream {@code utilnode.GetZoneKey}: region and zone, or "" when the node has neither. */
    static String zoneKey(KubeNode node) {
        Map<String, String> labels = node.labels();
        String zone = labels.getOrDefault("failure-domain.beta.kubernetes.io/zone",
                labels.getOrDefault(KubeNode.ZONE_LABEL, ""));
        String region = labels.getOrDefault("failure-domain.beta.kubernetes.io/region",
                labels.getOrDefault(KubeNode.REGION_LABEL, ""));
        return region.isEmpty() && zone.isEmpty() ? "" : region + ":\u0000:" + zone;
    }
}
