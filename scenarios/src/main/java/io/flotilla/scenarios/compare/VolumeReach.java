package io.flotilla.scenarios.compare;

import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.VolumeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far each volume's data reaches, as its tasks see it: per volume name, the {@code data_through}
 * of the copies in use. A name has one copy (a plugin or network volume, a Kubernetes local volume),
 * or one per node (Docker's {@code local} driver); the copies in use are those attached to a node.
 * With none attached (every task stopped, or the node of the last one crashed), the copy attached
 * last stands for the name: a copy lost with its node still holds its writes, out of reach, not
 * gone. The name's reach is the lowest of its copies': a replacement that mounts a fresh copy on
 * another node brings it down to nothing, as a restore brings it down to the backup's time.
 *
 * <p>{@code compare}'s {@code data lost} is how far a fault's window brings this down; see
 * {@code docs/compare.md}.
 */
final class VolumeReach {

    /** Per volume name, then per copy ("" for network storage): the order of its last attach. */
    private final Map<String, Map<String, Long>> attachedLast = new HashMap<>();
    private long attaches;

    /** Keeps the order of attaches, which picks the copy that stands for a name no task uses. */
    void apply(Event event) {
        if (event instanceof VolumeAttached e) {
            attachedLast.computeIfAbsent(e.volume(), n -> new HashMap<>()).put(onKey(e.on()), ++attaches);
        } else if (event instanceof VolumeDeleted e) {
            Map<String, Long> copies = attachedLast.get(e.volume());
            if (copies != null) {
                copies.remove(onKey(e.on()));
            }
        }
    }

    /**
     * Per volume name in {@code view}, in name order: up to when it holds every write at
     * {@code now}, in nanoseconds of virtual time; 0 when it holds none from the start
     * ({@code data_through: none}).
     */
    Map<String, Long> at(ClusterView view, long now) {
        Map<String, List<VolumeView>> byName = new TreeMap<>();
        for (VolumeView v : view.volumes()) {
            byName.computeIfAbsent(v.name, n -> new ArrayList<>()).add(v);
        }
        Map<String, Long> reach = new TreeMap<>();
        byName.forEach((name, copies) -> reach.put(name, reach(name, copies, now)));
        return reach;
    }

    private long reach(String name, List<VolumeView> copies, long now) {
        List<VolumeView> inUse = copies.stream().filter(v -> v.state().equals("attached")).toList();
        if (inUse.isEmpty()) {
            Map<String, Long> order = attachedLast.getOrDefault(name, Map.of());
            inUse = copies.stream()
                    .filter(v -> order.containsKey(onKey(v.on.orElse(null))))
                    .max(Comparator.comparingLong(v -> order.get(onKey(v.on.orElse(null)))))
                    .map(List::of)
                    .orElse(List.of());
        }
        return inUse.stream().mapToLong(v -> v.dataThrough(now).orElse(0)).min().orElse(0);
    }

    /**
     * The writes a window lost: over every volume name, how far its reach at the window's end fell
     * below its reach at its start (a name gone at the end holds nothing); 0 for a name whose reach
     * held or grew.
     */
    static long lost(Map<String, Long> start, Map<String, Long> end) {
        long lost = 0;
        for (Map.Entry<String, Long> e : start.entrySet()) {
            lost += Math.max(0, e.getValue() - end.getOrDefault(e.getKey(), 0L));
        }
        return lost;
    }

    private static String onKey(String on) {
        return on == null ? "" : on;
    }
}
