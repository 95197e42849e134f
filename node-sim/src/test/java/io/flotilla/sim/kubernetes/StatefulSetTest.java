package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.orchestrator.kubernetes.ClaimRetention;
import io.flotilla.sim.events.ClaimChanged;
import io.flotilla.sim.events.PodForceDeleted;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.VolumeOperation;
import io.flotilla.sim.events.VolumeProvisioned;
import io.flotilla.sim.kubernetes.FakeWorld.Logged;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * StatefulSets, their claims and their volumes in the Kubernetes control plane, at exact virtual
 * times, with {@link FakeWorld}'s kubelets (a pod runs 1s after it is assigned, stops at once; every
 * kubelet renews its lease at second 2 of every 10, so a node that crashes at 30s is Unknown at 80s
 * and its pods are evicted at 380s).
 */
class StatefulSetTest {

    static final long GI = 1L << 30;

    static StatefulSetSpec set(int replicas, StatefulSetSpec.PodManagementPolicy policy, String storageClass) {
        TaskSpec task = new TaskSpec("postgres:16", Resources.NONE, Resources.NONE, Placement.NONE, List.of(), List.of(),
                RestartPolicy.DEFAULT);
        List<StatefulSetSpec.ClaimTemplate> claims = storageClass == null ? List.of()
                : List.of(new StatefulSetSpec.ClaimTemplate("data", storageClass, GI));
        return new StatefulSetSpec("db", replicas, "db", policy, claims, task, 0, false, ClaimRetention.RETAIN);
    }

    static StorageClassSpec local(boolean waitForFirstConsumer) {
        return new StorageClassSpec("local", StorageClassSpec.Type.LOCAL, waitForFirstConsumer, List.of(), "zone",
                StorageClassSpec.DEFAULT_ATTACH_NANOS, StorageClassSpec.DEFAULT_DETACH_NANOS);
    }

    static final StorageClassSpec NETWORK = new StorageClassSpec("disk", StorageClassSpec.Type.NETWORK, true, List.of(), "zone",
            10 * S, 5 * S);

