package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Action;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Create;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Delete;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Policy;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Reason;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Replica;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Spec;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/controller/statefulset/stateful_set_control_test.go}, by name:
 * TestStatefulSetControl (CreatesPods, ScalesUp, ScalesDown, ReplacesPods, RecreatesFailedPod, each
 * Monotonic and Burst), TestStatefulSetControlRollingUpdate, TestStatefulSetControlOnDeleteUpdate and
 * TestStatefulSetControlRollingUpdateWithPartition. A {@link FakeSet} plays upstream's {@code
 * fakeStatefulPodControl}: it applies each sync's actions and then, like {@code setPodRunning} and
 * {@code setPodReady}, brings the created pods up and lets the deleted ones go, one ordinal at a time
 * in monotonic mode; at every creation it checks upstream's invariants: never two pods of one
 * ordinal, and in monotonic mode no pod created before every lower ordinal is Running and Ready.
 */
class StatefulSetControlTest {

    /** The set's pods by ordinal and the revisions, as the fake API server holds them. */
    static final class FakeSet {
        Spec spec;
        int currentRevision = 1;
        int updateRevision = 1;
        final TreeMap<Integer, Replica> pods = new TreeMap<>();
        final List<String> log = new ArrayList<>();

        FakeSet(Spec spec) {
            this.spec = spec;
        }

        List<Replica> pods() {
            return new ArrayList<>(pods.values());
        }

        Status status() {
            return StatefulSetControl.status(currentRevision, updateRevision, pods());
        }

        /** One sync and its actions; true when it asked for anything. */
        boolean sync() {
            StatefulSetControl.Sync s = StatefulSetControl.sync(spec, currentRevision, updateRevision, pods());
            for (Action a : s.actions()) {
                if (a instanceof Create c) {
                    assertTrue(!pods.containsKey(c.ordinal()), "a second pod of ordinal " + c.ordinal());
                    for (int lower = 0; spec.monotonic() && lower < c.ordinal(); lower++) {
                        Replica r = pods.get(lower);
                        assertTrue(r != null && r.runningAndReady() && !r.terminating(),
                                "pod " + c.ordinal() + " created before pod " + lower + " was Running and Ready");
                    }
                    pods.put(c.ordinal(), new Replica(c.ordinal(), c.revision(), false, false, false));
                    log.add("create " + c.ordinal() + "@" + c.revision());
                } else if (a instanceof Delete d) {
                    Replica r = pods.get(d.ordinal());
                    pods.put(d.ordinal(), new Replica(r.ordinal(), r.revision(), r.runningAndReady(), r.failed(), true));
                    log.add("delete " + d.ordinal() + " (" + d.reason().words() + ")");
                }
            }
            if (StatefulSetControl.rolloutComplete(spec, status())) {
                currentRevision = updateRevision;
            }
            return !s.actions().isEmpty();
        }

        /** The kubelets: the lowest pending pod runs and turns Ready (all of them in burst mode); Terminating ones go. */
        void kubelets() {
            for (Replica r : List.copyOf(pods.values())) {
                if (r.terminating()) {
                    pods.remove(r.ordinal());
                    if (spec.monotonic()) {
                        return;
                    }
                }
            }
            for (Replica r : List.copyOf(pods.values())) {
                if (!r.runningAndReady() && !r.failed()) {
                    pods.put(r.ordinal(), new Replica(r.ordinal(), r.revision(), true, false, false));
                    if (spec.monotonic()) {
                        return;
                    }
                }
            }
        }

        /** Syncs and runs the kubelets until nothing changes. */
        void settle() {
            for (int i = 0; i < 1000; i++) {
                boolean acted = sync();
                Status before = status();
                List<Replica> was = pods();
                kubelets();
                if (!acted && was.equals(pods()) && before.equals(status())) {
                    return;
                }
            }
            throw new AssertionError("the set does not settle");
        }

        /** A new template: a new update revision. */
        void update() {
            updateRevision++;
        }

