package io.flotilla.sim.storage;

import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.scheduler.storage.DataThrough;
import io.flotilla.scheduler.storage.NodeDisk;
import io.flotilla.scheduler.storage.Outcome;
import io.flotilla.scheduler.storage.Place;
import io.flotilla.scheduler.storage.Pruned;
import io.flotilla.scheduler.storage.Refusal;
import io.flotilla.scheduler.storage.ReplicaCopy;
import io.flotilla.scheduler.storage.Replicas;
import io.flotilla.scheduler.storage.Volume;
import io.flotilla.scheduler.storage.VolumeChange;
import io.flotilla.scheduler.storage.VolumeKey;
import io.flotilla.scheduler.storage.VolumeSpec;
import io.flotilla.scheduler.storage.Volumes;
import io.flotilla.scheduler.storage.Writer;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeBackedUp;
import io.flotilla.sim.events.VolumeCreated;
import io.flotilla.sim.events.VolumeData;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.events.VolumeLost;
import io.flotilla.sim.events.VolumeRefused;
import io.flotilla.sim.events.VolumeReplica;
import io.flotilla.sim.events.VolumeRestored;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.Kernel;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The run's volumes (see the package comment). Every command is applied to {@link Volumes} at the
 * moment it arrives; each change is logged, then every volume whose {@code data_through} rule
 * changed gets a {@link VolumeData} event. A refused timeline operation is logged as a {@link
 * VolumeRefused}; a refused mount is answered to the agent, whose container then fails to start.
 */
public final class Storage extends AbstractBehavior<Storage.Command> {

    public sealed interface Command {}

    /**
     * The container of {@code task} (lineage {@code lineage}, the name its replacements share) starts
     * on {@code node} with these mounts: all its named volumes are mounted, or none and the answer
     * says why. Bind mounts are the node's own directories: nothing to mount here.
     */
    public record Mount(String task, String lineage, String node, List<VolumeMount> mounts, OptionalLong freeDisk,
            ActorRef<MountAnswer> replyTo) implements Command {}

    /**
     * Whether {@link Mount} succeeded: empty, or why not in the engine's words; {@code created} are the
     * volumes it made on the node's disk, with the bytes each takes there.
     */
    public record MountAnswer(String task, Optional<String> error, SortedMap<String, Long> created) {}

    /** The container of {@code task} stopped: it writes no more. */
    public record Unmount(String task) implements Command {}

    /** The container of {@code task}, its volumes mounted, runs: its server can take part in a replication stream. */
    public record Started(String task) implements Command {}

    /** The node died: its containers stop writing, its disk's volumes are lost until it is back. */
    public record NodeDown(String node) implements Command {}

    public record NodeUp(String node) implements Command {}

    /** The timeline's {@code backup}: a snapshot named {@code name} of the volume ({@code node}: which local copy). */
    public record Backup(String volume, Optional<String> node, String name) implements Command {}

    /** The timeline's {@code restore}: the volume's content becomes the snapshot {@code from}'s. */
    public record Restore(String volume, Optional<String> node, String from) implements Command {}

    /** A control plane declares a volume (a persistent volume claim's), made when provisioned or first mounted. */
    public record Declare(VolumeSpec spec) implements Command {}

    /** A control plane makes the volume now: on {@code node} for a node volume, on its backend for a network one. */
    public record Provision(String volume, Optional<String> node) implements Command {}

    /** A control plane attaches a network volume to a node. */
    public record Attach(String volume, String node) implements Command {}

    /** A control plane detaches a volume; tasks still writing to it stop reaching it. */
    public record Detach(String volume, Optional<String> node) implements Command {}

    /**
     * Which nodes reach which changed (a partition, a healed one, a link, a host): replication
     * streams between nodes that no longer reach each other stop, and those that reach again start.
     */
    public enum NetworkChanged implements Command {
        INSTANCE
    }

    /** A control plane deletes a volume and its data. */
    public record Delete(String volume, Optional<String> node) implements Command {}

