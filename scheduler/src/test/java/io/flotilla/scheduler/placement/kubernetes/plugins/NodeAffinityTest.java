package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement.exists;
import static io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement.in;
import static io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement.notIn;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go}
 * (TestNodeAffinity: PreFilter result and Filter status; TestNodeAffinityPriority: normalised
 * scores), by name. The {@code addedAffinity} cases (a scheduler-profile argument) and the invalid
 * label value case (rejected at validation here) are left out.
 */
class NodeAffinityTest {

    static final NodeSelectorRequirement.Operator GT = NodeSelectorRequirement.Operator.GT;
    static final String NAME = NodeSelectorRequirement.NAME_FIELD;

    static Pod required(NodeSelectorTerm... terms) {
        return pod("p").nodeAffinity(NodeAffinity.required(terms)).build();
    }

    static NodeSelectorTerm term(List<NodeSelectorRequirement> expressions, List<NodeSelectorRequirement> fields) {
        return new NodeSelectorTerm(expressions, fields);
    }

    /**
     * @param preFilter what PreFilter returns: "skip", "ok", a node-name set, or "conflict"
     * @param fits whether Filter accepts the node
     */
    record Case(String name, Pod pod, Map<String, String> labels, String nodeName, String preFilter, Set<String> names,
            boolean fits) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Pod pod, Map<String, String> labels, boolean fits) {
        return new Case(name, pod, labels, "node", "ok", Set.of(), fits);
    }

    static Stream<Case> filterCases() {
        Map<String, String> fooBar = Map.of("foo", "bar");
        Map<String, String> gpu = Map.of("GPU", "NVIDIA-GRID-K1");
        return Stream.of(
                c("missing labels", pod("p").nodeSelector("foo", "bar").build(), Map.of(), false),
                c("same labels", pod("p").nodeSelector("foo", "bar").build(), fooBar, true),
                c("node labels are superset", pod("p").nodeSelector("foo", "bar").build(), Map.of("foo", "bar", "baz", "blah"), true),
                c("node labels are subset", pod("p").nodeSelector("foo", "bar").nodeSelector("baz", "blah").build(), fooBar, false),
                c("Pod with matchExpressions using In operator that matches the existing node",
                        required(NodeSelectorTerm.of(in("foo", "bar", "value2"))), fooBar, true),
                c("Pod with matchExpressions using Gt operator that matches the existing node",
                        required(NodeSelectorTerm.of(new NodeSelectorRequirement("kernel-version", GT, List.of("0204")))),
                        Map.of("kernel-version", "0206"), true),
                c("Pod with matchExpressions using NotIn operator that matches the existing node",
                        required(NodeSelectorTerm.of(notIn("mem-type", "DDR", "DDR2"))), Map.of("mem-type", "DDR3"), true),
                c("Pod with matchExpressions using Exists operator that matches the existing node",
                        required(NodeSelectorTerm.of(exists("GPU"))), gpu, true),
                c("Pod with affinity that don't match node's labels won't schedule onto the node",
                        required(NodeSelectorTerm.of(in("foo", "value1", "value2"))), fooBar, false),
                c("Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
                        required(NodeSelectorTerm.of()), fooBar, false),
                new Case("Pod with no Affinity will schedule onto a node", pod("p").build(), fooBar, "node", "skip", Set.of(), true),
                c("Pod with multiple matchExpressions ANDed that matches the existing node",
                        required(NodeSelectorTerm.of(exists("GPU"), notIn("GPU", "AMD", "INTER"))), gpu, true),
                c("Pod with multiple matchExpressions ANDed that doesn't match the existing node",
                        required(NodeSelectorTerm.of(exists("GPU"), in("GPU", "AMD", "INTER"))), gpu, false),
                c("Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
                        required(NodeSelectorTerm.of(in("foo", "bar", "value2")), NodeSelectorTerm.of(in("diffkey", "wrong", "value2"))),
                        fooBar, true),
                c("Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node",
                        pod("p").nodeSelector("foo", "bar").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(exists("foo")))).build(),
                        fooBar, true),
                c("Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
                        pod("p").nodeSelector("foo", "bar").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(exists("foo")))).build(),
                        Map.of("foo", "barrrrrr"), false),
                new Case("Pod with matchFields using In operator that matches the existing node",
                        required(NodeSelectorTerm.fields(in(NAME, "node1"))), Map.of(), "node1", "names", Set.of("node1"), true),
                new Case("Pod with matchFields using In operator that does not match the existing node",
                        required(NodeSelectorTerm.fields(in(NAME, "node1"))), Map.of(), "node2", "names", Set.of("node1"), false),
                new Case("Pod with two terms: matchFields does not match, but matchExpressions matches",
                        required(term(List.of(), List.of(in(NAME, "node1"), in(NAME, "node2"))), NodeSelectorTerm.of(in("foo", "bar"))),
                        fooBar, "node2", "ok", Set.of(), true),
                new Case("Pod with one term: matchFields does not match, but matchExpressions matches",
                        required(term(List.of(in("foo", "bar")), List.of(in(NAME, "node1")))), fooBar, "node2", "names",
                        Set.of("node1"), false),
                new Case("Pod with one term: both matchFields and matchExpressions match",
                        required(term(List.of(in("foo", "bar")), List.of(in(NAME, "node1")))), fooBar, "node1", "names",
                        Set.of("node1"), true),
                new Case("Pod with two terms: both matchFields and matchExpressions do not match",
                        required(NodeSelectorTerm.fields(in(NAME, "node1")), NodeSelectorTerm.of(in("foo", "not-match-to-bar"))),
                        fooBar, "node2", "ok", Set.of(), false),
                new Case("Pod with two terms of node.Name affinity",
                        required(NodeSelectorTerm.fields(in(NAME, "node1")), NodeSelectorTerm.fields(in(NAME, "node2"))),
                        Map.of(), "node2", "names", Set.of("node1", "node2"), true),
                new Case("Pod with two conflicting mach field requirements",
                        required(NodeSelectorTerm.fields(in(NAME, "node1"), in(NAME, "node2"))), fooBar, "node2", "conflict",
                        Set.of(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void nodeAffinity(Case c) {
        KubeNode.Builder b = KubeNode.builder(c.nodeName).withoutLabel(KubeNode.HOSTNAME_LABEL);
        c.labels.forEach(b::label);
        Cache cluster = Cache.of(List.of(b.build()));
        NodeAffinityPlugin plugin = new NodeAffinityPlugin();
        PreFilterResult pre = plugin.preFilter(new CycleState(cluster), new PodInfo(c.pod));
        switch (c.preFilter) {
            case "skip" -> assertEquals(Status.Code.SKIP, pre.status().code());
            case "ok" -> assertEquals(PreFilterResult.SUCCESS, pre);
            case "names" -> assertEquals(Optional.of(c.names), pre.nodeNames());
            case "conflict" -> assertEquals(Status.unresolvable(NodeAffinityPlugin.ERR_REASON_CONFLICT), pre.status());
            default -> throw new IllegalArgumentException(c.preFilter);
        }
        Status s = plugin.filter(new CycleState(cluster), new PodInfo(c.pod), cluster.nodeInfo(c.nodeName).orElseThrow());
        assertEquals(c.fits ? Status.SUCCESS : Status.unresolvable(NodeAffinityPlugin.ERR_REASON_POD), s);
    }

    record ScoreCase(String name, Pod pod, List<Map<String, String>> labels, List<Long> want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ScoreCase> priorityCases() {
        Map<String, String> label1 = Map.of("foo", "bar");
        Map<String, String> label2 = Map.of("key", "value");
        Map<String, String> label3 = Map.of("az", "az1");
        Map<String, String> label4 = Map.of("abc", "az11", "def", "az22");
        Map<String, String> label5 = Map.of("foo", "bar", "key", "value", "az", "az1");
        NodeAffinity affinity1 = NodeAffinity.NONE.withPreferred(2, NodeSelectorTerm.of(in("foo", "bar")));
        NodeAffinity affinity2 = NodeAffinity.NONE
                .withPreferred(2, NodeSelectorTerm.of(in("foo", "bar")))
                .withPreferred(4, NodeSelectorTerm.of(in("key", "value")))
                .withPreferred(5, NodeSelectorTerm.of(in("foo", "bar"), in("key", "value"), in("az", "az1")));
        return Stream.of(
                new ScoreCase("all nodes are same priority as NodeAffinity is nil", pod("p").build(),
                        List.of(label1, label2, label3), null),
                new ScoreCase("no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
                        pod("p").nodeAffinity(affinity1).build(), List.of(label4, label2, label3), list(0, 0, 0)),
                new ScoreCase("only node1 matches the preferred scheduling requirements of pod",
                        pod("p").nodeAffinity(affinity1).build(), List.of(label1, label2, label3), list(100, 0, 0)),
                new ScoreCase("all nodes matches the preferred scheduling requirements of pod but with different priorities ",
                        pod("p").nodeAffinity(affinity2).build(), List.of(label1, label5, label2), list(18, 100, 36)));
    }

    /** Upstream skips scoring a pod without preferred terms (null here); every node then adds 0. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("priorityCases")
    void nodeAffinityPriority(ScoreCase c) {
        List<KubeNode> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < c.labels.size(); i++) {
            nodes.add(new KubeNode("node" + (i + 1), new TreeMap<>(c.labels.get(i)), List.of(), false, new TreeMap<>(),
                    new TreeMap<>()));
        }
        assertEquals(c.want, list(Harness.score(new NodeAffinityPlugin(), Cache.of(nodes), c.pod)));
    }
}
