package io.flotilla.scheduler.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The replication streams of a run's replicated statefulsets (see {@link Replication}) and what each
 * replica's volume holds of its primary. A stream runs while the primary's task writes to its volume,
 * the replica's task writes to its own, both tasks' servers run (a replica's server connects to the
 * primary's), and the replica's node can reach the primary's: a crash of
 * either node, a stopped task or a partition between them stops it. A stopped replica keeps what it
 * had copied; a stream that starts again begins with a base backup of what the primary's volume holds.
 * Nothing here promotes a replica: promotion is the application's or its operator's act.
 */
public final class Replicas {

    /** A stream started or stopped: what {@code volume} holds of the primary from now on. */
    public record Change(Volume volume, ReplicaCopy copy) {}

    private final List<Replication> sets;
    private final TreeMap<VolumeKey, ReplicaCopy> copies = new TreeMap<>();

    public Replicas(List<Replication> sets) {
        this.sets = List.copyOf(sets);
    }

    /** What the replica volume {@code key} holds of its primary, if it is one that ever streamed. */
    public Optional<ReplicaCopy> copy(VolumeKey key) {
        return Optional.ofNullable(copies.get(key));
    }

    /**
     * Starts and stops streams as the volumes now are, at {@code now}; {@code reach} says whether a
     * node can reach another, {@code serving} whether a task's server runs. Returns the streams that
     * changed, in volume order.
     */
    public List<Change> update(Volumes volumes, BiPredicate<String, String> reach, Predicate<String> serving, long now) {
        List<Change> changes = new ArrayList<>();
        for (Replication r : sets) {
            for (String template : r.templates()) {
                Optional<Map.Entry<Volume, Mount>> primary = writer(volumes.named(r.primaryVolume(template)), r.primary(), serving);
                for (Volume v : volumes.all()) {
                    Optional<String> lineage = r.replicaOf(template, v.name());
                    if (lineage.isEmpty()) {
                        continue;
                    }
                    Optional<Mount> replica = writer(List.of(v), lineage.get(), serving).map(Map.Entry::getValue);
                    boolean runs = primary.isPresent() && replica.isPresent()
                            && reach.test(replica.get().node(), primary.get().getValue().node());
                    ReplicaCopy was = copies.get(v.key());
                    boolean ran = was != null && was.streaming();
                    if (runs && !ran) {
                        ReplicaCopy started = ReplicaCopy.started(r.primary(), volumes.dataThrough(primary.get().getKey().key()), now,
                                r.lagNanos());
                        copies.put(v.key(), started);
                        changes.add(new Change(v, started));
                    } else if (!runs && ran) {
                        ReplicaCopy stopped = was.stopped(now);
                        copies.put(v.key(), stopped);
                        changes.add(new Change(v, stopped));
                    }
                }
            }
        }
        return changes;
    }

    /** The copy among {@code volumes} that {@code lineage} writes to now with its server running, and its mount. */
    private static Optional<Map.Entry<Volume, Mount>> writer(List<Volume> volumes, String lineage, Predicate<String> serving) {
        for (Volume v : volumes) {
            for (Map.Entry<String, Mount> m : v.mounts().entrySet()) {
                if (m.getValue().writes() && m.getValue().lineage().equals(lineage) && serving.test(m.getKey())) {
                    return Optional.of(Map.entry(v, m.getValue()));
                }
            }
        }
        return Optional.empty();
    }
}
