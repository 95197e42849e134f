package io.flotilla.scheduler.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One volume as it is: where it lives, whether a node has it, the writes it holds per lineage
 * ({@code held}, closed spans), the tasks writing to it now ({@code mounts}, by task), and every
 * lineage that ever wrote to it or whose writes a restore brought in. Immutable; {@link Volumes}
 * makes the changes.
 */
public record Volume(
        VolumeKey key,
        VolumeSpec spec,
        Place place,
        VolumeState state,
        Optional<String> attachedTo,
        long created,
        Map<String, List<Span>> held,
        Map<String, Mount> mounts,
        Set<String> writers) {

    public Volume {
        held = Collections.unmodifiableMap(new TreeMap<>(held));
        mounts = Collections.unmodifiableMap(new TreeMap<>(mounts));
        writers = Collections.unmodifiableSet(new TreeSet<>(writers));
    }

    static Volume created(VolumeKey key, VolumeSpec spec, Place place, long at) {
        return new Volume(key, spec, place, VolumeState.DETACHED, Optional.empty(), at, Map.of(), Map.of(), Set.of());
    }

    public String name() {
        return key.name();
    }

    /**
     * The node that has it: a node volume's own node whatever its state, a network volume's node
     * while attached.
     */
    public Optional<String> node() {
        if (place instanceof Place.OnNode on) {
            return Optional.of(on.node());
        }
        return attachedTo;
    }

    /** Whether a task mounts it now. */
    public boolean inUse() {
        return !mounts.isEmpty();
    }

    /** The writes it holds at {@code now}, per lineage: closed spans and the open mounts up to now. */
    public Map<String, List<Span>> contentAt(long now) {
        Map<String, List<Span>> out = new TreeMap<>();
        held.forEach((lineage, spans) -> out.put(lineage, new ArrayList<>(spans)));
        mounts.values().stream().filter(Mount::writes)
                .forEach(m -> out.computeIfAbsent(m.lineage(), l -> new ArrayList<>()).add(new Span(m.since(), Math.max(m.since(), now))));
        out.replaceAll((lineage, spans) -> Span.merged(spans));
        return out;
    }

    Volume withState(VolumeState newState, Optional<String> newAttachedTo) {
        return new Volume(key, spec, place, newState, newAttachedTo, created, held, mounts, writers);
    }

    Volume withMount(String task, Mount mount) {
        Map<String, Mount> m = new TreeMap<>(mounts);
        m.put(task, mount);
        Set<String> w = new TreeSet<>(writers);
        if (mount.writes()) {
            w.add(mount.lineage());
        }
        return new Volume(key, spec, place, state, attachedTo, created, held, m, w);
    }

    /** The same volume with {@code task}'s mount closed at {@code at}: its writes so far are held. */
    Volume withoutMount(String task, long at) {
        Mount mount = mounts.get(task);
        Map<String, Mount> m = new TreeMap<>(mounts);
        m.remove(task);
        if (!mount.writes()) {
            return new Volume(key, spec, place, state, attachedTo, created, held, m, writers);
        }
        Map<String, List<Span>> h = new TreeMap<>(held);
        List<Span> spans = new ArrayList<>(h.getOrDefault(mount.lineage(), List.of()));
        spans.add(new Span(mount.since(), Math.max(mount.since(), at)));
        h.put(mount.lineage(), Span.merged(spans));
        return new Volume(key, spec, place, state, attachedTo, created, h, m, writers);
    }

    Volume withContent(Map<String, List<Span>> content) {
        Set<String> w = new TreeSet<>(writers);
        w.addAll(content.keySet());
        return new Volume(key, spec, place, state, attachedTo, created, content, mounts, w);
    }
}
