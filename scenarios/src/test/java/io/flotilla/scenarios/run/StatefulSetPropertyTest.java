package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.expect.Views;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.events.VolumeLost;
import io.flotilla.sim.events.VolumeRefused;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The StatefulSet's promise under the kubernetes strategy, over random fault sequences: never two
 * running pods of one ordinal, and never a single-writer volume attached to two nodes. Each case is a
 * scenario drawn from a seed (so a failure names the scenario to run again): a 3-replica set on
 * local or network volumes, OrderedReady or Parallel, and 6 to 12 timeline items among crashes,
 * restarts, partitions and heals, scales, out_of_service and force_delete.
 *
 * <p>The operator actions follow their rule: {@code out_of_service} and {@code force_delete} are for
 * pods whose node is really gone. So the generator never uses them while a partition is in force (a
 * partitioned node's containers may still run, and upstream warns that a forced deletion then lets a
 * second pod run), and puts the out-of-service taint only on a node it crashed and has not restarted.
 * Everything else is drawn freely.
 */
class StatefulSetPropertyTest {

    static final int CASES = 24;

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, CASES).mapToObj(i -> (long) i);
    }

    /** A random scenario: its YAML, from {@code seed}. */
    static String scenario(long seed) {
        Random r = new Random(seed);
        boolean network = r.nextBoolean();
        String policy = r.nextBoolean() ? "OrderedReady" : "Parallel";
        StringBuilder y = new StringBuilder();
        y.append("scenario: statefulset-faults-").append(seed).append('\n');
        y.append("strategy: kubernetes\nseed: ").append(seed).append('\n');
        y.append("nodes:\n  - {name: manager-1, role: manager, taints: [\"node-role.kubernetes.io/control-plane:NoSchedule\"]}\n");
        y.append("  - {name: worker, count: 4, resources: {cpus: 2, memory: 4GiB}}\n");
        y.append("storage_classes:\n  c: {type: ").append(network ? "network" : "local")
                .append(", binding: WaitForFirstConsumer").append(network ? ", attach_delay: 7s, detach_delay: 3s" : "")
                .append("}\n");
        y.append("statefulsets:\n  db: {replicas: 3, pod_management_policy: ").append(policy)
                .append(", volume_claim_templates: [{name: data, storage_class: c, size: 1Gi}]}\n");
        y.append("timeline:\n");
        Set<String> down = new TreeSet<>();
        Set<String> tainted = new HashSet<>();
        boolean partitioned = false;
        int items = 6 + r.nextInt(7);
        long at = 20;
        for (int i = 0; i < items; i++) {
            at += 30 + r.nextInt(300); // long enough for evictions (5m50s) and forced detaches (6m) to happen
            String worker = "worker-" + (1 + r.nextInt(4));
            String action;
            switch (r.nextInt(8)) {
                case 0, 1 -> {
                    action = down.add(worker) ? "crash: " + worker : "restart: " + worker;
                    if (action.startsWith("restart")) {
                        down.remove(worker);
                    }
                }
                case 2 -> {
                    if (partitioned) {
                        action = "heal: all";
                        partitioned = false;
                    } else {
                        action = "partition: [[" + worker + "]]";
                        partitioned = true;
                    }
                }
                case 3 -> action = "scale: {db: " + (1 + r.nextInt(4)) + "}";
                case 4, 5 -> {
                    List<String> candidates = new ArrayList<>(down);
                    candidates.removeAll(tainted);
                    if (partitioned || candidates.isEmpty()) {
                        action = "scale: {db: 3}";
                    } else {
                        String node = candidates.get(r.nextInt(candidates.size()));
                        tainted.add(node);
                        action = "out_of_service: " + node;
                    }
                }
                default -> action = partitioned ? "heal: all" : "force_delete: db-" + r.nextInt(3);
            }
            if (action.equals("heal: all")) {
                partitioned = false;
            }
            y.append("  - {at: ").append(at).append("s, ").append(action).append("}\n");
        }
        y.append("until: ").append(at + 600).append("s\n");
        y.append("expect:\n  - {at: 10s, running: {db: 1}}\n");
        return y.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverTwoPodsOfOneOrdinalNorAVolumeOnTwoNodes(long seed) {
        String yaml = scenario(seed);
        assertEquals(Optional.empty(), violation(Sim.run("statefulset-faults-" + seed, yaml)), yaml);
    }

    /**
     * The rule the generator keeps matters: a forced deletion of a pod on a node that is only cut off
     * lets its replacement run beside it once the volume is force-detached, 6 minutes on, as upstream
     * warns ("the resource may continue to run on the cluster indefinitely"). The check sees it.
     */
    @org.junit.jupiter.api.Test
    void forceDeletingAPodOnAPartitionedNodeRunsTwo() {
        Sim sim = Sim.run("partitioned-force-delete", """
                scenario: partitioned-force-delete
                strategy: kubernetes
                until: 9m
                nodes:
                  - {name: manager-1, role: manager, taints: ["node-role.kubernetes.io/control-plane:NoSchedule"]}
                  - {name: worker, count: 4, resources: {cpus: 2, memory: 4GiB}}
                storage_classes:
                  disk: {type: network, binding: WaitForFirstConsumer}
                statefulsets:
                  db: {replicas: 3, volume_claim_templates: [{name: data, storage_class: disk, size: 1Gi}]}
                timeline:
                  - {at: 1m, partition: [[worker-3]]}
                  - {at: 2m, force_delete: db-0}
                """);
        assertEquals("worker-3", sim.run.log().events().stream()
                .map(LoggedEvent::event).filter(e -> e instanceof io.flotilla.sim.events.TaskStateChanged t
                        && t.task().equals("db-0") && t.node() != null).map(e -> ((io.flotilla.sim.events.TaskStateChanged) e).node())
                .findFirst().orElseThrow(), "db-0 ran on the partitioned node");
        assertEquals(Optional.of("two pods of db-0 run at 8m17s: [db-0, db-0#2]"), violation(sim));
    }

    /** The first moment two running pods share an ordinal or a volume is attached to a second node. */
    static Optional<String> violation(Sim sim) {
        ClusterView view = Views.initial(sim.run.scenario());
        Map<String, String> attachedTo = new HashMap<>();
        List<LoggedEvent> events = sim.run.log().events();
        for (int i = 0; i < events.size(); i++) {
            LoggedEvent logged = events.get(i);
            String at = io.flotilla.scheduler.time.Durations.format(logged.time());
            view.apply(logged);
            if (logged.event() instanceof VolumeAttached a) {
                String before = attachedTo.put(a.volume(), a.node());
                if (before != null && !before.equals(a.node())) {
                    return Optional.of(a.volume() + " attached to " + a.node() + " while attached to " + before + " at " + at);
                }
            } else if (logged.event() instanceof VolumeDetached d) {
                attachedTo.remove(d.volume());
            } else if (logged.event() instanceof VolumeLost l) {
                attachedTo.remove(l.volume());
            } else if (logged.event() instanceof VolumeDeleted d) {
                attachedTo.remove(d.volume());
            } else if (logged.event() instanceof VolumeRefused v && v.action().equals("attach")) {
                return Optional.of("the storage refused an attach at " + at + ": " + v.reason());
            }
            if (i + 1 == events.size() || events.get(i + 1).time() != logged.time()) {
                Map<String, List<String>> running = new java.util.TreeMap<>();
                for (TaskView t : view.allTasks()) {
                    if (t.isRunning()) {
                        running.computeIfAbsent(t.name, n -> new ArrayList<>()).add(t.id);
                    }
                }
                for (Map.Entry<String, List<String>> e : running.entrySet()) {
                    if (e.getValue().size() > 1) {
                        return Optional.of("two pods of " + e.getKey() + " run at " + at + ": " + e.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
