package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.NodeTaintChanged;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.ZoneStateChanged;
import io.flotilla.sim.kubernetes.FakeWorld.Logged;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node failure as the node lifecycle and taint eviction controllers handle it, at exact virtual
 * times. Every kubelet here renews its lease at second 2 of every 10 (2s, 12s, 22s...), so a node
 * that crashes at 30s was last seen at 22s, noticed at the 25s pass; with the 50s grace period it
 * is Unknown at the first pass after 75s, 80s, and with the default 300s toleration its pods are
 * evicted at 380s.
 */
class NodeLifecycleTest {

    static final long UNKNOWN_AT = 80 * S;

    static FakeWorld world(KubernetesSettings settings, int nodes, int replicas) {
        FakeWorld w = new FakeWorld(settings, nodes, 2 * S);
        w.at(0, () -> w.plane.deploy(FakeWorld.service("web", replicas, "nginx:1.27"), KubernetesPodSpec.NONE));
        return w;
    }

    static void crash(FakeWorld w, String node, long at) {
        w.at(at, () -> w.kubelet(node).crash());
    }

    static long podsOn(FakeWorld w, String node) {
        return w.plane.store.podsOn(node).stream().filter(p -> !p.deleting).count();
    }

    static List<Long> times(List<Logged> events) {
        return events.stream().map(l -> l.time() / S).toList();
    }