    static FakeWorld world(int nodes, StorageClassSpec storageClass, StatefulSetSpec set) {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, nodes, 2 * S);
        w.at(0, () -> {
            if (storageClass != null) {
                w.plane.createStorageClass(storageClass);
            }
            w.plane.deployStatefulSet(set, KubernetesPodSpec.NONE);
        });
        return w;
    }

    static List<String> created(FakeWorld w) {
        return w.events(TaskCreated.class).stream()
                .map(l -> l.time() / S + "s " + ((TaskCreated) l.event()).task()).toList();
    }

    static String nodeOf(FakeWorld w, String pod) {
        return w.plane.store.pods.get(pod).node;
    }

    static void crash(FakeWorld w, String node, long at) {
        w.at(at, () -> w.kubelet(node).crash());
    }

    @Test
    void orderedReadyCreatesEachPodOnceTheOneBeforeIsRunningAndReady() {
        FakeWorld w = world(3, null, set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, null));
        w.runUntil(10 * S);
        assertEquals(List.of("0s db-0", "1s db-1", "2s db-2"), created(w));
    }

    @Test
    void parallelCreatesEveryPodAtOnce() {
        FakeWorld w = world(3, null, set(3, StatefulSetSpec.PodManagementPolicy.PARALLEL, null));
        w.runUntil(10 * S);
        assertEquals(List.of("0s db-0", "0s db-1", "0s db-2"), created(w));
    }

    /** Scale-down from the highest ordinal, each pod gone before the next is deleted. */
    @Test
    void orderedReadyScalesDownFromTheHighestOrdinal() {
        FakeWorld w = world(3, null, set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, null));
        w.at(20 * S, () -> w.plane.scale("db", 1));
        w.runUntil(30 * S);
        assertEquals(List.of("db-2", "db-1"), w.all(TaskDesired.class).stream().map(TaskDesired::task).toList());
        assertEquals(List.of("deleted by statefulset db (terminating for scale down)"),
                w.all(TaskDesired.class).stream().map(TaskDesired::reason).distinct().toList());
        assertEquals(List.of("db-0"), List.copyOf(w.plane.store.pods.keySet()));
    }

    /** A rolling update with a partition replaces the pods at and above it, highest first, one at a time. */
    @Test
    void aRollingUpdateWithAPartitionGoesDownToThePartitionOnly() {
        StatefulSetSpec spec = set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, null).withPartition(1);
        FakeWorld w = world(3, null, spec);
        w.at(20 * S, () -> w.plane.update("db", Optional.of("postgres:17"), Optional.empty(), false, OptionalInt.empty()));
        w.runUntil(40 * S);
        assertEquals(List.of("0s db-0", "1s db-1", "2s db-2", "20s db-2#2", "21s db-1#2"), created(w));
        assertEquals(List.of("postgres:16", "postgres:16", "postgres:16", "postgres:17", "postgres:17"),
                w.all(TaskCreated.class).stream().map(TaskCreated::image).toList());
        // lowering the partition finishes the update with db-0
        w.at(50 * S, () -> w.plane.update("db", Optional.empty(), Optional.empty(), false, OptionalInt.of(0)));
        w.runUntil(60 * S);
        assertEquals("50s db-0#2", created(w).get(5));
    }

    /**
     * A pod on a dead node is evicted but its object stays Terminating: the set creates no second
     * pod of its name, so the ordinal stays down until the pod is force-deleted.
     */
    @Test
    void aPodOnACrashedNodeIsNotReplacedUntilItIsForceDeleted() {
        FakeWorld w = world(3, null, set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, null));
        w.runUntil(20 * S);
        String node = nodeOf(w, "db-1");
        crash(w, node, 30 * S);
        w.runUntil(500 * S);
        assertTrue(w.plane.store.pods.get("db-1").deleting, "evicted at 380s, Terminating");
        assertEquals(3, created(w).size(), "no second db-1");
        w.at(600 * S, () -> w.plane.forceDelete("db-1"));
        w.runUntil(610 * S);
        assertEquals("600s db-1#2", created(w).get(3));
        assertEquals(List.of("kubectl"), w.all(PodForceDeleted.class).stream().map(PodForceDeleted::by).toList());
    }

    /** The out-of-service taint: the pods are evicted at once, and the pod garbage collector's next pass (20s ticks) removes them. */
    @Test
    void theOutOfServiceTaintLetsThePodGarbageCollectorRemoveTheStuckPod() {
        FakeWorld w = world(3, null, set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, null));
        w.runUntil(20 * S);
        String node = nodeOf(w, "db-1");
        crash(w, node, 30 * S);
        w.at(95 * S, () -> w.plane.outOfService(node));
        w.runUntil(130 * S);
        assertEquals(List.of(100L), w.events(PodForceDeleted.class).stream().map(l -> l.time() / S).toList());
        assertEquals("pod-gc", w.all(PodForceDeleted.class).get(0).by());
        assertEquals("100s db-1#2", created(w).get(3));
    }

    /**
     * A local volume made where the first pod was scheduled (WaitForFirstConsumer) pins its pod: with
     * the node gone out of service, the new pod of its ordinal waits with a volume node affinity conflict.
     */
    @Test
    void aLocalVolumePinsItsPodToADeadNode() {
        FakeWorld w = world(3, local(true), set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, "local"));
        w.runUntil(20 * S);
        String node = nodeOf(w, "db-1");
        assertEquals(List.of("WaitForFirstConsumer"),
                w.all(VolumeProvisioned.class).stream().map(VolumeProvisioned::binding).distinct().toList());
        assertEquals(node, w.all(VolumeProvisioned.class).get(1).node());
        crash(w, node, 30 * S);
        w.at(95 * S, () -> w.plane.outOfService(node));
        w.runUntil(130 * S);
        assertEquals("0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) had volume node affinity "
                + "conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
                w.all(TaskUnplaced.class).get(w.all(TaskUnplaced.class).size() - 1).error());
        assertEquals(TaskState.PENDING, w.plane.store.pods.get("db-1#2").state);
    }

    /** Immediate binding: each claim is provisioned when it is made, spread over the nodes by its ordinal. */
    @Test
    void immediateLocalClaimsAreSpreadByOrdinal() {
        FakeWorld w = world(3, local(false), set(3, StatefulSetSpec.PodManagementPolicy.PARALLEL, "local"));
        w.runUntil(10 * S);
        List<String> nodes = w.all(VolumeProvisioned.class).stream().map(VolumeProvisioned::node).toList();
        assertEquals(3, nodes.stream().distinct().count(), nodes.toString());
        assertEquals(List.of("Immediate"), w.all(VolumeProvisioned.class).stream().map(VolumeProvisioned::binding).distinct().toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(nodes.get(i), nodeOf(w, "db-" + i), "each pod follows its volume");
        }
    }

    /**
     * A network volume on a dead node: the force-deleted pod's replacement is scheduled at once, but the
     * volume stays attached to the dead node (Multi-Attach error) until the attach/detach controller
     * force-detaches it 6 minutes after the detach was wanted; then it attaches (10s) and the pod runs.
     */
    @Test
    void aNetworkVolumeIsForceDetachedSixMinutesAfterItsPodWasDeleted() {
        FakeWorld w = world(3, NETWORK, set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, "disk"));
        w.runUntil(60 * S);
        String node = nodeOf(w, "db-1");
        crash(w, node, 70 * S);
        w.at(400 * S, () -> w.plane.forceDelete("db-1"));
        w.runUntil(900 * S);
        List<String> ops = w.events(VolumeOperation.class).stream()
                .filter(l -> ((VolumeOperation) l.event()).claim().equals("data-db-1"))
                .map(l -> l.time() / S + "s " + ((VolumeOperation) l.event()).operation()).toList();
        assertEquals(List.of("11s attach", "400s multi_attach_error", "760s force_detach", "765s attach"), ops);
        assertTrue(w.storage.contains("765s detach data-db-1"), w.storage.toString());
        assertTrue(w.storage.contains("775s attach data-db-1 " + nodeOf(w, "db-1#2")), w.storage.toString());
        assertEquals(TaskState.RUNNING, w.plane.store.pods.get("db-1#2").state);
    }

    /**
     * The out-of-service taint detaches at once: no 6-minute wait. The replacement, scheduled while the
     * volume is still detaching from the dead node, meets a Multi-Attach error, as upstream's would.
     */
    @Test
    void theOutOfServiceTaintDetachesANetworkVolumeAtOnce() {
        FakeWorld w = world(3, NETWORK, set(3, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, "disk"));
        w.runUntil(60 * S);
        String node = nodeOf(w, "db-1");
        crash(w, node, 70 * S);
        w.at(200 * S, () -> w.plane.outOfService(node));
        w.runUntil(300 * S);
        List<String> ops = w.events(VolumeOperation.class).stream()
                .filter(l -> ((VolumeOperation) l.event()).claim().equals("data-db-1"))
                .map(l -> l.time() / S + "s " + ((VolumeOperation) l.event()).operation()).toList();
        assertEquals(List.of("11s attach", "220s force_detach", "220s multi_attach_error", "225s attach"), ops);
    }

    /**
     * NodeVolumeLimits: a network class whose driver attaches at most one volume per node fits one pod
     * per node; the third waits, Unschedulable (preemption finds no victim of a lower priority). A pod
     * force-deleted frees its node's room, and its replacement, queued ahead of the pod backing off,
     * takes it: its own volume counts once there, where any other node is full.
     */
    @Test
    void anAttachLimitKeepsAPodPendingWhileEveryNodeIsFull() {
        StorageClassSpec limited = new StorageClassSpec("disk", StorageClassSpec.Type.NETWORK, true, List.of(), "zone",
                10 * S, 5 * S, 1);
        FakeWorld w = world(2, limited, set(3, StatefulSetSpec.PodManagementPolicy.PARALLEL, "disk"));
        w.runUntil(30 * S);
        assertEquals("0/2 nodes are available: 2 node(s) exceed max volume count. preemption: 0/2 nodes are available: "
                + "2 No preemption victims found for incoming pod.", w.all(TaskUnplaced.class).get(0).error());
        assertEquals(TaskState.PENDING, w.plane.store.pods.get("db-2").state);
        String node = nodeOf(w, "db-0");
        w.at(40 * S, () -> w.plane.forceDelete("db-0"));
        w.runUntil(80 * S);
        assertEquals(node, nodeOf(w, "db-0#2"));
        assertEquals(TaskState.RUNNING, w.plane.store.pods.get("db-0#2").state);
        assertEquals(TaskState.PENDING, w.plane.store.pods.get("db-2").state);
    }

    /** whenScaled: Delete: a scale-down deletes the removed ordinal's claim once its pod is gone, and its volume. */
    @Test
    void whenScaledDeleteDeletesTheClaimsOfTheRemovedOrdinals() {
        StatefulSetSpec spec = new StatefulSetSpec("db", 2, "db", StatefulSetSpec.PodManagementPolicy.ORDERED_READY,
                List.of(new StatefulSetSpec.ClaimTemplate("data", "local", GI)),
                set(2, StatefulSetSpec.PodManagementPolicy.ORDERED_READY, null).task(), 0, false,
                new ClaimRetention(ClaimRetention.Policy.RETAIN, ClaimRetention.Policy.DELETE));
        FakeWorld w = world(2, local(true), spec);
        w.at(20 * S, () -> w.plane.scale("db", 1));
        w.runUntil(30 * S);
        assertEquals(List.of("data-db-1"), w.all(ClaimChanged.class).stream().filter(c -> c.change().equals("delete"))
                .map(ClaimChanged::claim).toList());
        assertTrue(w.storage.contains("20s delete data-db-1"), w.storage.toString());
        assertEquals(List.of("data-db-0"), List.copyOf(w.plane.store.claims.keySet()));
    }

    static List<Long> times(List<Logged> events) {
        return events.stream().map(l -> l.time() / S).toList();
    }
}
