package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A global service is a DaemonSet: one pod per eligible node, kept through node failures, updated one node at a time. */
class DaemonSetTest {

    static ServiceSpec global(String name, List<String> constraints) {
        ServiceSpec s = FakeWorld.service(name, 0, "agent:1");
        TaskSpec t = s.task();
        TaskSpec task = new TaskSpec(t.image(), t.reservations(), t.limits(), new Placement(constraints, List.of(), 0, List.of()),
                t.ports(), t.networks(), t.restartPolicy());
        return new ServiceSpec(name, ServiceMode.GLOBAL, 0, task, s.update(), s.rollback(), s.endpointMode());
    }

    @Test
    void onePodPerEligibleNodeNamedAfterIt() {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 3);
        w.at(0, () -> w.plane.deploy(global("agent", List.of("node.hostname != node-3")), KubernetesPodSpec.NONE));
        w.runUntil(10 * S);
        assertEquals(List.of("agent.node-1", "agent.node-2"), w.all(TaskCreated.class).stream().map(TaskCreated::name).toList());
        assertEquals(List.of("node-1", "node-2"), w.all(TaskCreated.class).stream().map(TaskCreated::node).toList());
        assertTrue(w.plane.store.pods.values().stream().allMatch(p -> p.node.equals(p.daemonNode)));
    }

    @Test
    void daemonPodsTolerateAnUnreachableNodeForeverWhereDeploymentPodsAreEvicted() {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 3, 2 * S);
        w.at(0, () -> w.plane.deploy(global("agent", List.of()), KubernetesPodSpec.NONE));
        w.at(0, () -> w.plane.deploy(FakeWorld.service("web", 3, "nginx:1.27"), KubernetesPodSpec.NONE));
        w.at(30 * S, () -> w.kubelet("node-2").reachable = false);
        w.runUntil(3600 * S);
        List<PodEvicted> evicted = w.all(PodEvicted.class);
        assertTrue(!evicted.isEmpty() && evicted.stream().allMatch(e -> e.task().startsWith("web-")), evicted.toString());
        assertTrue(w.plane.store.podsOn("node-2").stream().anyMatch(p -> p.service.equals("agent") && !p.deleting));
    }

    @Test
    void anUpdateReplacesOneNodesPodAtATime() {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 4);
        ServiceSpec agent = global("agent", List.of());
        w.at(0, () -> w.plane.deploy(agent, KubernetesPodSpec.NONE));
        w.runUntil(30 * S);
        int[] maxUnavailable = {0};
        w.checkAfterEachStep(() -> maxUnavailable[0] = Math.max(maxUnavailable[0], (int) w.plane.store.nodes.values().stream()
                .filter(n -> w.plane.store.podsOn(n.name()).stream().noneMatch(p -> p.isReady(n)))
                .count()));
        w.at(40 * S, () -> w.plane.update("agent", Optional.of("agent:2"), Optional.empty(), false));
        w.runUntil(120 * S);
        assertEquals(1, maxUnavailable[0]);
        assertEquals(List.of(40L, 41L, 42L, 43L), w.events(TaskCreated.class).subList(4, 8).stream().map(l -> l.time() / S).toList());
        assertEquals("completed", w.all(UpdateStatusChanged.class).get(1).state());
        assertTrue(w.plane.store.pods.values().stream().allMatch(p -> p.spec().image().equals("agent:2")));
    }
}
