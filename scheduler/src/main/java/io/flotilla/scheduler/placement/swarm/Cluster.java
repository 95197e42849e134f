package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of one pass, in request order, with what the pass has learnt about them: the usage of
 * each task spec it met, and the recent failures per (service, spec version).
 */
final class Cluster {

    final NodeInfo[] nodes;
    final Symbols symbols;
    private final Map<String, NodeInfo> byName;
    private final Map<TaskSpec, Usage> usages = new IdentityHashMap<>();
    private final Map<TaskDemand.SpreadLevel, Branching> branchings = new HashMap<>();
    private TaskSpec lastSpec;
    private Usage lastUsage;
    private final Map<FailureKey, int[]> failures = new HashMap<>();

    private record FailureKey(String service, int specVersion) {}

    /** {@code symbols} must already hold every service with pending tasks. */
    Cluster(List<Node> nodeList, Symbols symbols, FailureHistory history, long nowNanos) {
        this.symbols = symbols;
        for (Node n : nodeList) {
            Resources r = n.spec().resources();
            if (r != null) {
                r.generic().keySet().forEach(symbols::genericKind);
            }
        }
        int[][] tasksByService = new int[symbols.serviceCount()][nodeList.size()];
        this.nodes = new NodeInfo[nodeList.size()];
        this.byName = new HashMap<>(nodeList.size() * 2);
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new NodeInfo(i, nodeList.get(i), symbols, tasksByService);
            byName.put(nodes[i].name, nodes[i]);
        }
        for (FailureHistory.Failure f : history.failures()) {
            NodeInfo n = byName.get(f.node());
            // swarmkit drops a failure once it is more than monitorFailures old
            if (n != null && nowNanos - f.atNanos() <= FailureHistory.MONITOR_NANOS) {
                failures.computeIfAbsent(new FailureKey(f.service(), f.specVersion()), k -> new int[nodes.length])[n.index]++;
            }
        }
    }

    NodeInfo node(String name) {
        return byName.get(name);
    }

    /** Tasks of one service usually share their spec object and come one after another. */
    Usage usage(TaskSpec spec) {
        if (spec != lastSpec) {
            lastUsage = usages.computeIfAbsent(spec, s -> Usage.of(s, symbols));
            lastSpec = spec;
        }
        return lastUsage;
    }

    /** The spread levels of a demand, worked out over this pass's nodes. */
    Branching[] branchings(TaskDemand demand) {
        Branching[] levels = new Branching[demand.spread().size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = branchings.computeIfAbsent(demand.spread().get(i), l -> Branching.of(l, nodes));
        }
        return levels;
    }

    /** Failure counts per node for this service version, or null when it has none. */
    int[] recentFailures(String service, int specVersion) {
        return failures.get(new FailureKey(service, specVersion));
    }
}
