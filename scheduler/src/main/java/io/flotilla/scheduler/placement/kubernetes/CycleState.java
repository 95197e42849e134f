package io.flotilla.scheduler.placement.kubernetes;

/**
 * What one scheduling cycle of one pod knows beyond its arguments (upstream {@code CycleState}):
 * the cluster it reads and the data plugins computed in PreFilter and PreScore for their later
 * calls. Plugins stay stateless; everything they remember lives here and dies with the cycle.
 */
final class CycleState {

    final ClusterState cluster;
    private final Object[] slots = new Object[StateKey.MAX];

    CycleState(ClusterState cluster) {
        this.cluster = cluster;
    }

    <T> void write(StateKey<T> key, T value) {
        slots[key.id] = value;
    }

    /** The value a plugin wrote earlier in this cycle; the framework guarantees its PreFilter or PreScore ran. */
    @SuppressWarnings("unchecked")
    <T> T read(StateKey<T> key) {
        Object value = slots[key.id];
        if (value == null) {
            throw new IllegalStateException("no " + key.name + " in this cycle");
        }
        return (T) value;
    }
}