    /**
     * The timeline's {@code volume_prune}, as the node's engine runs it: {@code referenced} are the
     * volumes its containers name; {@code all} and {@code matching} (the names its label filter lets
     * through) as {@link Volumes#prune} reads them. The answer names what was removed.
     */
    public record Prune(String node, Set<String> referenced, boolean all, Set<String> matching,
            ActorRef<PruneAnswer> replyTo) implements Command {}

    /** The volumes a {@link Prune} removed from the node's disk. */
    public record PruneAnswer(List<String> removed) {}

    /** The engine's words for a mount that failed ({@code docker run} with a volume plugin). */
    static final String MOUNT_ERROR = "starting container failed: error while mounting volume '%s': %s";

    private static final SortedMap<String, Long> EMPTY = Collections.unmodifiableSortedMap(new TreeMap<>());

    private final EventLog log;
    private final StorageSetup setup;
    private final Volumes volumes;
    private final Map<VolumeKey, DataThrough> logged = new HashMap<>();
    private final Replicas replicas;
    /** The tasks whose containers run with their volumes mounted. */
    private final Set<String> started = new HashSet<>();
    private final BiPredicate<String, String> reach;

    /** {@code reach} says whether a node reaches another now, as the network is. */
    public static Behavior<Command> create(StorageSetup setup, Kernel kernel, BiPredicate<String, String> reach) {
        return Behaviors.setup(ctx -> new Storage(ctx, setup, kernel.log(), reach));
    }

