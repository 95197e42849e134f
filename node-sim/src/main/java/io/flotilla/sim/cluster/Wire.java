package io.flotilla.sim.cluster;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.kernel.VirtualTimeScheduler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The links between the nodes and the leading manager, as the {@link Fabric} last set them. A
 * sender asks the wire and the message goes straight to its receiver's mailbox, or nowhere when
 * the two cannot reach each other: one mailbox hop per message, not two through the fabric, which
 * matters at a million heartbeats. Only the fabric changes the wire; every actor of a simulation
 * runs on its one driver thread, so reads need no lock and stay in a repeatable order.
 *
 * <p>Hosts are known by their topology index on the hot paths: a node's agent sends with its own
 * index, which hosts are down is a flag per index, and the leader's index is kept with its name,
 * so a heartbeat costs no lookup by name and its answer one. A heartbeat sent while no actor has
 * work is answered without a message at all when it only moves the node's deadline.
 */
public final class Wire {

    /** A node's agent and its host index. */
    private record Peer(int index, ActorRef<NodeAgent.Command> agent) {}

    final Topology topology;
    /** The port the nodes' sessions go to: a firewall in front of its host that drops it cuts them all. */
    private final FirewallRule controlPort;
    /** The host the sessions go to when it is not the leading manager's: Kubernetes' API server. */
    private final int controlHost;
    private final boolean[] down;
    private Optional<String> leader = Optional.empty();
    private int leaderIndex = -1;
    private ActorRef<Manager.Command> manager;
    private final Map<String, Peer> agents = new HashMap<>();
    private QuietHeartbeats quietHeartbeats = (host, node, reportsSent, assignmentsSeen) -> ControlPlaneInputs.NOT_QUIET;

    /** The manager's {@link ControlPlaneInputs#quietHeartbeat}. */
    @FunctionalInterface
    interface QuietHeartbeats {
        long answer(int host, String node, long reportsSent, long assignmentsSeen);
    }

    /** What {@link #quietHeartbeat} returns when the heartbeat or its answer was lost on the way. */
    static final long LOST = -2;

    public Wire(List<String> hosts, FirewallRule controlPort, Optional<String> controlHost) {
        this.topology = new Topology(hosts);
        this.controlPort = controlPort;
        this.controlHost = controlHost.map(this::hostIndex).orElse(-1);
        this.down = new boolean[topology.hostSlots()];
    }

    void attach(ActorRef<Manager.Command> manager, Map<String, ActorRef<NodeAgent.Command>> agents) {
        this.manager = manager;
        agents.forEach((node, agent) -> this.agents.put(node, new Peer(hostIndex(node), agent)));
    }

    /** The host's index in the topology; every node of the cluster has one from the start. */
    int hostIndex(String host) {
        return topology.indexOf(host).orElseThrow(() -> new IllegalArgumentException("unknown host " + host));
    }

    Optional<String> leader() {
        return leader;
    }

    void leader(Optional<String> leader) {
        this.leader = leader;
        this.leaderIndex = leader.map(this::hostIndex).orElse(-1);
    }

    boolean isDown(String host) {
        return topology.indexOf(host).stream().anyMatch(i -> down[i]);
    }

    /** Marks the host down or up; a name the topology does not know reaches no one anyway. */
    void down(String host, boolean isDown) {
        topology.indexOf(host).ifPresent(i -> down[i] = isDown);
    }

    /**
     * Whether the node's session with the control plane can exist: the node dials the leader's (or
     * the API server's) control port, and the answers come back on that connection, so a firewall in
     * front of it that drops the port cuts both ways. Its own node does not go through its firewall.
     */
    private boolean session(int node) {
        int server = controlHost >= 0 ? controlHost : leaderIndex;
        return node == server || !topology.firewalls().drops(server, controlPort);
    }

    /** Delivers to the manager if {@code from} (a host index) is up and reaches the leader. */
    /** Delivers to the leader if the node reaches it; false when the message is dropped. */
    boolean toManager(int from, Manager.Command message) {
        if (leaderIndex >= 0 && !down[from] && topology.canReach(from, leaderIndex) && session(from)) {
            manager.tell(message);
            return true;
        }
        return false;
    }

    /** Delivers to the node's agent if the leader reaches it (a down node's agent drops it itself). */
    void toNode(String node, NodeAgent.Command message) {
        Peer peer = agents.get(node);
        if (peer != null && leaderIndex >= 0 && topology.canReach(leaderIndex, peer.index()) && session(peer.index())) {
            peer.agent().tell(message);
        }
    }

    void answerQuietHeartbeats(QuietHeartbeats quietHeartbeats) {
        this.quietHeartbeats = quietHeartbeats;
    }

    /**
     * A heartbeat sent while no actor has work (see {@link VirtualTimeScheduler#quiescent}): the
     * manager would run it as the next message, and the node its answer right after, with nothing
     * in between. When it is a {@linkplain ControlPlaneInputs#quietHeartbeat quiet} one, both happen
     * here, without the two mailbox runs. Returns the period answered, {@link #LOST} when the
     * heartbeat or the answer did not get through (as {@link #toManager} and {@link #toNode} would
     * drop them), or {@link ControlPlaneInputs#NOT_QUIET} when it must go as a message.
     */
    long quietHeartbeat(int from, String node, long reportsSent, long assignmentsSeen) {
        if (leaderIndex < 0 || down[from] || !topology.canReach(from, leaderIndex) || !session(from)) {
            return LOST;
        }
        long period = quietHeartbeats.answer(from, node, reportsSent, assignmentsSeen);
        if (period == ControlPlaneInputs.NOT_QUIET || topology.canReach(leaderIndex, from)) {
            return period;
        }
        return LOST;
    }

    /** Tells the manager directly: the fabric's news about the leader is not network traffic. */
    void tellManager(Manager.Command message) {
        manager.tell(message);
    }
}
