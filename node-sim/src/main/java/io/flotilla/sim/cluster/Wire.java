package io.flotilla.sim.cluster;

import io.flotilla.network.topology.Topology;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The links between the nodes and the leading manager, as the {@link Fabric} last set them. A
 * sender asks the wire and the message goes straight to its receiver's mailbox, or nowhere when
 * the two cannot reach each other: one mailbox hop per message, not two through the fabric, which
 * matters at a million heartbeats. Only the fabric changes the wire; every actor of a simulation
 * runs on its one driver thread, so reads need no lock and stay in a repeatable order.
 */
public final class Wire {

    final Topology topology;
    final Set<String> down = new HashSet<>();
    Optional<String> leader = Optional.empty();
    private ActorRef<Manager.Command> manager;
    private final Map<String, ActorRef<NodeAgent.Command>> agents = new LinkedHashMap<>();

    public Wire(List<String> hosts) {
        this.topology = new Topology(hosts);
    }

    void attach(ActorRef<Manager.Command> manager, Map<String, ActorRef<NodeAgent.Command>> agents) {
        this.manager = manager;
        this.agents.putAll(agents);
    }

    /** Delivers to the manager if {@code from} is up and reaches the leader. */
    void toManager(String from, Manager.Command message) {
        if (leader.isPresent() && !down.contains(from) && topology.canReach(from, leader.get())) {
            manager.tell(message);
        }
    }

    /** Delivers to the node's agent if the leader reaches it (a down node's agent drops it itself). */
    void toNode(String node, NodeAgent.Command message) {
        ActorRef<NodeAgent.Command> agent = agents.get(node);
        if (agent != null && leader.isPresent() && topology.canReach(leader.get(), node)) {
            agent.tell(message);
        }
    }

    /** Tells the manager directly: the fabric's news about the leader is not network traffic. */
    void tellManager(Manager.Command message) {
        manager.tell(message);
    }
}