        List<Integer> revisions() {
            return pods.values().stream().map(Replica::revision).toList();
        }
    }

    static Stream<Arguments> policies() {
        return Stream.of(Arguments.of(Policy.ORDERED_READY), Arguments.of(Policy.PARALLEL));
    }

    @ParameterizedTest(name = "CreatesPods/{0}")
    @MethodSource("policies")
    void createsPods(Policy policy) {
        FakeSet set = new FakeSet(Spec.of(3, policy));
        set.settle();
        assertEquals(new Status(3, 3, 3, 3), set.status());
    }

    /** Monotonic creation is strictly in order: the next pod only once the one before it is Ready. */
    @Test
    void createsPodsMonotonicOneAtATime() {
        FakeSet set = new FakeSet(Spec.of(3, Policy.ORDERED_READY));
        set.settle();
        assertEquals(List.of("create 0@1", "create 1@1", "create 2@1"), set.log);
        FakeSet burst = new FakeSet(Spec.of(3, Policy.PARALLEL));
        burst.sync();
        assertEquals(List.of("create 0@1", "create 1@1", "create 2@1"), burst.log);
    }

    @ParameterizedTest(name = "ScalesUp/{0}")
    @MethodSource("policies")
    void scalesUp(Policy policy) {
        FakeSet set = new FakeSet(Spec.of(3, policy));
        set.settle();
        set.spec = Spec.of(4, policy);
        set.settle();
        assertEquals(new Status(4, 4, 4, 4), set.status());
    }

    @ParameterizedTest(name = "ScalesDown/{0}")
    @MethodSource("policies")
    void scalesDown(Policy policy) {
        FakeSet set = new FakeSet(Spec.of(3, policy));
        set.settle();
        set.log.clear();
        set.spec = Spec.of(0, policy);
        set.settle();
        assertEquals(new Status(0, 0, 0, 0), set.status());
        // from the highest ordinal down
        assertEquals(List.of("delete 2 (terminating for scale down)", "delete 1 (terminating for scale down)",
                "delete 0 (terminating for scale down)"), set.log);
    }

    /** Monotonic scale-down waits for each pod to be gone before deleting the next. */
    @Test
    void scalesDownOneAtATimeWhenMonotonic() {
        FakeSet set = new FakeSet(Spec.of(3, Policy.ORDERED_READY));
        set.settle();
        set.spec = Spec.of(1, Policy.ORDERED_READY);
        set.log.clear();
        set.sync();
        set.sync();
        assertEquals(List.of("delete 2 (terminating for scale down)"), set.log);
        FakeSet burst = new FakeSet(Spec.of(3, Policy.PARALLEL));
        burst.settle();
        burst.spec = Spec.of(1, Policy.PARALLEL);
        burst.log.clear();
        burst.sync();
        assertEquals(List.of("delete 2 (terminating for scale down)", "delete 1 (terminating for scale down)"), burst.log);
    }

    @ParameterizedTest(name = "ReplacesPods/{0}")
    @MethodSource("policies")
    void replacesPods(Policy policy) {
        FakeSet set = new FakeSet(Spec.of(5, policy));
        set.settle();
        set.pods.remove(0);
        set.pods.remove(2);
        set.pods.remove(4);
        set.settle();
        assertEquals(new Status(5, 5, 5, 5), set.status());
    }

    @ParameterizedTest(name = "RecreatesFailedPod/{0}")
    @MethodSource("policies")
    void recreatesFailedPod(Policy policy) {
        FakeSet set = new FakeSet(Spec.of(3, policy));
        set.settle();
        set.pods.put(0, new Replica(0, 1, false, true, false));
        set.sync();
        assertTrue(set.log.contains("delete 0 (recreating failed pod)"));
        assertTrue(set.pods.get(0).terminating(), "the failed pod is deleted first, created again once gone");
        set.settle();
        assertEquals(new Status(3, 3, 3, 3), set.status());
    }

