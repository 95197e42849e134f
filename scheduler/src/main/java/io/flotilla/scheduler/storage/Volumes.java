package io.flotilla.scheduler.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every volume of a run, their backups, and the writes each lineage made: the storage a control
 * plane and its nodes share. The caller says what happened and when; the registry applies the
 * rules and returns the changes. Iteration is in key order, so a run is deterministic.
 *
 * <p>The single-writer rule: a volume is on one node at a time. A node volume is on its own
 * node; a network volume is attached to one node, and a mount from any other node is refused
 * until it is detached (ReadWriteOnce). Several tasks on that node may mount it, as Docker and
 * Kubernetes allow.
 */
public final class Volumes {

    private record Lineage(String volume, String lineage) implements Comparable<Lineage> {
        @Override
        public int compareTo(Lineage o) {
            int byVolume = volume.compareTo(o.volume);
            return byVolume != 0 ? byVolume : lineage.compareTo(o.lineage);
        }
    }

    private final Map<String, VolumeSpec> specs = new LinkedHashMap<>();
    private final TreeMap<VolumeKey, Volume> volumes = new TreeMap<>();
    private final Map<String, Backup> backups = new LinkedHashMap<>();
    /** The closed spans each lineage wrote to any copy of a volume name; open ones are in the mounts. */
    private final TreeMap<Lineage, List<Span>> made = new TreeMap<>();
    /** By name, since {@link #takeChangedData}: the copies made or changed, and the lineages whose writes changed. */
    private final TreeMap<String, Changes> changes = new TreeMap<>();

    private record Changes(Set<VolumeKey> copies, Set<String> lineages) {}

    public Volumes(List<VolumeSpec> declared) {
        declared.forEach(this::declare);
    }

    /** Declares a volume (or replaces a declaration); copies are made when first provisioned or mounted. */
    public void declare(VolumeSpec spec) {
        specs.put(spec.name(), spec);
    }

    public Optional<VolumeSpec> spec(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    public Optional<Volume> volume(VolumeKey key) {
        return Optional.ofNullable(volumes.get(key));
    }

    /** Every volume, in key order (name, then node). */
    public List<Volume> all() {
        return List.copyOf(volumes.values());
    }

    /** The copies of {@code name}: one per node for Docker's local driver, else at most one. */
    public List<Volume> named(String name) {
        // keys sort by name first, the one without a node before the others: the copies are one run
        List<Volume> copies = new ArrayList<>();
        for (Volume v : volumes.tailMap(VolumeKey.of(name)).values()) {
            if (!v.name().equals(name)) {
                break;
            }
            copies.add(v);
        }
        return copies;
    }

    public Optional<Backup> backup(String name) {
        return Optional.ofNullable(backups.get(name));
    }

    /** The copy a task on {@code node} would mount: that node's for Docker's local driver, else the one. */
    public VolumeKey keyFor(String name, String node) {
        VolumeSpec spec = specs.get(name);
        return spec != null && spec.scope() == Scope.EACH_NODE ? VolumeKey.on(name, node) : VolumeKey.of(name);
    }

    /**
     * Makes the volume if it does not exist yet: on {@code node} for a node volume (required then),
     * on its backend for a network one, empty and detached.
     */
    public Outcome provision(String name, Optional<String> node, long at) {
        VolumeSpec spec = specs.get(name);
        if (spec == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "no volume named " + name + " is declared");
        }
        if (spec.scope() != Scope.NETWORK && node.isEmpty()) {
            throw new IllegalArgumentException("volume " + name + " lives on a node; say which");
        }
        VolumeKey key = keyFor(name, node.orElse(""));
        Volume existing = volumes.get(key);
        if (existing != null) {
            return existing.node().isPresent() && spec.scope() == Scope.ONE_NODE && !existing.node().equals(node)
                    ? Outcome.refused(Refusal.Kind.ON_OTHER_NODE, "volume " + name + " is on " + existing.node().get())
                    : Outcome.of(List.of());
        }
        Place place = spec.scope() == Scope.NETWORK ? new Place.Backend(spec.driver()) : new Place.OnNode(node.get());
        Volume made = Volume.created(key, spec, place, at);
        put(made);
        return Outcome.of(List.of(new VolumeChange.Created(made)));
    }

