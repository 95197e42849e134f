package io.flotilla.scenarios.views;

import io.flotilla.scheduler.model.NodeRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code docker node ls}: the nodes as the leading manager records them, sorted by hostname. STATUS
 * is the dispatcher's verdict ({@code Down} only once heartbeats were missed, whatever really
 * happened), MANAGER STATUS is raft's: the leader, and {@code Reachable} or {@code Unreachable} for
 * the other managers (up and connected to the leader, or not, from the moment that changes). The
 * CLI runs on the leader, whose ID carries the {@code *}.
 */
public final class NodeList {

    private NodeList() {}

    public static String render(RunMoment m) {
        List<NodeRecord> nodes = new ArrayList<>(m.nodes());
        nodes.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
        Optional<String> leader = m.leader();
        StringBuilder table = new StringBuilder("ID  \tHOSTNAME\tSTATUS\tAVAILABILITY\tMANAGER STATUS\tENGINE VERSION\n");
        for (NodeRecord n : nodes) {
            boolean self = leader.filter(n.name()::equals).isPresent();
            table.append(m.ids().swarm("node", n.name())).append(self ? " *" : "  ").append('\t')
                    .append(n.name()).append('\t')
                    .append(SwarmApi.pretty(n.status().name().toLowerCase(Locale.ROOT))).append('\t')
                    .append(SwarmApi.pretty(n.availability().name().toLowerCase(Locale.ROOT))).append('\t')
                    .append(managerStatus(m, n, leader)).append('\t')
                    .append(SwarmApi.ENGINE_VERSION).append('\n');
        }
        return GoTabWriter.docker(table.toString());
    }

    private static String managerStatus(RunMoment m, NodeRecord n, Optional<String> leader) {
        if (n.decl().spec().role() != NodeRole.MANAGER) {
            return "";
        }
        if (leader.filter(n.name()::equals).isPresent()) {
            return "Leader";
        }
        return leader.filter(l -> m.raftReaches(l, n.name())).isPresent() ? "Reachable" : "Unreachable";
    }
}