    /** A pod that is not Ready blocks monotonic scale-up (upstream: "halts if any pod is unhealthy"), never burst. */
    @Test
    void anUnreadyPodHaltsMonotonicScaling() {
        FakeSet set = new FakeSet(Spec.of(2, Policy.ORDERED_READY));
        set.settle();
        set.pods.put(0, new Replica(0, 1, false, false, false));
        set.spec = Spec.of(3, Policy.ORDERED_READY);
        set.log.clear();
        StatefulSetControl.Sync s = StatefulSetControl.sync(set.spec, 1, 1, set.pods());
        assertEquals(List.of(), s.actions());
        assertEquals("pod 0 to be Running and Ready", s.waitingFor());
        assertEquals(List.of(new Create(2, 1)),
                StatefulSetControl.sync(Spec.of(3, Policy.PARALLEL), 1, 1, set.pods()).actions());
    }

    /** A Terminating pod keeps its name: no second pod of its ordinal until the object is gone, in either mode. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aTerminatingPodIsNotReplacedUntilGone(Policy policy) {
        List<Replica> pods = List.of(new Replica(0, 1, true, false, false), new Replica(1, 1, false, false, true),
                new Replica(2, 1, true, false, false));
        StatefulSetControl.Sync s = StatefulSetControl.sync(Spec.of(3, policy), 1, 1, pods);
        assertEquals(List.of(), s.actions());
        List<Replica> gone = List.of(pods.get(0), pods.get(2));
        assertEquals(List.of(new Create(1, 1)), StatefulSetControl.sync(Spec.of(3, policy), 1, 1, gone).actions());
    }

    record UpdateCase(String name, Policy policy, int initial, int replicas, int partition, List<Integer> want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<UpdateCase> rollingUpdates() {
        return Stream.of(
                new UpdateCase("monotonic image update", Policy.ORDERED_READY, 3, 3, 0, List.of(2, 2, 2)),
                new UpdateCase("monotonic image update and scale up", Policy.ORDERED_READY, 3, 5, 0, List.of(2, 2, 2, 2, 2)),
                new UpdateCase("monotonic image update and scale down", Policy.ORDERED_READY, 5, 3, 0, List.of(2, 2, 2)),
                new UpdateCase("burst image update", Policy.PARALLEL, 3, 3, 0, List.of(2, 2, 2)),
                new UpdateCase("burst image update and scale up", Policy.PARALLEL, 3, 5, 0, List.of(2, 2, 2, 2, 2)),
                new UpdateCase("burst image update and scale down", Policy.PARALLEL, 5, 3, 0, List.of(2, 2, 2)));
    }

    /** TestStatefulSetControlRollingUpdate: every pod ends at the new revision, whatever the scaling. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rollingUpdates")
    void rollingUpdate(UpdateCase c) {
        FakeSet set = new FakeSet(Spec.of(c.initial, c.policy));
        set.settle();
        set.spec = Spec.of(c.replicas, c.policy);
        set.update();
        set.settle();
        assertEquals(c.want, set.revisions());
        assertEquals(2, set.currentRevision, "the update completed");
    }

    /** Updates go in reverse ordinal order, one pod at a time, each Ready before the next, whatever the policy. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void updatesInReverseOrdinalOrder(Policy policy) {
        FakeSet set = new FakeSet(Spec.of(3, policy));
        set.settle();
        set.log.clear();
        set.update();
        set.settle();
        assertEquals(List.of("delete 2 (terminating for update)", "create 2@2", "delete 1 (terminating for update)",
                "create 1@2", "delete 0 (terminating for update)", "create 0@2"), set.log);
    }

    static Stream<UpdateCase> partitions() {
        return Stream.of(
                new UpdateCase("monotonic image update", Policy.ORDERED_READY, 3, 3, 2, List.of(1, 1, 2)),
                new UpdateCase("monotonic image update and scale up", Policy.ORDERED_READY, 3, 5, 2, List.of(1, 1, 2, 2, 2)),
                new UpdateCase("burst image update", Policy.PARALLEL, 3, 3, 2, List.of(1, 1, 2)),
                new UpdateCase("burst image update and scale up", Policy.PARALLEL, 3, 5, 2, List.of(1, 1, 2, 2, 2)));
    }

    /** TestStatefulSetControlRollingUpdateWithPartition: ordinals below the partition keep the old revision. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("partitions")
    void rollingUpdateWithPartition(UpdateCase c) {
        FakeSet set = new FakeSet(new Spec(c.initial, c.policy, c.partition, false));
        set.settle();
        set.spec = new Spec(c.replicas, c.policy, c.partition, false);
        set.update();
        set.settle();
        assertEquals(c.want, set.revisions());
        assertEquals(1, set.currentRevision, "a partitioned update is not complete");
        // a pod below the partition that is deleted comes back at the current revision
        set.pods.remove(0);
        set.settle();
        assertEquals(1, set.pods.get(0).revision());
        // lowering the partition to 0 finishes the update
        set.spec = new Spec(c.replicas, c.policy, 0, false);
        set.settle();
        assertEquals(2, set.currentRevision);
        assertTrue(set.revisions().stream().allMatch(r -> r == 2));
    }

    /** TestStatefulSetControlOnDeleteUpdate: nothing is updated until pods are deleted; recreated pods get the new revision. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void onDeleteUpdate(Policy policy) {
        FakeSet set = new FakeSet(new Spec(3, policy, 0, true));
        set.settle();
        set.update();
        set.settle();
        assertEquals(List.of(1, 1, 1), set.revisions());
        set.spec = new Spec(0, policy, 0, true);
        set.settle();
        set.spec = new Spec(3, policy, 0, true);
        set.settle();
        assertEquals(List.of(2, 2, 2), set.revisions());
    }

    @Test
    void namesAreUpstreams() {
        assertEquals("db-0", StatefulSetNames.podName("db", 0));
        assertEquals("data-db-2", StatefulSetNames.claimName("data", "db", 2));
        assertEquals(2, StatefulSetNames.ordinal("db", "db-2").orElseThrow());
        assertTrue(StatefulSetNames.ordinal("db", "db-02").isEmpty());
        assertTrue(StatefulSetNames.ordinal("db", "dbx-2").isEmpty());
        assertEquals("db-0.db", StatefulSetNames.hostname("db-0", "db"));
    }

    /**
     * Upstream stateful_set_utils_test.go TestUpdateClaimOwnerForRetentionPolicy: the owner of a claim
     * for each policy, for a pod in range and one condemned by a scale-down.
     */
    @Test
    void claimOwnersFollowTheRetentionPolicy() {
        ClaimRetention.Policy retain = ClaimRetention.Policy.RETAIN;
        ClaimRetention.Policy delete = ClaimRetention.Policy.DELETE;
        assertEquals(ClaimRetention.Owner.NONE, new ClaimRetention(retain, retain).owner(1, 3));
        assertEquals(ClaimRetention.Owner.NONE, new ClaimRetention(retain, retain).owner(4, 3));
        assertEquals(ClaimRetention.Owner.SET, new ClaimRetention(delete, retain).owner(1, 3));
        assertEquals(ClaimRetention.Owner.SET, new ClaimRetention(delete, retain).owner(4, 3));
        assertEquals(ClaimRetention.Owner.NONE, new ClaimRetention(retain, delete).owner(1, 3));
        assertEquals(ClaimRetention.Owner.POD, new ClaimRetention(retain, delete).owner(4, 3));
        assertEquals(ClaimRetention.Owner.SET, new ClaimRetention(delete, delete).owner(1, 3));
        assertEquals(ClaimRetention.Owner.POD, new ClaimRetention(delete, delete).owner(4, 3));
    }

    /** Upstream's Reason words appear in the log lines the controller writes. */
    @Test
    void reasonsHaveWords() {
        assertEquals("terminating for update", Reason.UPDATE.words());
    }
}
