package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.time.Durations;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How big a scenario may be: each limit refuses a file at the place that crosses it, before
 * anything is run, so that no file can exhaust the memory or the patience of the machine that
 * reads it (an alias bomb, a file of gigabytes, a billion tasks, a run of a year). Each is
 * generous: every shipped example and benchmark (5,000 nodes, 100,000 tasks, 100,000 requests)
 * is far inside. docs/scenario-format.md lists them (Limits).
 */
public final class Limits {

    /** A scenario file's size, in bytes on disk and in characters once read. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** How deeply YAML collections nest (the format itself needs fewer than ten levels). */
    public static final int MAX_NESTING = 50;
    /** How many aliases of collections a file may use ({@code *defaults}). */
    public static final int MAX_ALIASES = 200;
    /** How many values a file stands for once its aliases and merge keys are followed. */
    public static final int MAX_VALUES = 1_000_000;
    /** Nodes in the cluster, after {@code count}. */
    public static final int MAX_NODES = 100_000;
    /** Tasks the services ask for at the start: replicas, and one per node of a global service. */
    public static final long MAX_TASKS = 1_000_000;
    /** The virtual end of a run. */
    public static final long MAX_UNTIL = 7 * 24 * Durations.HOUR;
    /** Requests all traffic clients send over the run (each is simulated one by one). */
    public static final long MAX_REQUESTS = 10_000_000;

    private Limits() {}

    /** The first value of {@code root} (in file order) that stands for more than {@link #MAX_VALUES} values through aliases. */
    static Optional<Node> bomb(Node root) {
        Map<Node, Long> sizes = new IdentityHashMap<>();
        if (size(root, sizes) <= MAX_VALUES) {
            return Optional.empty();
        }
        // Down from the root, into the first child that is over the limit itself, to where the repetition starts.
        Node at = root;
        for (boolean deeper = true; deeper; ) {
            deeper = false;
            for (Node child : children(at)) {
                if (sizes.getOrDefault(child, 0L) > MAX_VALUES) {
                    at = child;
                    deeper = true;
                    break;
                }
            }
        }
        return Optional.of(at);
    }

    /** Values under {@code node}, itself included, counting every alias again; each node is counted once. */
    private static long size(Node node, Map<Node, Long> sizes) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        sizes.put(node, 0L); // a node that holds itself counts once
        long total = 1;
        for (Node child : children(node)) {
            total = Math.min(Long.MAX_VALUE / 2, total + size(child, sizes));
        }
        sizes.put(node, total);
        return total;
    }

    private static List<Node> children(Node node) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (node instanceof MappingNode map) {
            return map.getValue().stream().flatMap((NodeTuple t) -> java.util.stream.Stream.of(t.getKeyNode(), t.getValueNode())).toList();
        }
        return List.of();
    }

    /** Refuses a cluster of more than {@link #MAX_NODES} nodes, at the item that crosses the limit. */
    static void nodes(List<NodeDecl> nodes, Problems problems) {
        if (nodes.size() > MAX_NODES) {
            problems.add(nodes.get(MAX_NODES).pos(), "nodes: " + nodes.size() + " nodes are more than the "
                    + MAX_NODES + " a scenario may have");
        }
    }

    /** Refuses more than {@link #MAX_TASKS} tasks at the start, at the service that crosses the limit. */
    static void tasks(List<ServicesBinder.Bound> services, int nodes, Problems problems) {
        long tasks = 0;
        for (ServicesBinder.Bound s : services) {
            tasks += s.spec().mode() == ServiceMode.GLOBAL ? nodes : s.spec().replicas();
            if (tasks > MAX_TASKS) {
                problems.add(s.at(), "services: " + tasks + " tasks by service '" + s.spec().name() + "' are more than the "
                        + MAX_TASKS + " a scenario may start");
                return;
            }
        }
    }

    /** Refuses a run longer than {@link #MAX_UNTIL}, at {@code until}, or else at the last timeline item's {@code at}. */
    static void until(long end, Optional<Node> until, Optional<Node> lastItem, Problems problems) {
        if (end > MAX_UNTIL) {
            problems.add(until.or(() -> lastItem).map(Yaml::pos).orElse(io.flotilla.scenarios.model.SourcePos.START),
                    "until: a run of " + Durations.format(end) + " is longer than the " + Durations.format(MAX_UNTIL)
                            + " a scenario may run" + (until.isPresent() ? "" : " (until is the last timeline item + 2m)"));
        }
    }

    /** Refuses traffic of more than {@link #MAX_REQUESTS} requests in all, at the client that crosses the limit. */
    static void requests(List<TrafficDecl> traffic, long end, Problems problems) {
        double requests = 0;
        for (TrafficDecl t : traffic) {
            requests += requests(t, end);
            if (requests > MAX_REQUESTS) {
                problems.add(t.pos(), "traffic: the clients send " + String.format(java.util.Locale.ROOT, "%.0f", requests)
                        + " requests up to client '" + t.name() + "', more than the " + MAX_REQUESTS
                        + " a scenario may send (rate x time from start to stop or until)");
                return;
            }
        }
    }

    /** What one client sends from its start to its stop or the end of the run. */
    static double requests(TrafficDecl t, long end) {
        long stop = Math.min(end, t.stop());
        return stop <= t.start() ? 0 : t.ratePerSecond() * ((stop - t.start()) / (double) Durations.SECOND);
    }
}
