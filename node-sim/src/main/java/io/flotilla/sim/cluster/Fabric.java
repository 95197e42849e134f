package io.flotilla.sim.cluster;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import io.flotilla.scheduler.raft.Quorum;
import io.flotilla.sim.dataplane.DataPlane;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NetworkChanged;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.storage.Storage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The network between the nodes and the manager. It owns the {@link Topology}, knows which
 * hosts are up, and so which manager leads: the raft leader is the first manager (in scenario
 * order) of a group of reachable, running managers that holds a majority; losing it leaves the
 * cluster without a leader until an election (10 to 20 seconds, raft's election timeout) finds
 * a new majority. It keeps the {@link Wire} up to date, through which a message between a node
 * and the manager is delivered only if the leader and the node can reach each other.
 *
 * <p>A link down cuts exactly its two hosts off from each other, both ways, until it is up again
 * (or the network heals, which brings every link up). Between a node and the leader that silences
 * the node for the manager as a crash would, though the node runs on; between two managers it
 * counts in the majority; between two workers it changes nothing yet, as workers talk only to the
 * leader, but the topology keeps it for the data plane, which it tells of every change to the
 * underlay (a host down or up, a partition, a heal, a link down or up).
 */
public final class Fabric extends AbstractBehavior<Fabric.Command> {

    public sealed interface Command {}

    public record HostUp(String node) implements Command {}

    public record HostDown(String node) implements Command {}

    public record Partition(List<List<String>> groups) implements Command {}

    public enum Heal implements Command { INSTANCE }

    public record LinkDown(String a, String b) implements Command {}

    public record LinkUp(String a, String b) implements Command {}

    /** The firewall in front of {@code node} drops ({@code drop}) the control plane's port, or lets it in. */
    public record Firewall(String node, boolean drop, FirewallRule controlPort) implements Command {}

    private record ElectionTimeout(long term) implements Command {}

    static final String NO_LEADER = "The swarm does not have a leader. It's possible that too few managers are online."
            + " Make sure more than half of the managers are online.";
    private static final long ELECTION_TICK_NANOS = 1_000_000_000L;
    /** Raft's election timeout is 10 to 19 ticks of 1s (swarmkit's ElectionTick, randomized): 20s at most. */
    public static final long LONGEST_ELECTION_NANOS = 20 * ELECTION_TICK_NANOS;

    private final EventLog log;
    private final SplittableRandom random;
    private final TimerScheduler<Command> timers;
    private final Wire wire;
    private final Topology topology;
    private final List<String> managers;
    private final ActorRef<DataPlane.Command> dataPlane;
    private final ActorRef<Storage.Command> storage;
    /** The port raft's messages between managers go to (Swarm's 2377/tcp); empty where it is not simulated. */
    private final Optional<FirewallRule> raftPort;
    private long term;
    private boolean electing;
    private boolean quorumLost;

    public static Behavior<Command> create(Wire wire, List<String> managers, Optional<FirewallRule> raftPort, EventLog log,
            SplittableRandom random, ActorRef<DataPlane.Command> dataPlane, ActorRef<Storage.Command> storage) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Fabric(ctx, wire, managers, raftPort, log, random,
                timers, dataPlane, storage)));
    }

    private Fabric(ActorContext<Command> ctx, Wire wire, List<String> managers, Optional<FirewallRule> raftPort,
            EventLog log, SplittableRandom random, TimerScheduler<Command> timers, ActorRef<DataPlane.Command> dataPlane,
            ActorRef<Storage.Command> storage) {
        super(ctx);
        this.raftPort = raftPort;
        this.storage = storage;
        this.wire = wire;
        this.dataPlane = dataPlane;
        this.topology = wire.topology;
        this.managers = List.copyOf(managers);
        this.log = log;
        this.random = random;
        this.timers = timers;
        wire.leader(managers.stream().findFirst());
        wire.leader().ifPresent(l -> log.append(new LeaderChanged("leader", l, managers.size(), managers.size(), "initial leader")));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(HostUp.class, this::onHostUp)
                .onMessage(HostDown.class, this::onHostDown)
                .onMessage(Partition.class, this::onPartition)
                .onMessageEquals(Heal.INSTANCE, this::onHeal)
                .onMessage(LinkDown.class, this::onLinkDown)
                .onMessage(LinkUp.class, this::onLinkUp)
                .onMessage(Firewall.class, this::onFirewall)
                .onMessage(ElectionTimeout.class, this::onElectionTimeout)
                .build();
    }

    private Behavior<Command> onHostUp(HostUp m) {
        dataPlane.tell(new DataPlane.HostUp(m.node()));
        return changed(() -> wire.down(m.node(), false));
    }

    private Behavior<Command> onHostDown(HostDown m) {
        dataPlane.tell(new DataPlane.HostDown(m.node()));
        return changed(() -> wire.down(m.node(), true));
    }

    private Behavior<Command> onPartition(Partition m) {
        dataPlane.tell(new DataPlane.Partitioned(m.groups()));
        return network("partition", m.groups(), () -> topology.partition(m.groups()));
    }

    private Behavior<Command> onHeal() {
        if (!topology.hasCuts()) {
            log.append(new ActionIgnored("heal", "all", "nothing is partitioned or cut"));
            return this;
        }
        dataPlane.tell(DataPlane.Healed.INSTANCE);
        return network("heal", List.of(), topology::heal);
    }

    private Behavior<Command> onLinkDown(LinkDown m) {
        dataPlane.tell(new DataPlane.LinkDown(m.a(), m.b()));
        return network("link_down", List.of(List.of(m.a(), m.b())), () -> topology.linkDown(m.a(), m.b()));
    }

    private Behavior<Command> onLinkUp(LinkUp m) {
        dataPlane.tell(new DataPlane.LinkUp(m.a(), m.b()));
        return network("link_up", List.of(List.of(m.a(), m.b())), () -> topology.linkUp(m.a(), m.b()));
    }

    /** The data plane logs the change; here the control plane's reach follows it. */
    private Behavior<Command> onFirewall(Firewall m) {
        int host = wire.hostIndex(m.node());
        boolean changed = m.drop() ? topology.firewalls().drop(host, m.controlPort()) : topology.firewalls().accept(host, m.controlPort());
        return changed ? changed(() -> {}) : this;
    }

    private Behavior<Command> network(String change, List<List<String>> groups, Runnable apply) {
        log.append(new NetworkChanged(change, groups));
        return changed(apply);
    }

    private Behavior<Command> changed(Runnable apply) {
        apply.run();
        // the application's replication streams run over this network too
        storage.tell(Storage.NetworkChanged.INSTANCE);
        Optional<List<String>> majority = majorityGroup();
        Optional<String> leader = wire.leader();
        if (leader.isPresent() && majority.filter(g -> g.contains(leader.get())).isPresent()) {
            return this;
        }
        if (leader.isPresent()) {
            wire.leader(Optional.empty());
            wire.tellManager(Manager.LeaderLost.INSTANCE);
        }
        if (majority.isPresent() && !electing) {
            electing = true;
            quorumLost = false;
            long ticks = 10 + random.nextInt(10);
            timers.startSingleTimer(new ElectionTimeout(++term), Duration.ofNanos(ticks * ELECTION_TICK_NANOS));
            log.append(new LeaderChanged("election", null, managersUp(), managers.size(), "no leader; electing one"));
        } else if (majority.isEmpty() && !quorumLost) {
            electing = false;
            quorumLost = true;
            term++;
            log.append(new LeaderChanged("quorum_lost", null, managersUp(), managers.size(), NO_LEADER));
        }
        return this;
    }

    private Behavior<Command> onElectionTimeout(ElectionTimeout m) {
        if (m.term() != term || !electing) {
            return this;
        }
        electing = false;
        Optional<List<String>> group = majorityGroup();
        if (group.isEmpty()) {
            quorumLost = true;
            log.append(new LeaderChanged("quorum_lost", null, managersUp(), managers.size(), NO_LEADER));
            return this;
        }
        String leader = group.get().get(0);
        wire.leader(Optional.of(leader));
        log.append(new LeaderChanged("leader", leader, managersUp(), managers.size(), "leader elected"));
        wire.tellManager(new Manager.LeaderElected(leader));
        return this;
    }

    /** The running managers that reach each other and hold a majority, in scenario order. */
    private Optional<List<String>> majorityGroup() {
        return Quorum.majorityGroup(managers, m -> !wire.isDown(m), (a, b) -> topology.canReach(a, b) && raftPasses(a, b));
    }

    /** Raft's messages go both ways, each to the other manager's port: a firewall at either end that drops it cuts the pair. */
    private boolean raftPasses(String a, String b) {
        if (a.equals(b) || raftPort.isEmpty() || !topology.firewalls().any()) {
            return true;
        }
        return !topology.firewalls().dropsBetween(wire.hostIndex(a), wire.hostIndex(b), raftPort.get());
    }

    private int managersUp() {
        return (int) managers.stream().filter(m -> !wire.isDown(m)).count();
    }
}
