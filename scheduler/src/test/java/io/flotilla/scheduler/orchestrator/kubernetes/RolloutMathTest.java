package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath.IntOrPercent;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath.Rs;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath.Scaled;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath.Strategy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/controller/deployment/util/deployment_util_test.go} (TestResolveFenceposts,
 * TestMaxUnavailable, TestMinAvailable, TestNewRSNewReplicas, TestGetReplicaSetFraction) and
 * {@code pkg/controller/deployment/rolling_test.go} (TestDeploymentController_reconcileNewReplicaSet,
 * _reconcileOldReplicaSets, _cleanupUnhealthyReplicas, _scaleDownOldReplicaSetsForRollingUpdate), by
 * name or number, with the same results. Cases of the DeploymentReplicaSetTerminatingReplicas and
 * DeploymentPodReplacementPolicy alpha gates, and the ones about unparseable values, are left out.
 */
class RolloutMathTest {

    static IntOrPercent pct(int v) {
        return IntOrPercent.percent(v);
    }

    static IntOrPercent n(int v) {
        return IntOrPercent.of(v);
    }

    record Fencepost(String name, IntOrPercent surge, IntOrPercent unavailable, int desired, int wantSurge,
            int wantUnavailable) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** TestResolveFenceposts; an absent value is 0. */
    static Stream<Fencepost> fenceposts() {
        return Stream.of(
                new Fencepost("0: 0%/0% of 0", pct(0), pct(0), 0, 0, 1),
                new Fencepost("1: 39%/39% of 10", pct(39), pct(39), 10, 4, 3),
                new Fencepost("4: nil/39% of 10", n(0), pct(39), 10, 0, 3),
                new Fencepost("5: 39%/nil of 10", pct(39), n(0), 10, 4, 0),
                new Fencepost("6: nil/nil of 10", n(0), n(0), 10, 0, 1),
                // the API defaults, as kubernetes.md section 7 spells them out
                new Fencepost("defaults 25%/25% of 4", pct(25), pct(25), 4, 1, 1),
                new Fencepost("defaults 25%/25% of 10", pct(25), pct(25), 10, 3, 2),
                new Fencepost("defaults 25%/25% of 1", pct(25), pct(25), 1, 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fenceposts")
    void resolveFenceposts(Fencepost c) {
        int[] got = RolloutMath.resolveFenceposts(new Strategy(c.surge(), c.unavailable()), c.desired());
        assertArrayEquals(new int[] {c.wantSurge(), c.wantUnavailable()}, got);
    }

    record Bound(String name, int replicas, IntOrPercent maxUnavailable, int wantMaxUnavailable, int wantMinAvailable) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** TestMaxUnavailable and TestMinAvailable (maxSurge 1), the same deployments. */
    static Stream<Bound> bounds() {
        return Stream.of(
                new Bound("maxUnavailable less than replicas", 10, n(5), 5, 5),
                new Bound("maxUnavailable equal replicas", 10, n(10), 10, 0),
                new Bound("maxUnavailable greater than replicas", 5, n(10), 5, 0),
                new Bound("maxUnavailable with replicas is 0", 0, n(10), 0, 0),
                new Bound("maxUnavailable less than replicas with percents", 10, pct(50), 5, 5),
                new Bound("maxUnavailable equal replicas with percents", 10, pct(100), 10, 0),
                new Bound("maxUnavailable greater than replicas with percents", 5, pct(100), 5, 0),
                new Bound("replicas greater than maxUnavailable with percents", 10, pct(60), 6, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounds")
    void maxUnavailableAndMinAvailable(Bound c) {
        Strategy s = new Strategy(n(1), c.maxUnavailable());
        assertEquals(c.wantMaxUnavailable(), RolloutMath.maxUnavailable(s, c.replicas()));
        assertEquals(c.wantMinAvailable(), RolloutMath.minAvailable(s, c.replicas()));
    }

    @Test
    void newRSNewReplicas() {
        // TestNewRSNewReplicas: the other ReplicaSet has 5 replicas, maxUnavailable 1
        assertEquals(5, RolloutMath.newRSNewReplicas(new Strategy(n(1), n(1)), 1, 5, 5), "can not scale up - to newRSReplicas");
        assertEquals(6, RolloutMath.newRSNewReplicas(new Strategy(n(10), n(1)), 6, 5, 2), "scale up - to depReplicas");
    }

    record NewRsCase(String name, int deploymentReplicas, int maxSurge, int oldReplicas, int newReplicas, int want) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** TestDeploymentController_reconcileNewReplicaSet (maxUnavailable 0); -1 means no scaling. */
    static Stream<NewRsCase> newRsCases() {
        return Stream.of(
                new NewRsCase("should not scale up when old replica set is fully saturated", 10, 0, 10, 0, -1),
                new NewRsCase("should scale up according to the maxSurge when old replica set is fully saturated", 10, 2, 10, 0, 2),
                new NewRsCase("should scale up according to the maxSurge", 10, 2, 5, 0, 7),
                new NewRsCase("should not scale when maxSurge is fully saturated", 10, 2, 10, 2, -1),
                new NewRsCase("should scale down when there are replicas above maxSurge", 10, 2, 2, 11, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newRsCases")
    void reconcileNewReplicaSet(NewRsCase c) {
        Rs newRs = new Rs(c.newReplicas(), 0);
        List<Rs> all = List.of(newRs, new Rs(c.oldReplicas(), 0));
        assertEquals(c.want(), RolloutMath.reconcileNewReplicaSet(new Strategy(n(c.maxSurge()), n(0)),
                c.deploymentReplicas(), all, newRs));
    }

    record OldRsCase(String name, int deploymentReplicas, int maxUnavailable, int oldReplicas, int newReplicas,
            int readyOld, int readyNew, int wantOld) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** TestDeploymentController_reconcileOldReplicaSets (maxSurge 0), by number. */
    static Stream<OldRsCase> oldRsCases() {
        return Stream.of(
                new OldRsCase("0", 10, 0, 10, 0, 10, 0, 9),
                new OldRsCase("1", 10, 2, 10, 0, 10, 0, 8),
                new OldRsCase("2: unhealthy replicas of old replica sets are cleaned up", 10, 2, 10, 0, 8, 0, 8),
                new OldRsCase("3: 1 unhealthy replica cleaned up, 1 ready pod scaled down", 10, 2, 10, 0, 9, 0, 8),
                new OldRsCase("4: unavailable pods of the new replica set do not make old ones shrink", 10, 2, 8, 2, 8, 0, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oldRsCases")
    void reconcileOldReplicaSets(OldRsCase c) {
        int[] got = RolloutMath.reconcileOldReplicaSets(new Strategy(n(0), n(c.maxUnavailable())), c.deploymentReplicas(),
                List.of(new Rs(c.oldReplicas(), c.readyOld())), new Rs(c.newReplicas(), c.readyNew()));
        assertArrayEquals(new int[] {c.wantOld()}, got);
    }

    @Test
    void cleanupUnhealthyReplicas() {
        // TestDeploymentController_cleanupUnhealthyReplicas: old 10 replicas, {ready, maxCleanupCount} -> cleaned up
        int[][] cases = {{8, 1, 1}, {8, 3, 2}, {8, 0, 0}, {10, 3, 0}};
        for (int[] c : cases) {
            int[] sizes = {10};
            assertEquals(c[2], RolloutMath.cleanupUnhealthyReplicas(List.of(new Rs(10, c[0])), sizes, c[1]));
        }
    }

    @Test
    void scaleDownOldReplicaSetsForRollingUpdate() {
        // TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate: 10 replicas, maxSurge 0
        int[][] cases = { // maxUnavailable, ready, old replicas, expected old replicas
            {0, 10, 10, 9}, {2, 10, 10, 8}, {2, 8, 10, 10}, {2, 10, 0, 0}, {2, 1, 10, 10}};
        for (int[] c : cases) {
            int[] sizes = {c[2]};
            int minAvailable = RolloutMath.minAvailable(new Strategy(n(0), n(c[0])), 10);
            RolloutMath.scaleDownOldReplicaSetsForRollingUpdate(sizes, c[1], minAvailable);
            assertEquals(c[3], sizes[0]);
        }
    }

    record FractionCase(String name, int deploymentReplicas, int statusReplicas, int maxSurge, int rsReplicas,
            int annotation, int want) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** TestGetReplicaSetFraction; annotation 0 is a missing or zero max-replicas annotation. */
    static Stream<FractionCase> fractions() {
        return Stream.of(
                new FractionCase("empty deployment always scales to 0", 0, 0, 0, 10, 0, -10),
                new FractionCase("unsynced deployment does not scale when max-replicas annotation is missing", 10, 0, 0, 5, 0, 0),
                new FractionCase("scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing",
                        120, 100, 0, 50, 0, 10),
                new FractionCase("scale up by 1/5 should increase RS replicas by 1/5", 120, 0, 0, 50, 100, 10),
                new FractionCase("scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5",
                        120, 0, 10, 50, 110, 9),
                new FractionCase("scale down by 1/6 should decrease RS replicas by 1/6", 10, 0, 0, 6, 12, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fractions")
    void replicaSetFraction(FractionCase c) {
        assertEquals(c.want(), RolloutMath.replicaSetFraction(new Scaled(c.rsReplicas(), c.annotation(), 0),
                c.deploymentReplicas(), c.maxSurge(), c.statusReplicas()));
    }

    @Test
    void proportionalScaleSharesTheNewReplicasAndGivesTheLeftoverToTheLargest() {
        // mid-rollout, ReplicaSets of 7 and 6 pods both sized when 10 + 3 (surge) were allowed; scaled to
        // 20 (surge 5), 25 are allowed: each grows by its share, round(size * 25 / 13) - size
        List<Scaled> active = List.of(new Scaled(7, 13, 1), new Scaled(6, 13, 2));
        int[] sizes = RolloutMath.proportionalScale(active, 20, 5, 13);
        assertEquals(25, sizes[0] + sizes[1]);
        assertArrayEquals(new int[] {13, 12}, sizes);
    }
}
