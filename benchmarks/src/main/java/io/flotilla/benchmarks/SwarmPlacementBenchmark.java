package io.flotilla.benchmarks;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.placement.swarm.PlacementRequest;
import io.flotilla.scheduler.placement.swarm.PlacementResult;
import io.flotilla.scheduler.placement.swarm.SwarmPlacement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Swarm scheduler pass placing 100,000 pending tasks of 100 services on 5,000 empty nodes, the
 * cluster of {@code scenarios/bench/placement-5000-nodes.yaml}: 3 managers and 4 x 1,249 workers
 * labelled by zone, one spare without a zone; every task reserves 0.05 CPU and 64 MB; every fourth
 * service spreads over {@code node.labels.zone}. The score is tasks placed per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SwarmPlacementBenchmark {

    static final int NODES = 5_000;
    static final int SERVICES = 100;
    static final int REPLICAS = 1_000;
    static final int TASKS = SERVICES * REPLICAS;

    private final SwarmPlacement placement = new SwarmPlacement();
    private PlacementRequest request;
    private PlacementRequest afterNodeLoss;

    @Setup
    public void setUp() {
        List<Node> nodes = nodes();
        List<Task> pending = tasks();
        request = PlacementRequest.of(nodes, pending, 0);
        PlacementResult placed = placement.place(request);
        if (placed.assignments().size() != TASKS) {
            throw new IllegalStateException("placed " + placed.assignments().size() + " of " + TASKS);
        }
        // the steady state: every task running, except replacements for the tasks of one lost node
        String lost = nodes.get(0).name();
        Map<String, String> nodeOf = new HashMap<>();
        placed.assignments().forEach(a -> nodeOf.put(a.taskId(), a.node()));
        List<Task> running = new ArrayList<>(TASKS);
        for (Task t : pending) {
            String node = nodeOf.get(t.id());
            running.add(node.equals(lost)
                    ? new Task(t.name() + "#2", t.name(), t.service(), t.slot(), 1, t.spec(), null, TaskState.PENDING,
                            TaskState.RUNNING, null)
                    : t.assignedTo(node).withState(TaskState.RUNNING));
        }
        afterNodeLoss = PlacementRequest.of(nodes.subList(1, nodes.size()), running, 0);
    }

    /** The whole cluster at once; the score is tasks per second. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public PlacementResult placeAll() {
        return placement.place(request);
    }

    /** One pass that replaces a lost node's tasks among 100,000 running ones; the score is passes per second. */
    @Benchmark
    public PlacementResult replaceOneNode() {
        return placement.place(afterNodeLoss);
    }

    static List<Node> nodes() {
        List<Node> nodes = new ArrayList<>(NODES);
        for (int i = 1; i <= 3; i++) {
            nodes.add(node("manager-" + i, NodeRole.MANAGER, "a"));
        }
        for (String zone : List.of("a", "b", "c", "d")) {
            for (int i = 1; i <= 1_249; i++) {
                nodes.add(node("worker-" + zone + "-" + i, NodeRole.WORKER, zone));
            }
        }
        nodes.add(node("spare-1", NodeRole.WORKER, null));
        return nodes;
    }

    private static Node node(String name, NodeRole role, String zone) {
        TreeMap<String, String> labels = new TreeMap<>();
        if (zone != null) {
            labels.put("zone", zone);
        }
        Resources resources = Resources.of(16, 64L << 30);
        return new Node(new NodeSpec(name, role, resources, labels, new TreeMap<>(), Platform.LINUX_AMD64, List.of()),
                NodeStatus.READY, Availability.ACTIVE);
    }

    static List<Task> tasks() {
        List<Task> tasks = new ArrayList<>(TASKS);
        for (int s = 1; s <= SERVICES; s++) {
            String service = "svc-%03d".formatted(s);
            List<String> spread = s % 4 == 0 ? List.of("node.labels.zone") : List.of();
            TaskSpec spec = new TaskSpec("app:%03d".formatted(s), Resources.of(0.05, 64_000_000L), Resources.NONE,
                    new Placement(List.of(), spread, 0, List.of()), List.of(), List.of(), RestartPolicy.DEFAULT);
            for (int slot = 1; slot <= REPLICAS; slot++) {
                String name = service + "." + slot;
                tasks.add(new Task(name + "#1", name, service, slot, 1, spec, null, TaskState.PENDING, TaskState.RUNNING, null));
            }
        }
        return tasks;
    }
}
