package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go}
 * (TestTaintTolerationScore, TestTaintTolerationFilter), by name, with the same scores and statuses.
 * The Gt/Lt cases need the alpha TaintTolerationComparisonOperators gate and are left out.
 */
class TaintTolerationTest {

    static final TaintEffect NS = TaintEffect.NO_SCHEDULE;
    static final TaintEffect PNS = TaintEffect.PREFER_NO_SCHEDULE;

    static Taint taint(String key, String value, TaintEffect effect) {
        return new Taint(key, value, effect);
    }

    static Toleration equal(String key, String value, TaintEffect effect) {
        return Toleration.equal(key, value, effect);
    }

    static KubeNode nodeWithTaints(String name, Taint... taints) {
        return node(name).build().withTaints(List.of(taints));
    }

    static Pod podWithTolerations(Toleration... tolerations) {
        Pod.Builder b = pod("pod1");
        for (Toleration t : tolerations) {
            b.toleration(t);
        }
        return b.build();
    }

    record ScoreCase(String name, Pod pod, List<KubeNode> nodes, List<Long> want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ScoreCase> scoreCases() {
        Taint cpuArm = taint("cpu-type", "arm64", PNS);
        Taint diskSsd = taint("disk-type", "ssd", PNS);
        return Stream.of(
                new ScoreCase("node with taints tolerated by the pod, gets a higher score than those node with intolerable taints",
                        podWithTolerations(equal("foo", "bar", PNS)),
                        List.of(nodeWithTaints("nodeA", taint("foo", "bar", PNS)), nodeWithTaints("nodeB", taint("foo", "blah", PNS))),
                        list(100, 0)),
                new ScoreCase("the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has",
                        podWithTolerations(equal("cpu-type", "arm64", PNS), equal("disk-type", "ssd", PNS)),
                        List.of(nodeWithTaints("nodeA"), nodeWithTaints("nodeB", cpuArm), nodeWithTaints("nodeC", cpuArm, diskSsd)),
                        list(100, 100, 100)),
                new ScoreCase("the more intolerable taints a node has, the lower score it gets.",
                        podWithTolerations(equal("foo", "bar", PNS)),
                        List.of(nodeWithTaints("nodeA"), nodeWithTaints("nodeB", cpuArm), nodeWithTaints("nodeC", cpuArm, diskSsd)),
                        list(100, 50, 0)),
                new ScoreCase("only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function",
                        podWithTolerations(equal("cpu-type", "arm64", NS), equal("disk-type", "ssd", NS)),
                        List.of(nodeWithTaints("nodeA"), nodeWithTaints("nodeB", taint("cpu-type", "arm64", NS)),
                                nodeWithTaints("nodeC", cpuArm, diskSsd)),
                        list(100, 100, 0)),
                new ScoreCase("Default behaviour No taints and tolerations, lands on node with no taints",
                        podWithTolerations(), List.of(nodeWithTaints("nodeA"), nodeWithTaints("nodeB", cpuArm)),
                        list(100, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scoreCases")
    void taintTolerationScore(ScoreCase c) {
        assertEquals(c.want, list(Harness.score(new TaintToleration(), Cache.of(c.nodes), c.pod)));
    }

    record FilterCase(String name, Pod pod, KubeNode node, Optional<String> wantReason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<FilterCase> filterCases() {
        Optional<String> rejected = Optional.of(TaintToleration.ERR_REASON_NOT_MATCH);
        Taint user1 = taint("dedicated", "user1", NS);
        return Stream.of(
                new FilterCase("A pod having no tolerations can't be scheduled onto a node with nonempty taints",
                        podWithTolerations(), nodeWithTaints("nodeA", user1), rejected),
                new FilterCase("A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule",
                        podWithTolerations(equal("dedicated", "user1", NS)), nodeWithTaints("nodeA", user1), Optional.empty()),
                new FilterCase("A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
                        podWithTolerations(equal("dedicated", "user2", NS)), nodeWithTaints("nodeA", user1), rejected),
                new FilterCase("A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node",
                        podWithTolerations(Toleration.exists("foo", NS)), nodeWithTaints("nodeA", taint("foo", "bar", NS)),
                        Optional.empty()),
                new FilterCase("A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node",
                        podWithTolerations(equal("dedicated", "user2", NS), Toleration.exists("foo", NS)),
                        nodeWithTaints("nodeA", taint("dedicated", "user2", NS), taint("foo", "bar", NS)), Optional.empty()),
                new FilterCase("A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
                        podWithTolerations(equal("foo", "bar", PNS)), nodeWithTaints("nodeA", taint("foo", "bar", NS)), rejected),
                new FilterCase("The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node",
                        podWithTolerations(new Toleration("foo", Toleration.Operator.EQUAL, "bar", Optional.empty(), OptionalLong.empty())),
                        nodeWithTaints("nodeA", taint("foo", "bar", NS)), Optional.empty()),
                new FilterCase("The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
                        podWithTolerations(equal("dedicated", "user2", NS)), nodeWithTaints("nodeA", taint("dedicated", "user1", PNS)),
                        Optional.empty()),
                new FilterCase("The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
                        podWithTolerations(), nodeWithTaints("nodeA", taint("dedicated", "user1", PNS)), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void taintTolerationFilter(FilterCase c) {
        Status s = Harness.filter(new TaintToleration(), Cache.of(List.of(c.node)), c.pod, "nodeA");
        if (c.wantReason.isEmpty()) {
            assertEquals(Status.Code.SUCCESS, s.code());
        } else {
            assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, s.code());
            assertEquals(c.wantReason.get(), s.message());
        }
    }

    /**
     * The bulk filter works a verdict out once per list of taints and gives it to every node with an
     * equal list: across one call it must still agree with the filter node by node, for lists equal
     * but separately made, lists of the same taints in another order, and a node whose taints change.
     */
    @Test
    void filterAllAgreesWithFilterAcrossNodesSharingTheirTaints() {
        Taint user1 = taint("dedicated", "user1", NS);
        Taint foo = taint("foo", "bar", NS);
        Taint soft = taint("soft", "", PNS);
        Cache cluster = Cache.of(List.of(nodeWithTaints("n1"), nodeWithTaints("n2", user1), nodeWithTaints("n3", foo),
                nodeWithTaints("n4", taint("dedicated", "user1", NS)), nodeWithTaints("n5", user1, foo),
                nodeWithTaints("n6", foo, user1), nodeWithTaints("n7", soft), nodeWithTaints("n8", soft, user1)));
        List<Pod> pods = List.of(podWithTolerations(), podWithTolerations(equal("dedicated", "user1", NS)),
                podWithTolerations(Toleration.exists("foo", NS)),
                podWithTolerations(equal("dedicated", "user1", NS), Toleration.exists("foo", NS)));
        for (Pod pod : pods) {
            assertBulkAgrees(cluster, pod);
        }
        cluster.updateNode(cluster.node("n2").orElseThrow().withTaints(List.of(foo)));
        cluster.updateNode(cluster.node("n3").orElseThrow().withTaints(List.of()));
        for (Pod pod : pods) {
            assertBulkAgrees(cluster, pod);
        }
    }

    private static void assertBulkAgrees(Cache cluster, Pod pod) {
        TaintToleration plugin = new TaintToleration();
        CycleState state = new CycleState(cluster);
        PodInfo info = new PodInfo(pod);
        NodeInfo[] nodes = cluster.nodesByIndex().toArray(new NodeInfo[0]);
        Status[] one = new Status[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            one[i] = plugin.filter(state, info, nodes[i]);
        }
        Status[] bulk = new Status[nodes.length];
        Arrays.fill(bulk, Status.SUCCESS);
        plugin.filterAll(state, info, nodes, Arrays.stream(nodes).mapToInt(NodeInfo::index).toArray(), nodes.length, bulk);
        assertEquals(Arrays.asList(one), Arrays.asList(bulk), "tolerations " + pod.tolerations());
    }
}