    private Storage(ActorContext<Command> ctx, StorageSetup setup, EventLog log, BiPredicate<String, String> reach) {
        super(ctx);
        this.reach = reach;
        this.log = log;
        this.setup = setup;
        this.volumes = new Volumes(setup.volumes());
        this.replicas = new Replicas(setup.replications());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Mount.class, this::onMount)
                .onMessage(Unmount.class, this::onUnmount)
                .onMessage(Started.class, this::onStarted)
                .onMessage(NodeDown.class, this::onNodeDown)
                .onMessage(NodeUp.class, this::onNodeUp)
                .onMessage(Backup.class, this::onBackup)
                .onMessage(Restore.class, this::onRestore)
                .onMessage(Declare.class, this::onDeclare)
                .onMessage(Provision.class, this::onProvision)
                .onMessage(Attach.class, this::onAttach)
                .onMessage(Detach.class, this::onDetach)
                .onMessage(Delete.class, this::onDelete)
                .onMessage(Prune.class, this::onPrune)
                .onMessageEquals(NetworkChanged.INSTANCE, this::onNetworkChanged)
                .build();
    }

    private Behavior<Command> onMount(Mount m) {
        long now = log.now();
        List<VolumeMount> named = m.mounts().stream().filter(v -> v.type() == VolumeMount.Type.VOLUME).toList();
        for (VolumeMount v : named) {
            if (volumes.spec(v.source()).isEmpty()) {
                // As the engine does for a mount of a volume it does not have: made with the mount's driver.
                volumes.declare(v.driver().equals(VolumeMount.LOCAL) || v.driver().isEmpty()
                        ? VolumeSpec.local(v.source()) : VolumeSpec.network(v.source(), v.driver()));
            }
        }
        TreeMap<String, Long> created = new TreeMap<>();
        for (VolumeMount v : named) {
            volumes.spec(v.source()).filter(VolumeSpec::onNode)
                    .filter(spec -> volumes.volume(volumes.keyFor(v.source(), m.node())).isEmpty())
                    .ifPresent(spec -> created.put(spec.name(), spec.sizeBytes()));
        }
        long needed = created.values().stream().mapToLong(Long::longValue).sum();
        if (m.freeDisk().isPresent() && needed > m.freeDisk().getAsLong()) {
            m.replyTo().tell(new MountAnswer(m.task(), Optional.of(MOUNT_ERROR.formatted(created.firstKey(), NodeDisk.FULL)), EMPTY));
            return this;
        }
        for (VolumeMount v : named) {
            Optional<Refusal> refusal = volumes.cannotMount(v.source(), m.node());
            if (refusal.isPresent() && takesOver(refusal.get(), v.source(), m.node())) {
                changed(volumes.detach(volumes.keyFor(v.source(), m.node()), now).changes());
                refusal = volumes.cannotMount(v.source(), m.node());
            }
            if (refusal.isPresent()) {
                m.replyTo().tell(new MountAnswer(m.task(), Optional.of(MOUNT_ERROR.formatted(v.source(), refusal.get().text())), EMPTY));
                return this;
            }
        }
        for (VolumeMount v : named) {
            changed(volumes.mounted(v.source(), new Writer(m.task(), m.lineage()), m.node(), now, v.writes()).changes());
        }
        m.replyTo().tell(new MountAnswer(m.task(), Optional.empty(), Collections.unmodifiableSortedMap(created)));
        return this;
    }

    /** A Docker plugin takes a network volume over from a node where no task uses it any more. */
    private boolean takesOver(Refusal refusal, String name, String node) {
        return setup.attachment() == StorageSetup.Attachment.ON_MOUNT
                && refusal.kind() == Refusal.Kind.ATTACHED_ELSEWHERE
                && volumes.volume(volumes.keyFor(name, node)).map(v -> !v.inUse()).orElse(false);
    }

    private Behavior<Command> onUnmount(Unmount m) {
        started.remove(m.task());
        return changed(volumes.unmounted(m.task(), log.now()));
    }

    private Behavior<Command> onStarted(Started m) {
        started.add(m.task());
        return changed(List.of());
    }

    private Behavior<Command> onNodeDown(NodeDown m) {
        return changed(volumes.nodeDown(m.node(), log.now()));
    }

    private Behavior<Command> onNodeUp(NodeUp m) {
        return changed(volumes.nodeUp(m.node(), log.now()));
    }

    private Behavior<Command> onNetworkChanged() {
        return changed(List.of());
    }

    private Behavior<Command> onBackup(Backup m) {
        return copy("backup", m.volume(), m.node()).map(key -> outcome("backup", key, volumes.backup(key, m.name(), log.now())))
                .orElse(this);
    }

    private Behavior<Command> onRestore(Restore m) {
        return copy("restore", m.volume(), m.node()).map(key -> outcome("restore", key, volumes.restore(key, m.from(), log.now())))
                .orElse(this);
    }

    private Behavior<Command> onDeclare(Declare m) {
        volumes.declare(m.spec());
        return this;
    }

    private Behavior<Command> onProvision(Provision m) {
        Outcome outcome = volumes.provision(m.volume(), m.node(), log.now());
        return outcome("provision", volumes.keyFor(m.volume(), m.node().orElse("")), outcome);
    }

    private Behavior<Command> onAttach(Attach m) {
        VolumeKey key = volumes.keyFor(m.volume(), m.node());
        return outcome("attach", key, volumes.attach(key, m.node(), log.now()));
    }

    private Behavior<Command> onDetach(Detach m) {
        VolumeKey key = volumes.keyFor(m.volume(), m.node().orElse(""));
        return outcome("detach", key, volumes.detach(key, log.now()));
    }

    private Behavior<Command> onDelete(Delete m) {
        VolumeKey key = volumes.keyFor(m.volume(), m.node().orElse(""));
        return outcome("delete", key, volumes.delete(key, log.now()));
    }

    /** A prune that removes nothing says why in the timeline, as {@code docker volume prune} prints "Total reclaimed space: 0B". */
    private Behavior<Command> onPrune(Prune m) {
        Pruned pruned = volumes.prune(m.node(), m.referenced(), m.all(), m.matching(), log.now());
        pruned.nothing().ifPresent(why -> log.append(new ActionIgnored("volume_prune", m.node(), "nothing to prune: " + why)));
        changed(pruned.changes());
        m.replyTo().tell(new PruneAnswer(pruned.removed()));
        return this;
    }

    /**
     * Which copy a timeline operation means: the one on {@code node}, or the only one there is. A
     * volume of Docker's local driver with copies on several nodes needs the node said.
     */
    private Optional<VolumeKey> copy(String action, String name, Optional<String> node) {
        if (node.isPresent()) {
            return Optional.of(volumes.keyFor(name, node.get()));
        }
        List<Volume> copies = volumes.named(name);
        if (copies.size() == 1) {
            return Optional.of(copies.get(0).key());
        }
        if (copies.isEmpty()) {
            log.append(new VolumeRefused(action, name, "no such volume: " + name + " does not exist yet (no task has mounted it)"));
        } else {
            log.append(new VolumeRefused(action, name, name + " has a copy on each of " + copies.stream()
                    .map(v -> v.node().orElse("")).collect(Collectors.joining(", ")) + "; say which with node"));
        }
        return Optional.empty();
    }

    private Behavior<Command> outcome(String action, VolumeKey key, Outcome outcome) {
        outcome.refusal().ifPresent(r -> log.append(new VolumeRefused(action, key.name(), r.text())));
        return changed(outcome.changes());
    }

    /**
     * Logs the changes, then the data rule of every copy of a volume whose rule may have changed since
     * the last call and is not the one logged last.
     */
    private Behavior<Command> changed(List<VolumeChange> changes) {
        for (VolumeChange c : changes) {
            log.append(event(c));
        }
        for (Volumes.CopyData copy : volumes.takeChangedData()) {
            Volume v = copy.volume();
            DataThrough rule = copy.rule();
            if (!rule.equals(logged.get(v.key()))) {
                logged.put(v.key(), rule);
                log.append(new VolumeData(v.name(), on(v), rule.kind().name().toLowerCase(Locale.ROOT).replace("up_to", "through"),
                        rule.kind() == DataThrough.Kind.UP_TO ? Duration.ofNanos(rule.time()) : null));
            }
        }
        // A crash or a stopped task stops a stream (the mounts say who writes where), and so does a
        // network that no longer carries it from the primary's node to the replica's.
        for (Replicas.Change c : replicas.update(volumes, reach, started::contains, log.now())) {
            ReplicaCopy copy = c.copy();
            log.append(new VolumeReplica(c.volume().name(), on(c.volume()), copy.of(), copy.streaming() ? "streaming" : "stopped",
                    copy.kind().name().toLowerCase(Locale.ROOT),
                    copy.kind() == ReplicaCopy.Kind.NONE ? null : Duration.ofNanos(copy.time()), Duration.ofNanos(copy.lag())));
        }
        if (changes.stream().anyMatch(c -> c instanceof VolumeChange.Deleted)) {
            logged.keySet().removeIf(k -> volumes.volume(k).isEmpty());
        }
        return this;
    }

    private static io.flotilla.sim.kernel.Event event(VolumeChange change) {
        Volume v = change.volume();
        if (change instanceof VolumeChange.Created) {
            return new VolumeCreated(v.name(), on(v), v.spec().driver());
        } else if (change instanceof VolumeChange.Attached) {
            return new VolumeAttached(v.name(), on(v), v.node().orElse(null));
        } else if (change instanceof VolumeChange.Detached d) {
            return new VolumeDetached(v.name(), on(v), d.from());
        } else if (change instanceof VolumeChange.Lost) {
            return new VolumeLost(v.name(), on(v));
        } else if (change instanceof VolumeChange.BackedUp b) {
            return new VolumeBackedUp(v.name(), on(v), b.backup().name());
        } else if (change instanceof VolumeChange.Restored r) {
            return new VolumeRestored(v.name(), on(v), r.backup().name(), Duration.ofNanos(r.backup().at()));
        }
        return new VolumeDeleted(v.name(), on(v));
    }

    /** The node whose disk holds the volume, or null for network storage. */
    private static String on(Volume v) {
        return v.place() instanceof Place.OnNode n ? n.node() : null;
    }
}
