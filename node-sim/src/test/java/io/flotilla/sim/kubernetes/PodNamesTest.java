package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.orchestrator.kubernetes.SafeAlphanumerics;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.ReplicaSetScaled;
import io.flotilla.sim.events.TaskCreated;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pods are named as upstream names them, {@code <deployment>-<pod-template-hash>-<5 characters>} and
 * {@code <daemonset>-<5 characters>}; the slot ({@code web.2}) stays the pod's task name.
 */
class PodNamesTest {

    static final String SAFE = "[" + SafeAlphanumerics.ALPHABET + "]";

    static FakeWorld deployed(int replicas) {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 3, 2 * S);
        w.at(0, () -> w.plane.deploy(FakeWorld.service("web", replicas, "nginx:1.27"), KubernetesPodSpec.NONE));
        return w;
    }

    @Test
    void aReplicaSetsPodsAreNamedAfterItAndItAfterTheTemplatesHash() {
        FakeWorld w = deployed(3);
        w.runUntil(10 * S);
        ReplicaSetState rs = w.plane.store.deployments.get("web").replicaSets.get(0);
        assertTrue(Pattern.matches("web-" + SAFE + "{1,10}", rs.name), rs.name);
        assertEquals("web-" + rs.hash, rs.name);
        assertEquals(rs.name, w.all(ReplicaSetScaled.class).get(0).replicaSet());
        List<TaskCreated> created = w.all(TaskCreated.class);
        assertEquals(List.of("web.1", "web.2", "web.3"), created.stream().map(TaskCreated::name).toList());
        for (TaskCreated c : created) {
            assertTrue(Pattern.matches(Pattern.quote(rs.name + "-") + SAFE + "{5}", c.task()), c.task());
            PodState p = w.plane.store.pods.get(c.task());
            assertEquals(rs.hash, p.pod.labels().get(PodApi.POD_TEMPLATE_HASH));
        }
    }

    @Test
    void theSameTemplateHasTheSameHashAndAnotherTemplateAnother() {
        DeploymentState a = new DeploymentState(FakeWorld.service("web", 3, "nginx:1.27"), KubernetesPodSpec.NONE);
        DeploymentState b = new DeploymentState(FakeWorld.service("web", 5, "nginx:1.27"), KubernetesPodSpec.NONE);
        DeploymentState c = new DeploymentState(FakeWorld.service("web", 3, "nginx:1.28"), KubernetesPodSpec.NONE);
        DeploymentState d = new DeploymentState(FakeWorld.service("api", 3, "nginx:1.27"), KubernetesPodSpec.NONE);
        assertEquals(a.newTemplateHash(), b.newTemplateHash(), "the replica count is not part of the template");
        assertNotEquals(a.newTemplateHash(), c.newTemplateHash());
        assertNotEquals(a.newTemplateHash(), d.newTemplateHash(), "the app label is");
        c.restartedAt++;
        assertNotEquals(c.newTemplateHash(), new DeploymentState(c.spec, c.inputs).newTemplateHash(), "so is the restart stamp");
    }

    @Test
    void aHashAnotherReplicaSetHasRaisesTheCollisionCount() {
        DeploymentState d = new DeploymentState(FakeWorld.service("web", 1, "nginx:1.27"), KubernetesPodSpec.NONE);
        String hash = d.newTemplateHash();
        // an older ReplicaSet of another template that happens to have the same hash
        d.replicaSets.add(new ReplicaSetState("web-" + hash, hash, null, 0, 1));
        String other = d.newTemplateHash();
        assertEquals(OptionalInt.of(1), d.collisionCount);
        assertNotEquals(hash, other);
    }

    @Test
    void anEvictedPodsReplacementTakesItsSlotButNotItsName() {
        FakeWorld w = deployed(6);
        w.at(30 * S, () -> w.kubelet("node-2").crash());
        w.runUntil(400 * S);
        List<PodEvicted> evicted = w.all(PodEvicted.class);
        assertEquals(2, evicted.size());
        List<TaskCreated> created = w.all(TaskCreated.class);
        Map<String, String> slotOf = new HashMap<>();
        created.forEach(c -> slotOf.put(c.task(), c.name()));
        List<TaskCreated> replacements = created.subList(6, 8);
        for (int i = 0; i < 2; i++) {
            String gone = evicted.get(i).task();
            assertEquals(slotOf.get(gone), replacements.get(i).name(), "the replacement takes the slot");
            assertNotEquals(gone, replacements.get(i).task(), "under a name of its own");
            assertTrue(w.plane.store.pods.get(gone).deleting, gone + " is Terminating beside it");
        }
        assertEquals(8, created.stream().map(TaskCreated::task).distinct().count());
    }

    @Test
    void aDaemonSetsPodsAreNamedAfterIt() {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 2);
        w.at(0, () -> w.plane.deploy(DaemonSetTest.global("agent", List.of()), KubernetesPodSpec.NONE));
        w.runUntil(10 * S);
        List<TaskCreated> created = w.all(TaskCreated.class);
        assertEquals(List.of("agent.node-1", "agent.node-2"), created.stream().map(TaskCreated::name).toList());
        for (TaskCreated c : created) {
            assertTrue(Pattern.matches("agent-" + SAFE + "{5}", c.task()), c.task());
            ReplicaSetState revision = w.plane.store.pods.get(c.task()).replicaSet;
            assertEquals(revision.hash, w.plane.store.pods.get(c.task()).pod.labels().get(PodApi.CONTROLLER_REVISION_HASH));
        }
    }
}
