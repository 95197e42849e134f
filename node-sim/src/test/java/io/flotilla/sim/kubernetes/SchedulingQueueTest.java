package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * kube-scheduler's active queue: the pods queued together are tried highest priority first, then in
 * the order they were queued.
 */
class SchedulingQueueTest {

    /** A single replica reserving {@code cpus} of the node's 4, at {@code priority}. */
    private static void deploy(FakeWorld w, String name, double cpus, int priority) {
        ServiceSpec s = FakeWorld.service(name, 1, "app:1");
        TaskSpec t = s.task();
        TaskSpec task = new TaskSpec(t.image(), Resources.of(cpus, 0), t.limits(), t.placement(), t.ports(), t.networks(),
                t.restartPolicy());
        KubernetesPodSpec n = KubernetesPodSpec.NONE;
        w.plane.deploy(s.withTask(task), new KubernetesPodSpec(new TreeMap<>(), priority, n.preemptionPolicy(),
                n.nodeSelector(), n.nodeAffinity(), n.podAffinity(), n.podAntiAffinity(), n.tolerations(),
                n.topologySpreadConstraints()));
    }

    /**
     * Two pods wait for the room a third holds; when it is freed, both come back in the same run of
     * the scheduler, the lower-priority one queued first. The higher one takes the room: the lower
     * one is never bound (tried first, it would have been bound, then preempted).
     */
    @Test
    void aHigherPriorityPodQueuedAfterALowerOneIsScheduledFirst() {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 1);
        w.at(2 * S, () -> deploy(w, "holder", 3, 1000));
        w.at(3 * S, () -> {
            deploy(w, "low", 3, 0);
            deploy(w, "high", 3, 100);
        });
        w.at(20 * S, () -> w.plane.scale("holder", 0));
        w.runUntil(120 * S);

        PodState high = w.plane.store.podsOf("high").iterator().next();
        PodState low = w.plane.store.podsOf("low").iterator().next();
        assertEquals(TaskState.RUNNING, high.state);
        assertNull(low.node);
        assertTrue(w.sent.stream().noneMatch(line -> line.contains("low-")), "low was assigned: " + w.sent);
    }
}
