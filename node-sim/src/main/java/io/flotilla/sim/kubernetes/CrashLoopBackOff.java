package io.flotilla.sim.kubernetes;

import java.util.HashMap;
import java.util.Map;

/**
 * The kubelet's restart back-off for exited containers (upstream {@code flowcontrol.Backoff} as
 * {@code kuberuntime_manager.go doBackOff} uses it, initial 10s, maximum 5m). A container that exits
 * for the first time, or whose previous restart is more than 10 minutes (twice the maximum) older
 * than this exit, restarts at once; after that each exit waits the current back-off, which doubles
 * at every restart up to 5 minutes. One instance per kubelet; a kubelet restart forgets it.
 */
public final class CrashLoopBackOff {

    public static final long INITIAL_NANOS = 10_000_000_000L;
    public static final long MAX_NANOS = 300_000_000_000L;

    private record Entry(long backOff, long lastUpdate) {}

    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * How long the container {@code key}, which exited at {@code exitedAt}, waits before it is
     * started again; records the restart.
     */
    public long restartDelay(String key, long exitedAt) {
        Entry e = entries.get(key);
        if (e == null || exitedAt - e.lastUpdate() > 2 * MAX_NANOS) {
            entries.put(key, new Entry(INITIAL_NANOS, exitedAt));
            return 0;
        }
        entries.put(key, new Entry(Math.min(2 * e.backOff(), MAX_NANOS), exitedAt + e.backOff()));
        return e.backOff();
    }

    public void forget(String key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