    /**
     * Why a task on {@code node} could not mount {@code name} now, if it could not: the question
     * {@link #mounted} answers, asked without changing anything, so that a task with several volumes
     * mounts all or none.
     */
    public Optional<Refusal> cannotMount(String name, String node) {
        VolumeSpec spec = specs.get(name);
        if (spec == null) {
            return Optional.of(new Refusal(Refusal.Kind.UNKNOWN_VOLUME, "no volume named " + name + " is declared"));
        }
        VolumeKey key = keyFor(name, node);
        Volume volume = volumes.get(key);
        if (volume == null) {
            return Optional.empty();
        }
        if (volume.state() == VolumeState.LOST) {
            return Optional.of(new Refusal(Refusal.Kind.LOST, "volume " + key + " is lost: its node is down"));
        }
        if (volume.place() instanceof Place.OnNode on && !on.node().equals(node)) {
            return Optional.of(new Refusal(Refusal.Kind.ON_OTHER_NODE, "volume " + name + " is on " + on.node()));
        }
        Optional<String> holder = volume.node();
        if (volume.state() == VolumeState.ATTACHED && holder.isPresent() && !holder.get().equals(node)) {
            return Optional.of(new Refusal(Refusal.Kind.ATTACHED_ELSEWHERE, "volume " + key + " is attached to " + holder.get()));
        }
        return Optional.empty();
    }

    /**
     * {@code writer} starts writing to {@code name} on {@code node} at {@code at}: the copy is made
     * if needed, attached to the node if it is detached, and refused if another node has it or it
     * is lost.
     */
    public Outcome mounted(String name, Writer writer, String node, long at) {
        return mounted(name, writer, node, at, true);
    }