    @Test
    void aCrashedNodeIsUnknownAfterTheGracePeriodAndItsPodsAreEvictedWhenTheTolerationRunsOut() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 3, 6);
        w.runUntil(20 * S);
        assertEquals(2, podsOn(w, "node-2"));
        crash(w, "node-2", 30 * S);

        w.runUntil(UNKNOWN_AT - 1);
        assertTrue(w.events(NodeStatusChanged.class).stream()
                .noneMatch(l -> ((NodeStatusChanged) l.event()).status() == NodeStatus.UNKNOWN));

        w.runUntil(380 * S - 1);
        List<Logged> unknown = w.events(NodeStatusChanged.class).stream()
                .filter(l -> ((NodeStatusChanged) l.event()).status() == NodeStatus.UNKNOWN).toList();
        assertEquals(List.of(80L), times(unknown));
        assertEquals(new NodeStatusChanged("node-2", NodeStatus.UNKNOWN, "Kubelet stopped posting node status."),
                unknown.get(0).event());
        assertEquals(List.of("node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"),
                w.all(NodeTaintChanged.class).stream().map(NodeTaintChanged::taint).toList());
        assertEquals(List.of(80L, 80L), times(w.events(NodeTaintChanged.class)));
        assertTrue(w.all(PodEvicted.class).isEmpty(), "nothing evicted before the toleration runs out");
        assertEquals(6, w.all(TaskCreated.class).size());

        w.runUntil(400 * S);
        assertEquals(List.of(380L, 380L), times(w.events(PodEvicted.class)));
        assertEquals("TaintManagerEviction", w.all(PodEvicted.class).get(0).reason());
        // the ReplicaSet replaced both at once, on the other nodes; the evicted pods are Terminating
        List<Logged> created = w.events(TaskCreated.class);
        assertEquals(List.of(380L, 380L), times(created.subList(6, 8)));
        assertEquals(0, podsOn(w, "node-2"));
        assertEquals(2, w.plane.store.podsOn("node-2").size());
        assertTrue(w.plane.store.podsOn("node-2").stream().allMatch(p -> p.deleting));
        assertEquals(6, w.plane.store.pods.values().stream().filter(p -> !p.deleting).count());
    }

    @Test
    void theTerminatingPodsGoWhenTheNodesKubeletComesBack() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 3, 6);
        crash(w, "node-2", 30 * S);
        w.at(502 * S, () -> {
            FakeWorld.Kubelet k = w.kubelet("node-2");
            k.up = true;
            w.plane.register("node-2", true, List.of(), k.reportsSent);
            k.postStatus();
        });
        w.runUntil(510 * S);
        assertEquals(0, w.plane.store.podsOn("node-2").size(), "its kubelet confirmed the deletions");
        assertEquals(NodeState.Ready.TRUE, w.plane.store.nodes.get("node-2").ready);
        assertTrue(w.plane.store.nodes.get("node-2").controllerTaints.isEmpty());
        // NoSchedule goes when the kubelet posts Ready, NoExecute at the controller's next pass
        List<Logged> removed = w.events(NodeTaintChanged.class).stream()
                .filter(l -> !((NodeTaintChanged) l.event()).added()).toList();
        assertEquals(List.of(502L, 505L), times(removed));
    }

    @Test
    void aNodeBackBeforeItsPodsTolerationRunsOutKeepsThem() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 3, 6);
        w.at(30 * S, () -> w.kubelet("node-2").reachable = false);
        w.at(200 * S, () -> w.kubelet("node-2").reachable = true);
        w.runUntil(600 * S);
        assertTrue(w.all(PodEvicted.class).isEmpty());
        assertEquals(6, w.all(TaskCreated.class).size());
        assertEquals(2, podsOn(w, "node-2"));
        // Ready again at its first status post after the partition (202s); NoExecute off at the next pass
        List<Logged> ready = w.events(NodeStatusChanged.class).stream()
                .filter(l -> l.time() > 0 && ((NodeStatusChanged) l.event()).status() == NodeStatus.READY).toList();
        assertEquals(List.of(202L), times(ready));
    }

    @Test
    void anEvictionDueBeforeTheNodeIsSeenAgainStillHappens() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 3, 6);
        w.at(30 * S, () -> w.kubelet("node-2").reachable = false);
        w.at(379 * S, () -> w.kubelet("node-2").reachable = true);
        w.runUntil(600 * S);
        // back at 382s, the first status post after 379s: the NoExecute taint goes at the 385s pass,
        // but the eviction was due at 380s
        assertEquals(List.of(380L, 380L), times(w.events(PodEvicted.class)));
        assertEquals(0, w.plane.store.podsOn("node-2").stream().filter(p -> p.deleting).count(),
                "the kubelet, reachable again, stopped the evicted pods");
    }

    @Test
    void shorterGracePeriodAndTolerationFromTheScenario() {
        FakeWorld w = world(KubernetesSettings.of(5 * S, 40 * S, 30), 3, 6);
        crash(w, "node-2", 30 * S);
        w.runUntil(200 * S);
        // seen at 25s, Unknown at the first pass after 65s: 70s; evicted 30s later
        assertEquals(List.of(70L), times(w.events(NodeStatusChanged.class).stream()
                .filter(l -> ((NodeStatusChanged) l.event()).status() == NodeStatus.UNKNOWN).toList()));
        assertEquals(List.of(100L, 100L), times(w.events(PodEvicted.class)));
    }

    @Test
    void aDeletedNodesPodsAreGoneAtOnceAndReplaced() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 3, 6);
        w.at(30 * S, () -> w.plane.removeNode("node-2"));
        w.runUntil(40 * S);
        assertEquals(8, w.all(TaskCreated.class).size());
        assertEquals(List.of(30L, 30L), times(w.events(TaskCreated.class).subList(6, 8)));
        assertEquals(6, w.plane.store.pods.size(), "PodGC removed the node's pods; nothing is Terminating");
        assertTrue(w.plane.store.pods.values().stream().noneMatch(p -> "node-2".equals(p.node)));
    }

    @Test
    void aZoneTaintsOneUnreachableNodeEveryTenSeconds() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 10, 20);
        for (String n : List.of("node-2", "node-5", "node-8")) {
            crash(w, n, 30 * S);
        }
        w.runUntil(500 * S);
        List<Logged> noExecute = w.events(NodeTaintChanged.class).stream()
                .filter(l -> ((NodeTaintChanged) l.event()).taint().endsWith(":NoExecute")).toList();
        // 3 of 10 not ready is a normal zone: 0.1 nodes/s, a burst of 1
        assertEquals(List.of(80L, 90L, 100L), times(noExecute));
        assertEquals(List.of("node-2", "node-5", "node-8"),
                noExecute.stream().map(l -> ((NodeTaintChanged) l.event()).node()).toList());
        assertEquals(List.of(380L, 380L, 390L, 390L, 400L, 400L), times(w.events(PodEvicted.class)));
    }

    @Test
    void aMostlyUnreachableSmallZoneStopsEvicting() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 5, 10);
        for (String n : List.of("node-1", "node-2", "node-3")) {
            crash(w, n, 30 * S);
        }
        w.runUntil(1800 * S);
        // 3 of 5 (> 2, and 60% >= 55%): partial disruption; 5 nodes is below the large-cluster threshold, so rate 0
        assertEquals(List.of(new ZoneStateChanged("", "partial_disruption", 0)), w.all(ZoneStateChanged.class));
        assertTrue(w.all(NodeTaintChanged.class).stream().noneMatch(t -> t.taint().endsWith(":NoExecute")));
        assertTrue(w.all(PodEvicted.class).isEmpty());
    }

    @Test
    void whenEveryNodeIsUnreachableTheControllerSuspectsItselfAndEvictsNothing() {
        FakeWorld w = world(KubernetesSettings.DEFAULT, 3, 6);
        for (String n : List.of("node-1", "node-2", "node-3")) {
            crash(w, n, 30 * S);
        }
        w.runUntil(1800 * S);
        assertEquals(List.of(new ZoneStateChanged("", "full_disruption", 0)), w.all(ZoneStateChanged.class));
        assertTrue(w.all(PodEvicted.class).isEmpty());
        assertFalse(w.plane.store.nodes.values().stream().anyMatch(n -> n.controllerTaints.contains(
                NodeConditionTaints.UNREACHABLE_NO_EXECUTE)));
    }
}
