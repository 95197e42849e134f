package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.events.ReplicaSetScaled;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Deployment's rolling update with the default strategy (maxSurge 25% rounded up, maxUnavailable
 * 25% rounded down): at every step the ReplicaSets together never hold more than replicas + surge
 * pods and never fewer than replicas - unavailable ready ones, and the first sync scales as
 * upstream's rolloutRolling does: the new ReplicaSet is created at the surge, the old one loses what
 * may be unavailable, and the new one grows into the room that leaves.
 */
class RollingUpdateTest {

    record Case(int replicas, int surge, int unavailable, List<String> firstSteps) {
        @Override
        public String toString() {
            return replicas + " replicas: surge " + surge + ", unavailable " + unavailable;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(4, 1, 1, List.of("new 0->1", "old 4->3", "new 1->2")),
                new Case(10, 3, 2, List.of("new 0->3", "old 10->8", "new 3->5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rollingUpdateStaysWithinSurgeAndUnavailable(Case c) {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 4);
        ServiceSpec web = FakeWorld.service("web", c.replicas(), "nginx:1.27");
        w.at(0, () -> w.plane.deploy(web, KubernetesPodSpec.NONE));
        w.runUntil(30 * S);
        int before = w.log.size();
        int[] maxPods = {0};
        int[] minReady = {Integer.MAX_VALUE};
        w.checkAfterEachStep(() -> {
            List<PodState> live = w.plane.store.pods.values().stream().filter(p -> !p.deleting).toList();
            maxPods[0] = Math.max(maxPods[0], live.size());
            minReady[0] = Math.min(minReady[0], (int) live.stream()
                    .filter(p -> p.isReady(w.plane.store.nodes.get(p.node))).count());
        });
        w.at(40 * S, () -> w.plane.update("web", Optional.of("nginx:1.28"), Optional.empty(), false));
        w.runUntil(120 * S);

        List<ReplicaSetState> replicaSets = w.plane.store.deployments.get("web").replicaSets;
        List<String> steps = w.log.subList(before, w.log.size()).stream()
                .filter(l -> l.event() instanceof ReplicaSetScaled)
                .map(l -> (ReplicaSetScaled) l.event())
                .map(e -> (e.replicaSet().equals(replicaSets.get(0).name) ? "old" : "new") + " " + e.from() + "->" + e.to())
                .toList();
        assertEquals(c.firstSteps(), steps.subList(0, 3), "all steps: " + steps);
        assertEquals(List.of(0, c.replicas()),
                w.plane.store.deployments.get("web").replicaSets.stream().map(rs -> rs.replicas).toList());
        assertEquals(c.replicas() + c.surge(), maxPods[0], "most pods at once");
        assertEquals(c.replicas() - c.unavailable(), minReady[0], "fewest ready pods");
        assertEquals("completed", w.all(UpdateStatusChanged.class).get(1).state());
        List<PodState> live = w.plane.store.pods.values().stream().toList();
        assertEquals(c.replicas(), live.size());
        assertTrue(live.stream().allMatch(p -> p.spec().image().equals("nginx:1.28") && p.state == TaskState.RUNNING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void startFirstUpdateConfigSurgesByParallelismAndNeverGoesBelowReplicas(Case c) {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 4);
        ServiceSpec web = FakeWorld.service("web", c.replicas(), "nginx:1.27");
        w.at(0, () -> w.plane.deploy(web, KubernetesPodSpec.NONE));
        w.runUntil(30 * S);
        int[] minReady = {Integer.MAX_VALUE};
        int[] maxPods = {0};
        w.checkAfterEachStep(() -> {
            List<PodState> live = w.plane.store.pods.values().stream().filter(p -> !p.deleting).toList();
            maxPods[0] = Math.max(maxPods[0], live.size());
            minReady[0] = Math.min(minReady[0], (int) live.stream()
                    .filter(p -> p.isReady(w.plane.store.nodes.get(p.node))).count());
        });
        UpdateConfig startFirst = new UpdateConfig(2, 0, UpdateConfig.FailureAction.PAUSE, 5 * S, 0,
                UpdateConfig.Order.START_FIRST);
        w.at(40 * S, () -> w.plane.update("web", Optional.of("nginx:1.28"), Optional.of(startFirst), false));
        w.runUntil(120 * S);
        // start-first with parallelism 2 is maxSurge 2, maxUnavailable 0
        assertEquals(c.replicas() + 2, maxPods[0]);
        assertEquals(c.replicas(), minReady[0]);
        assertEquals(c.replicas(), w.plane.store.pods.size());
    }
}
