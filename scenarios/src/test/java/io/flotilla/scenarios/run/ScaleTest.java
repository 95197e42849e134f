package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code scale} timeline action, ported from swarmkit's
 * {@code manager/orchestrator/replicated/replicated_test.go}: scaling up fills the lowest free
 * slots, scaling down gives the extra slots desired state REMOVE, chosen as swarmkit's
 * {@code services.go} chooses them.
 */
class ScaleTest {

    /** Port of {@code TestReplicatedOrchestrator}: up from 3 to 5 adds slots 4 and 5; down to 1 removes the rest. */
    @Test
    void scaleUpAddsTheNextSlotsAndScaleDownRemovesTheExtraOnes() {
        Sim sim = Sim.run("scale", """
                scenario: scale
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 3}}
                timeline:
                  - {at: 20s, scale: {web: 5}}
                  - {at: 40s, scale: {web: 1}}
                  - {at: 1m, scale: {web: 2}}
                """);
        ServiceChanged up = sim.expect(ServiceChanged.class, 0, e -> e.change().equals("scale"), "scale").event();
        assertEquals(5, up.replicas());
        List<Sim.At<TaskCreated>> added = sim.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() == t("20s")).toList();
        assertEquals(List.of("web.4", "web.5"), added.stream().map(c -> c.event().name()).toList());
        assertEquals(5, sim.running("web", "30s"));

        List<Sim.At<TaskDesired>> removed = sim.all(TaskDesired.class, e -> e.desired() == TaskState.REMOVE);
        assertEquals(4, removed.size());
        assertTrue(removed.stream().allMatch(r -> r.time() == t("40s")));
        assertEquals(1, sim.running("web", "50s"));
        ClusterView at50 = sim.at("50s");
        for (Sim.At<TaskDesired> r : removed) {
            assertEquals(TaskState.SHUTDOWN, at50.task(r.event().task()).orElseThrow().state(), "the node stops it");
        }
        // Scaling up again reuses the lowest free slot.
        List<Sim.At<TaskCreated>> again = sim.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() == t("1m")).toList();
        assertEquals(1, again.size());
        String kept = at50.running("web").get(0).name;
        assertEquals(kept.equals("web.1") ? "web.2" : "web.1", again.get(0).event().name());
        assertEquals(2, sim.running("web", "1m30s"));
    }

    /**
     * Port of {@code TestReplicatedScaleDown}. The timeline builds upstream's layout: slot 1 on
     * node-1 and still starting (node-1 pulls slowly), slots 2-3 on node-2, slots 4-6 on node-3,
     * slot 7 unassigned (every node paused). Then: 7 to 6 removes the unassigned slot 7; 6 to 4
     * removes two tasks of node-3 and keeps the lowest slot there (4); 4 to 2 removes the task
     * that is not running yet (node-1) and node-2's higher slot, keeping slots 2 and 4.
     */
    @Test
    void scaleDownRemovesFromTheFullestNodesNonRunningAndHigherSlotsFirst() {
        Sim sim = Sim.run("scale-down", """
                scenario: scale-down
                until: 1m30s
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: node-1, pull_bandwidth: 1MB/s}
                  - {name: node-2, availability: pause}
                  - {name: node-3, availability: pause}
                services:
                  web: {image: "app:1", deploy: {replicas: 1}}
                timeline:
                  - {at: 10s, pause: node-1}
                  - {at: 10s, activate: node-2}
                  - {at: 10s, scale: {web: 3}}
                  - {at: 20s, pause: node-2}
                  - {at: 20s, activate: node-3}
                  - {at: 20s, scale: {web: 6}}
                  - {at: 30s, pause: node-3}
                  - {at: 30s, scale: {web: 7}}
                  - {at: 40s, scale: {web: 6}}
                  - {at: 50s, scale: {web: 4}}
                  - {at: 1m, scale: {web: 2}}
                """);
        assertEquals(Map.of("node-2", 2, "node-3", 3), sim.at("39s").runningPerNode("web"));
        ClusterView before = sim.at("39s");
        assertEquals("node-1", before.newest("web.1").orElseThrow().node().orElseThrow());
        assertEquals(TaskState.PREPARING, before.newest("web.1").orElseThrow().state(), "still pulling 100MB at 1MB/s");
        assertEquals(List.of("node-2", "node-2", "node-3", "node-3", "node-3"),
                List.of("web.2", "web.3", "web.4", "web.5", "web.6").stream()
                        .map(n -> before.newest(n).orElseThrow().node().orElseThrow()).toList());
        assertEquals(TaskState.PENDING, before.newest("web.7").orElseThrow().state());

        assertEquals(List.of("web.7"), removedAt(sim, "40s"));
        assertEquals(List.of("web.5", "web.6"), removedAt(sim, "50s"));
        assertEquals(List.of("web.1", "web.3"), removedAt(sim, "1m"));
        assertEquals(List.of("web.2", "web.4"), sim.at("1m30s").running("web").stream().map(task -> task.name).sorted().toList());
    }

    /**
     * A task left pending for lack of resources gets another scheduling pass when resources
     * are given back (swarmkit's scheduler ticks when a task goes past RUNNING): scaling another
     * service down lets it in.
     */
    @Test
    void pendingTaskIsPlacedWhenAScaleDownFreesResources() {
        Sim sim = Sim.run("freed", """
                scenario: freed
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, resources: {cpus: 2, memory: 4GiB}}
                services:
                  batch: {image: "batch:1", deploy: {replicas: 2, resources: {reservations: {cpus: "1"}}}}
                  web: {image: "nginx:1.27", deploy: {replicas: 1, resources: {reservations: {cpus: "1"}}}}
                timeline:
                  - {at: 20s, scale: {batch: 1}}
                """);
        // Task groups are scheduled in the order the services were deployed: batch takes both cpus.
        List<TaskView> pending = sim.at("10s").pending("web");
        assertEquals(1, pending.size());
        assertEquals("no suitable node (1 node not available for new tasks; insufficient resources on 1 node)",
                pending.get(0).error().orElseThrow());
        long placed = sim.reached(pending.get(0).id, TaskState.ASSIGNED).orElseThrow();
        assertTrue(placed > t("20s") && placed <= t("21s"), "placed right after the scale-down freed a cpu");
        assertEquals(1, sim.running("web", "1m"));
        assertEquals(1, sim.running("batch", "1m"));
    }

    private static List<String> removedAt(Sim sim, String time) {
        return sim.all(TaskDesired.class, e -> e.desired() == TaskState.REMOVE).stream()
                .filter(r -> r.time() == t(time))
                .map(r -> r.event().task().substring(0, r.event().task().indexOf('#')))
                .sorted()
                .toList();
    }
}
