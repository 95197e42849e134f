package io.flotilla.sim.view;

import io.flotilla.sim.events.VolumeReplica;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * One volume as the log tells it: its name, the node whose disk holds it ({@code on}, empty for
 * network storage), the node that has it now, its state, up to when it holds every write, and the
 * replica copies it holds of other lineages' writes (an application's replication).
 */
public final class VolumeView {
    public final String name;
    public final Optional<String> on;
    Optional<String> node;
    String state = "detached";
    String holds = "none";
    long through;
    /** What it holds of other lineages' writes, by lineage: an application's replica copy. */
    final TreeMap<String, VolumeReplica> copies = new TreeMap<>();

    VolumeView(String name, Optional<String> on) {
        this.name = name;
        this.on = on;
        this.node = on;
    }

    /** The node that has it: a node volume's own node, a network volume's node while attached. */
    public Optional<String> node() {
        return node;
    }

    /** {@code attached}, {@code detached} or {@code lost}. */
    public String state() {
        return state;
    }

    /** Up to when it holds every write, at {@code now}; empty when it holds none from the start. */
    public OptionalLong dataThrough(long now) {
        return switch (holds) {
            case "now" -> OptionalLong.of(now);
            case "through" -> OptionalLong.of(through);
            default -> OptionalLong.empty();
        };
    }

    /** The lineages this volume holds a replica copy of, in name order. */
    public Set<String> copiesOf() {
        return Collections.unmodifiableSet(copies.keySet());
    }

    /**
     * Up to when it holds every write of {@code lineage} at {@code now}, for a replica copy it holds;
     * empty when it holds none from that lineage's start or is no replica of it.
     */
    public OptionalLong dataThrough(String lineage, long now) {
        VolumeReplica r = copies.get(lineage);
        if (r == null) {
            return OptionalLong.empty();
        }
        return switch (r.holds()) {
            case "through" -> OptionalLong.of(r.through().toNanos());
            case "following" -> OptionalLong.of(Math.max(r.through().toNanos(), now - r.lag().toNanos()));
            default -> OptionalLong.empty();
        };
    }

    /** Whether a replication stream into it from {@code lineage} runs now. */
    public boolean streaming(String lineage) {
        VolumeReplica r = copies.get(lineage);
        return r != null && r.stream().equals("streaming");
    }
}
