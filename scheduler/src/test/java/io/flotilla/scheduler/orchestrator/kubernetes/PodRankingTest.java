package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.orchestrator.kubernetes.PodRanking.Phase;
import io.flotilla.scheduler.orchestrator.kubernetes.PodRanking.Ranked;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/controller/controller_utils_test.go} TestSortingActivePodsWithRanks
 * (the equality and inequality tables, with PodDeletionCost and LogarithmicScaleDown on) and
 * TestSortingActivePods (the whole order, from any starting order).
 */
class PodRankingTest {

    static final long HOUR = 3_600_000_000_000L;
    static final long NOW = 24 * 400 * HOUR;
    static final long THEN_1_MONTH = NOW - 24 * 31 * HOUR;
    static final long THEN_2_HOURS = NOW - 2 * HOUR;
    static final long THEN_5_HOURS = NOW - 5 * HOUR;
    static final long THEN_8_HOURS = NOW - 8 * HOUR;
    static final long ZERO = -1;

    static Ranked pod(String name, String node, Phase phase, boolean ready, int restarts, long readySince, long created,
            int deletionCost) {
        return new Ranked(name, node, phase, ready, ready ? readySince : ZERO, restarts, created, 0, 1, deletionCost);
    }

    static Ranked withRank(Ranked p, int rank) {
        return new Ranked(p.id(), p.node(), p.phase(), p.ready(), p.readySince(), p.restarts(), p.created(), p.uid(), rank,
                p.deletionCost());
    }

    static final Ranked UNSCHEDULED = pod("unscheduled", "", Phase.PENDING, false, 0, ZERO, ZERO, 0);
    static final Ranked SCHEDULED_PENDING = pod("pending", "node", Phase.PENDING, false, 0, ZERO, ZERO, 0);
    static final Ranked UNKNOWN_PHASE = pod("unknown-phase", "node", Phase.UNKNOWN, false, 0, ZERO, ZERO, 0);
    static final Ranked RUNNING_NOT_READY = pod("not-ready", "node", Phase.RUNNING, false, 0, ZERO, ZERO, 0);
    static final Ranked READY_NO_TRANSITION_TIME = pod("ready-no-last-transition-time", "node", Phase.RUNNING, true, 0, ZERO, ZERO, 0);
    static final Ranked READY_NOW = pod("ready-now", "node", Phase.RUNNING, true, 0, NOW, NOW, 0);
    static final Ranked READY_THEN = pod("ready-then", "node", Phase.RUNNING, true, 0, THEN_1_MONTH, THEN_1_MONTH, 0);
    static final Ranked READY_HIGH_RESTARTS = pod("ready-high-restarts", "node", Phase.RUNNING, true, 9001, NOW, NOW, 0);
    static final Ranked READY_NOW_CREATED_THEN = pod("ready-now-created-then", "node", Phase.RUNNING, true, 0, NOW, THEN_1_MONTH, 0);
    static final Ranked LOW_DELETION_COST = pod("low-deletion-cost", "node", Phase.RUNNING, true, 0, NOW, THEN_1_MONTH, 10);
    static final Ranked HIGH_DELETION_COST = pod("high-deletion-cost", "node", Phase.RUNNING, true, 0, NOW, THEN_1_MONTH, 100);
    static final Ranked UNSCHEDULED_5_HOURS = pod("unscheduled-5-hours", "", Phase.PENDING, false, 0, THEN_5_HOURS, THEN_5_HOURS, 0);
    static final Ranked UNSCHEDULED_8_HOURS = pod("unscheduled-10-hours", "", Phase.PENDING, false, 0, THEN_8_HOURS, THEN_8_HOURS, 0);
    static final Ranked READY_2_HOURS = pod("ready-2-hours", "", Phase.RUNNING, true, 0, THEN_2_HOURS, THEN_1_MONTH, 0);
    static final Ranked READY_5_HOURS = pod("ready-5-hours", "", Phase.RUNNING, true, 0, THEN_5_HOURS, THEN_1_MONTH, 0);
    static final Ranked READY_10_HOURS = pod("ready-10-hours", "", Phase.RUNNING, true, 0, THEN_8_HOURS, THEN_1_MONTH, 0);

    record Pair(Ranked a, int rankA, Ranked b, int rankB) {
        @Override
        public String toString() {
            return a.id() + " (rank " + rankA + ") / " + b.id() + " (rank " + rankB + ")";
        }
    }

    static Stream<Pair> equalities() {
        return Stream.of(
                new Pair(UNSCHEDULED, 1, UNSCHEDULED, 1),
                new Pair(SCHEDULED_PENDING, 1, SCHEDULED_PENDING, 1),
                new Pair(UNKNOWN_PHASE, 1, UNKNOWN_PHASE, 1),
                new Pair(RUNNING_NOT_READY, 1, RUNNING_NOT_READY, 1),
                new Pair(READY_NOW_CREATED_THEN, 1, READY_NOW_CREATED_THEN, 1),
                new Pair(READY_NOW, 1, READY_NOW, 1),
                new Pair(READY_THEN, 1, READY_THEN, 1),
                new Pair(READY_HIGH_RESTARTS, 1, READY_HIGH_RESTARTS, 1),
                new Pair(UNSCHEDULED_5_HOURS, 1, UNSCHEDULED_8_HOURS, 1),
                new Pair(READY_5_HOURS, 1, READY_10_HOURS, 1));
    }