    /**
     * As {@link #mounted(String, Writer, String, long)}, for a mount that writes or, read-only, only
     * holds the volume on its node. A network volume that is detached is attached by the mount
     * (Docker's plugins attach on mount); a control plane that attaches first (Kubernetes' attach/detach
     * controller) calls {@link #attach} before.
     */
    public Outcome mounted(String name, Writer writer, String node, long at, boolean writes) {
        VolumeSpec spec = specs.get(name);
        if (spec == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "no volume named " + name + " is declared");
        }
        Outcome provisioned = provision(name, Optional.of(node), at);
        if (provisioned.refused()) {
            return provisioned;
        }
        List<VolumeChange> changes = new ArrayList<>(provisioned.changes());
        VolumeKey key = keyFor(name, node);
        Volume volume = volumes.get(key);
        if (volume.state() == VolumeState.LOST) {
            return Outcome.refused(Refusal.Kind.LOST, "volume " + key + " is lost: its node is down");
        }
        Optional<String> holder = volume.node();
        if (volume.state() == VolumeState.ATTACHED && holder.isPresent() && !holder.get().equals(node)) {
            return Outcome.refused(Refusal.Kind.ATTACHED_ELSEWHERE, "volume " + key + " is attached to " + holder.get());
        }
        if (volume.mounts().containsKey(writer.task())) {
            return Outcome.of(changes);
        }
        if (volume.state() == VolumeState.DETACHED) {
            volume = volume.withState(VolumeState.ATTACHED, Optional.of(node));
            changes.add(new VolumeChange.Attached(volume));
        }
        volume = volume.withMount(writer.task(), new Mount(writer.lineage(), node, at, writes));
        put(volume);
        return Outcome.of(changes);
    }

    /**
     * {@code task} stops writing to every volume it mounts. A node volume no task mounts any more is
     * detached; a network volume stays attached until {@link #detach}.
     */
    public List<VolumeChange> unmounted(String task, long at) {
        List<VolumeChange> changes = new ArrayList<>();
        for (Volume volume : List.copyOf(volumes.values())) {
            if (volume.mounts().containsKey(task)) {
                changes.addAll(closeMounts(volume, m -> m.equals(task), at));
            }
        }
        return changes;
    }

    /**
     * {@code node} went down at {@code at}: the tasks on it stop writing, and the volumes on its disk
     * are lost until it is back. A network volume attached to it stays attached.
     */
    public List<VolumeChange> nodeDown(String node, long at) {
        List<VolumeChange> changes = new ArrayList<>();
        for (Volume volume : List.copyOf(volumes.values())) {
            changes.addAll(closeMounts(volume, task -> volume.mounts().get(task).node().equals(node), at));
            Volume now = volumes.get(volume.key());
            if (now.place() instanceof Place.OnNode on && on.node().equals(node) && now.state() != VolumeState.LOST) {
                Volume lost = now.withState(VolumeState.LOST, Optional.empty());
                put(lost);
                changes.removeIf(c -> c instanceof VolumeChange.Detached d && d.volume().key().equals(lost.key()));
                changes.add(new VolumeChange.Lost(lost));
            }
        }
        return changes;
    }

    /** {@code node} is back: the volumes on its disk are there again, detached. */
    public List<VolumeChange> nodeUp(String node, long at) {
        List<VolumeChange> changes = new ArrayList<>();
        for (Volume volume : List.copyOf(volumes.values())) {
            if (volume.state() == VolumeState.LOST && volume.place() instanceof Place.OnNode on && on.node().equals(node)) {
                Volume back = volume.withState(VolumeState.DETACHED, Optional.empty());
                put(back);
                changes.add(new VolumeChange.Detached(back, node));
            }
        }
        return changes;
    }

    /** Attaches a network volume to {@code node}; a node volume can only be "attached" on its own node. */
    public Outcome attach(VolumeKey key, String node, long at) {
        Volume volume = volumes.get(key);
        if (volume == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "no volume " + key);
        }
        if (volume.state() == VolumeState.LOST) {
            return Outcome.refused(Refusal.Kind.LOST, "volume " + key + " is lost: its node is down");
        }
        if (volume.place() instanceof Place.OnNode on && !on.node().equals(node)) {
            return Outcome.refused(Refusal.Kind.ON_OTHER_NODE, "volume " + key + " is on " + on.node());
        }
        if (volume.state() == VolumeState.ATTACHED) {
            return volume.node().equals(Optional.of(node))
                    ? Outcome.of(List.of())
                    : Outcome.refused(Refusal.Kind.ATTACHED_ELSEWHERE, "volume " + key + " is attached to " + volume.node().orElse(""));
        }
        Volume attached = volume.withState(VolumeState.ATTACHED, Optional.of(node));
        put(attached);
        return Outcome.of(List.of(new VolumeChange.Attached(attached)));
    }

    /**
     * Detaches the volume from its node. Tasks still writing to it stop reaching it at {@code at}
     * (a forced detach); a lost volume stays lost.
     */
    public Outcome detach(VolumeKey key, long at) {
        Volume volume = volumes.get(key);
        if (volume == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "no volume " + key);
        }
        if (volume.state() != VolumeState.ATTACHED) {
            return Outcome.of(List.of());
        }
        String from = volume.node().orElse("");
        List<VolumeChange> changes = new ArrayList<>(closeMounts(volume, task -> true, at));
        Volume now = volumes.get(key);
        if (now.state() == VolumeState.ATTACHED) {
            Volume detached = now.withState(VolumeState.DETACHED, Optional.empty());
            put(detached);
            changes.add(new VolumeChange.Detached(detached, from));
        }
        return Outcome.of(changes);
    }

    /** The volume's data cannot be reached any more (its node or its storage is gone). */
    public Outcome lost(VolumeKey key, long at) {
        Volume volume = volumes.get(key);
        if (volume == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "no volume " + key);
        }
        closeMounts(volume, task -> true, at);
        Volume lost = volumes.get(key).withState(VolumeState.LOST, Optional.empty());
        put(lost);
        return Outcome.of(List.of(new VolumeChange.Lost(lost)));
    }

    /** Takes a snapshot named {@code name} of the volume's content as it is at {@code at}. */
    public Outcome backup(VolumeKey key, String name, long at) {
        Volume volume = volumes.get(key);
        if (volume == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "volume " + key + " does not exist yet");
        }
        if (volume.state() == VolumeState.LOST) {
            return Outcome.refused(Refusal.Kind.LOST, "volume " + key + " is lost: its node is down");
        }
        if (backups.containsKey(name)) {
            return Outcome.refused(Refusal.Kind.DUPLICATE_BACKUP, "a backup named " + name + " exists already");
        }
        Backup backup = new Backup(name, key, at, volume.contentAt(at));
        backups.put(name, backup);
        return Outcome.of(List.of(new VolumeChange.BackedUp(volume, backup)));
    }

    /**
     * Replaces the volume's content with the backup's: the writes made since the backup are gone.
     * Refused while a task mounts the volume, as a restore tool refuses to overwrite live data.
     */
    public Outcome restore(VolumeKey key, String backupName, long at) {
        Volume volume = volumes.get(key);
        Backup backup = backups.get(backupName);
        if (volume == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "volume " + key + " does not exist yet");
        }
        if (backup == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_BACKUP, "no backup named " + backupName);
        }
        if (volume.state() == VolumeState.LOST) {
            return Outcome.refused(Refusal.Kind.LOST, "volume " + key + " is lost: its node is down");
        }
        if (volume.inUse()) {
            return Outcome.refused(Refusal.Kind.IN_USE, "volume " + key + " is in use by " + String.join(", ", volume.mounts().keySet())
                    + ": stop the tasks that mount it first");
        }
        Volume restored = volume.withContent(backup.content());
        put(restored);
        return Outcome.of(List.of(new VolumeChange.Restored(restored, backup)));
    }

    /**
     * {@code docker volume prune} on {@code node}: removes, with their data, the volumes of Docker's
     * {@code local} driver on the node's disk that no container references (moby's volume service
     * prunes by the default driver and {@code ByReferenced(false)}; {@code referenced} are the
     * volumes the node's containers name, stopped ones too, and a mounted volume is referenced
     * anyway). Since API 1.42 (Docker 23) a prune removes only anonymous volumes unless {@code all}
     * ({@code --all}); every declared volume is named, so without {@code all} it removes none.
     * {@code matching} are the names its {@code --filter label=...} lets through. A plugin's volume
     * is never pruned, nor a Kubernetes volume (its own driver, not {@code local}).
     */
    public Pruned prune(String node, Set<String> referenced, boolean all, Set<String> matching, long at) {
        List<Volume> local = volumes.values().stream()
                .filter(v -> v.spec().scope() == Scope.EACH_NODE && v.place() instanceof Place.OnNode on && on.node().equals(node))
                .toList();
        if (local.isEmpty()) {
            return new Pruned(List.of(), List.of(), Optional.of("no local volume on " + node));
        }
        List<VolumeChange> changes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Volume v : local) {
            if (v.inUse() || referenced.contains(v.name())) {
                kept.add(v.name() + " is used by a container");
            } else if (!matching.contains(v.name())) {
                kept.add(v.name() + " does not match the filter");
            } else if (!all) {
                kept.add(v.name() + " is a named volume, and without all: true only anonymous volumes are pruned (Docker 23, API 1.42)");
            } else {
                changes.addAll(delete(v.key(), at).changes());
                removed.add(v.name());
            }
        }
        return new Pruned(changes, removed, removed.isEmpty() ? Optional.of(String.join("; ", kept)) : Optional.empty());
    }

    /** Deletes the volume and its data; refused while a task mounts it. */
    public Outcome delete(VolumeKey key, long at) {
        Volume volume = volumes.get(key);
        if (volume == null) {
            return Outcome.refused(Refusal.Kind.UNKNOWN_VOLUME, "no volume " + key);
        }
        if (volume.inUse()) {
            return Outcome.refused(Refusal.Kind.IN_USE, "volume " + key + " is in use by " + String.join(", ", volume.mounts().keySet()));
        }
        volumes.remove(key);
        return Outcome.of(List.of(new VolumeChange.Deleted(volume)));
    }

    /**
     * The time {@code T} such that the volume holds every write its lineages made up to {@code T}
     * (to any copy of its name): the end of the unbroken run of writes from each lineage's first,
     * the earliest over its lineages. Empty when it holds none from the start: nothing was ever
     * written to it, or it lacks its lineages' first writes (a replacement's fresh copy). A restore
     * from a backup taken at {@code B} gives {@code B}, and it stays {@code B} as new writes follow,
     * since the writes in between are gone for good.
     */
    public OptionalLong dataThrough(VolumeKey key, long now) {
        return dataThrough(key).at(now);
    }

    /**
     * {@link #dataThrough(VolumeKey, long)} as a rule that holds until the next change: none, a fixed
     * time, or now (the volume holds every write so far and its writers keep writing to it).
     */
    public DataThrough dataThrough(VolumeKey key) {
        Volume volume = volumes.get(key);
        if (volume == null) {
            return DataThrough.NONE;
        }
        return new WritesOf(volume.name(), named(volume.name()), volume.writers()).dataThrough(volume);
    }

    /** A copy of a volume and its {@link #dataThrough} rule. */
    public record CopyData(Volume volume, DataThrough rule) {}

    /**
     * {@link #dataThrough(VolumeKey)} of every copy whose rule may have changed since the last call,
     * in key order: a copy made or changed, or one a lineage writes to whose writes changed on
     * another copy of its name (a rule reads only its copy and its lineages' writes). The writes made
     * to a name's copies are gathered once for them all, where a node-local volume has a copy on
     * each node its tasks ran on.
     */
    public List<CopyData> takeChangedData() {
        List<CopyData> out = new ArrayList<>();
        changes.forEach((name, changed) -> {
            List<Volume> copies = named(name);
            List<Volume> affected = copies.stream()
                    .filter(v -> changed.copies().contains(v.key())
                            || v.writers().stream().anyMatch(changed.lineages()::contains))
                    .toList();
            Set<String> lineages = new HashSet<>();
            affected.forEach(v -> lineages.addAll(v.writers()));
            WritesOf writes = new WritesOf(name, copies, lineages);
            for (Volume v : affected) {
                out.add(new CopyData(v, writes.dataThrough(v)));
            }
        });
        changes.clear();
        return out;
    }

    /**
     * What each of some lineages wrote to any copy of a volume name, seen from two instants past every
     * change so far: a lineage writing to a copy now reaches each of them, one whose writes stopped or
     * go elsewhere stays where it stopped.
     */
    private final class WritesOf {
        private static final long LATER = Long.MAX_VALUE / 4;
        private final Map<String, List<Span>> made;
        private final Map<String, List<Span>> madeLater;

        WritesOf(String name, List<Volume> copies, Set<String> lineages) {
            made = madeBy(name, lineages, copies, LATER);
            madeLater = madeBy(name, lineages, copies, LATER + 1);
        }

        DataThrough dataThrough(Volume volume) {
            if (volume.writers().isEmpty()) {
                return DataThrough.NONE;
            }
            Map<String, List<Span>> held = volume.contentAt(LATER);
            Map<String, List<Span>> heldLater = volume.contentAt(LATER + 1);
            long through = Long.MAX_VALUE;
            boolean current = true;
            for (String lineage : volume.writers()) {
                OptionalLong end = prefixEnd(made.getOrDefault(lineage, List.of()), held.getOrDefault(lineage, List.of()));
                OptionalLong endLater = prefixEnd(madeLater.getOrDefault(lineage, List.of()),
                        heldLater.getOrDefault(lineage, List.of()));
                if (end.isEmpty()) {
                    return DataThrough.NONE;
                }
                if (endLater.equals(end)) {
                    current = false;
                    through = Math.min(through, end.getAsLong());
                }
            }
            return current ? DataThrough.NOW : DataThrough.upTo(through);
        }
    }

    /**
     * For each of {@code lineages}, the spans it wrote to the copies of {@code name}: the closed ones,
     * and the open ones up to {@code now}.
     */
    private Map<String, List<Span>> madeBy(String name, Set<String> lineages, List<Volume> copies, long now) {
        Map<String, List<Span>> spans = new HashMap<>();
        for (String lineage : lineages) {
            spans.put(lineage, new ArrayList<>(made.getOrDefault(new Lineage(name, lineage), List.of())));
        }
        for (Volume v : copies) {
            for (Mount m : v.mounts().values()) {
                List<Span> of = spans.get(m.lineage());
                if (m.writes() && of != null) {
                    of.add(new Span(m.since(), Math.max(m.since(), now)));
                }
            }
        }
        spans.replaceAll((lineage, list) -> Span.merged(list));
        return spans;
    }

    /** How far {@code held} covers {@code made} without a gap from its start; empty if it misses the start. */
    static OptionalLong prefixEnd(List<Span> made, List<Span> held) {
        OptionalLong through = OptionalLong.empty();
        for (Span m : made) {
            Optional<Span> cover = held.stream().filter(h -> h.from() <= m.from() && m.from() <= h.to()).findFirst();
            if (cover.isEmpty()) {
                return through;
            }
            if (cover.get().to() < m.to()) {
                return OptionalLong.of(cover.get().to());
            }
            through = OptionalLong.of(m.to());
        }
        return through;
    }

    private void put(Volume volume) {
        Volume before = volumes.put(volume.key(), volume);
        if (volume.equals(before)) {
            return;
        }
        Changes changed = changes.computeIfAbsent(volume.name(), n -> new Changes(new HashSet<>(), new HashSet<>()));
        changed.copies().add(volume.key());
        // a writing mount come or gone changes its lineage's writes, which its other copies read
        Map<String, Mount> mountsBefore = before == null ? Map.of() : before.mounts();
        volume.mounts().forEach((task, m) -> {
            if (m.writes() && !m.equals(mountsBefore.get(task))) {
                changed.lineages().add(m.lineage());
            }
        });
        mountsBefore.forEach((task, m) -> {
            if (m.writes() && !m.equals(volume.mounts().get(task))) {
                changed.lineages().add(m.lineage());
            }
        });
    }

    /** Closes the mounts of {@code volume} that {@code which} picks, and detaches a node volume left without any. */
    private List<VolumeChange> closeMounts(Volume volume, java.util.function.Predicate<String> which, long at) {
        Volume now = volume;
        for (Map.Entry<String, Mount> e : volume.mounts().entrySet()) {
            if (which.test(e.getKey())) {
                Mount m = e.getValue();
                if (m.writes()) {
                    Lineage lineage = new Lineage(volume.name(), m.lineage());
                    List<Span> spans = new ArrayList<>(made.getOrDefault(lineage, List.of()));
                    spans.add(new Span(m.since(), Math.max(m.since(), at)));
                    made.put(lineage, Span.merged(spans));
                }
                now = now.withoutMount(e.getKey(), at);
            }
        }
        List<VolumeChange> changes = new ArrayList<>();
        if (now.place() instanceof Place.OnNode on && !now.inUse() && now.state() == VolumeState.ATTACHED) {
            now = now.withState(VolumeState.DETACHED, Optional.empty());
            changes.add(new VolumeChange.Detached(now, on.node()));
        }
        put(now);
        return changes;
    }
}
