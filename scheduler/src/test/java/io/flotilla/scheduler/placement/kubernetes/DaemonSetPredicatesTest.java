package io.flotilla.scheduler.placement.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases in the spirit of upstream {@code pkg/controller/daemon/daemon_controller_test.go}
 * TestNodeShouldRunDaemonPod, by its case names: resources do not matter to the daemon controller
 * (the scheduler decides), node selector and required node affinity do, NoSchedule taints stop new
 * pods, NoExecute taints also evict running ones, tolerated taints do neither.
 */
class DaemonSetPredicatesTest {

    record Case(String name, Pod pod, KubeNode node, boolean shouldRun, boolean shouldContinueRunning) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Pod.Builder daemonPod() {
        Pod.Builder b = Pod.builder("ds-pod").request(4000, 1L << 30);
        DaemonSetPredicates.tolerations(List.of()).forEach(b::toleration);
        return b;
    }

    static KubeNode.Builder node() {
        return KubeNode.builder("node1").cpu(1000).memory(1L << 30).label("type", "production");
    }

    static Stream<Case> cases() {
        Taint noSchedule = new Taint("key1", "value1", TaintEffect.NO_SCHEDULE);
        Taint noExecute = new Taint("key1", "value1", TaintEffect.NO_EXECUTE);
        Toleration tolerateAll = new Toleration("key1", Toleration.Operator.EQUAL, "value1", Optional.empty(), OptionalLong.empty());
        return Stream.of(
                new Case("simple", daemonPod().build(), node().build(), true, true),
                new Case("insufficient resource: the scheduler, not the controller, says no", daemonPod().build(),
                        node().cpu(100).build(), true, true),
                new Case("match node selector", daemonPod().nodeSelector("type", "production").build(), node().build(), true, true),
                new Case("mismatch node selector", daemonPod().nodeSelector("type", "test").build(), node().build(), false, false),
                new Case("match node affinity", daemonPod().nodeAffinity(NodeAffinity.required(
                        NodeSelectorTerm.of(NodeSelectorRequirement.in("type", "production")))).build(), node().build(), true, true),
                new Case("mismatch node affinity", daemonPod().nodeAffinity(NodeAffinity.required(
                        NodeSelectorTerm.of(NodeSelectorRequirement.in("type", "test")))).build(), node().build(), false, false),
                new Case("shouldn't run on a node with an untolerated NoSchedule taint, but keeps its pod",
                        daemonPod().build(), node().taint(noSchedule).build(), false, true),
                new Case("shouldn't run or stay on a node with an untolerated NoExecute taint",
                        daemonPod().build(), node().taint(noExecute).build(), false, false),
                new Case("runs on a node whose taints it tolerates", daemonPod().toleration(tolerateAll).build(),
                        node().taint(noSchedule).taint(noExecute).build(), true, true),
                new Case("keeps its pod on a cordoned, unreachable node but starts none there", daemonPod().build(), node().unschedulable()
                        .taint(new Taint("node.kubernetes.io/unreachable", "", TaintEffect.NO_EXECUTE))
                        .taint(new Taint("node.kubernetes.io/unreachable", "", TaintEffect.NO_SCHEDULE)).build(), false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nodeShouldRunDaemonPod(Case c) {
        assertEquals(new DaemonSetPredicates.Verdict(c.shouldRun(), c.shouldContinueRunning()),
                DaemonSetPredicates.nodeShouldRunDaemonPod(c.pod(), c.node()));
    }
}