    @ParameterizedTest(name = "equal: {0}")
    @MethodSource("equalities")
    void equalPodsAreNotOrdered(Pair c) {
        Ranked a = withRank(c.a(), c.rankA());
        Ranked b = withRank(c.b(), c.rankB());
        assertFalse(PodRanking.less(a, b, NOW));
        assertFalse(PodRanking.less(b, a, NOW));
    }

    /** The inequality table: the first pod of each pair is deleted first. */
    static Stream<Pair> inequalities() {
        return Stream.of(
                new Pair(UNSCHEDULED, 1, SCHEDULED_PENDING, 2),
                new Pair(UNSCHEDULED, 2, SCHEDULED_PENDING, 1),
                new Pair(SCHEDULED_PENDING, 1, UNKNOWN_PHASE, 2),
                new Pair(UNKNOWN_PHASE, 1, RUNNING_NOT_READY, 2),
                new Pair(RUNNING_NOT_READY, 1, READY_NO_TRANSITION_TIME, 1),
                new Pair(READY_NO_TRANSITION_TIME, 1, READY_NOW, 1),
                new Pair(READY_NOW, 2, READY_NO_TRANSITION_TIME, 1),
                new Pair(READY_NOW, 1, READY_THEN, 1),
                new Pair(READY_NOW, 2, READY_THEN, 1),
                new Pair(READY_HIGH_RESTARTS, 1, READY_NOW, 1),
                new Pair(READY_NOW, 2, READY_HIGH_RESTARTS, 1),
                new Pair(READY_NOW, 1, READY_NOW_CREATED_THEN, 1),
                new Pair(READY_NOW_CREATED_THEN, 2, READY_NOW, 1),
                new Pair(LOW_DELETION_COST, 2, HIGH_DELETION_COST, 1),
                new Pair(READY_2_HOURS, 1, READY_5_HOURS, 1));
    }

    @ParameterizedTest(name = "less: {0}")
    @MethodSource("inequalities")
    void theFirstPodIsDeletedFirst(Pair c) {
        Ranked a = withRank(c.a(), c.rankA());
        Ranked b = withRank(c.b(), c.rankB());
        assertTrue(PodRanking.less(a, b, NOW), c + ": first should go first");
        assertFalse(PodRanking.less(b, a, NOW), c + ": second should not go first");
    }

    @Test
    void sortsByActivePodFromAnyStartingOrder() {
        // TestSortingActivePods "Sorts by active pod"
        List<Ranked> want = List.of(
                pod("unscheduled", "", Phase.PENDING, false, 0, ZERO, ZERO, 0),
                pod("scheduledButPending", "bar", Phase.PENDING, false, 0, ZERO, ZERO, 0),
                pod("unknownPhase", "foo", Phase.UNKNOWN, false, 0, ZERO, ZERO, 0),
                pod("runningButNotReady", "foo", Phase.RUNNING, false, 0, ZERO, ZERO, 0),
                pod("runningNoLastTransitionTime", "foo", Phase.RUNNING, true, 3, ZERO, ZERO, 0),
                pod("runningWithLastTransitionTime", "foo", Phase.RUNNING, true, 3, NOW, ZERO, 0),
                pod("runningLongerTime", "foo", Phase.RUNNING, true, 3, THEN_1_MONTH, ZERO, 0),
                pod("lowerContainerRestartCount", "foo", Phase.RUNNING, true, 2, THEN_1_MONTH, NOW, 0),
                pod("oldest", "foo", Phase.RUNNING, true, 2, THEN_1_MONTH, THEN_1_MONTH, 0));
        Random shuffle = new Random(1);
        for (int i = 0; i < 20; i++) {
            List<Ranked> pods = new ArrayList<>(want);
            Collections.shuffle(pods, shuffle);
            // without the Now reference upstream compares plain times: far in the past, every age lands in its own bucket
            assertEquals(want.stream().map(Ranked::id).toList(),
                    PodRanking.sort(pods, NOW).stream().map(Ranked::id).toList());
        }
    }

    /**
     * Pods ready at different times within one age bucket are told apart by UID, pods ready at the
     * same time by restarts: the ranking is not transitive, and sorting many such pods must still give
     * every pod once (List.sort refused some of these orders outright).
     */
    @Test
    void podsThatNoOrderRanksConsistentlyAreStillSorted() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Ranked> pods = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                long readySince = NOW - (1L << 40) - random.nextInt(4) * 1_000_000L; // one bucket, four instants
                pods.add(new Ranked("pod-" + i, "node-" + random.nextInt(3), Phase.RUNNING, true, readySince,
                        random.nextInt(3), readySince, random.nextLong(), 1, 0));
            }
            List<Ranked> sorted = PodRanking.sort(pods, NOW);
            assertEquals(pods.stream().map(Ranked::id).sorted().toList(), sorted.stream().map(Ranked::id).sorted().toList());
        }
    }
}
