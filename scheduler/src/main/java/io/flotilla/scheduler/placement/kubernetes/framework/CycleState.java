package io.flotilla.scheduler.placement.kubernetes.framework;

import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import java.util.List;

/**
 * What one scheduling cycle of one pod knows beyond its arguments (upstream {@code CycleState}):
 * the cluster it reads and the data plugins computed in PreFilter and PreScore for their later
 * calls. Plugins stay stateless; everything they remember lives here and dies with the cycle.
 */
public final class CycleState {

    private final Cache cluster;
    private final Object[] slots = new Object[StateKey.MAX];
    private List<NodeInfo> indexedNodes;
    private int[] indexes;

    public CycleState(Cache cluster) {
        this.cluster = cluster;
    }

    /** The cluster the cycle schedules against. */
    public Cache cluster() {
        return cluster;
    }

    /**
     * The node indexes of {@code nodes}, computed once per list: score plugins read the node table
     * and topology columns by index without touching the nodes again.
     */
    public int[] indexes(List<NodeInfo> nodes) {
        if (nodes != indexedNodes) {
            indexes = new int[nodes.size()];
            for (int k = 0; k < indexes.length; k++) {
                indexes[k] = nodes.get(k).index();
            }
            indexedNodes = nodes;
        }
        return indexes;
    }

    /** Records the indexes of a list the framework built, so that {@link #indexes} need not look. */
    public void setIndexes(List<NodeInfo> nodes, int[] nodeIndexes) {
        indexedNodes = nodes;
        indexes = nodeIndexes;
    }

    public <T> void write(StateKey<T> key, T value) {
        slots[key.id] = value;
    }

    /** The value a plugin wrote earlier in this cycle; the framework guarantees its PreFilter or PreScore ran. */
    @SuppressWarnings("unchecked")
    public <T> T read(StateKey<T> key) {
        Object value = slots[key.id];
        if (value == null) {
            throw new IllegalStateException("no " + key.name + " in this cycle");
        }
        return (T) value;
    }
}
