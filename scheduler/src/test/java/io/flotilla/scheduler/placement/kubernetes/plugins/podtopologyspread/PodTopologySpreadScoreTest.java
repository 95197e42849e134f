package io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.BAR;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.FOO;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.IGNORE;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.SOFT;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.bare;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.existing;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.existingIn;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.host;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.incoming;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.named;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.spread;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.zonedHost;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.plugins.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go}
 * (TestPodTopologySpreadScore), by name, with the same normalised scores. {@code nodes} are the
 * candidates that passed Filter, {@code failed} the other nodes of the cluster. The terminating-pod
 * and matchLabelKeys-gate cases are left out.
 */
class PodTopologySpreadScoreTest {

    static final String HOST = KubeNode.HOSTNAME_LABEL;

    record Case(String name, Pod pod, List<Harness.Bound> existing, List<KubeNode> nodes, List<KubeNode> failed,
            List<Long> want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Harness.Bound> pods(String... nodeCounts) {
        List<Harness.Bound> out = new ArrayList<>();
        for (String nc : nodeCounts) {
            String[] parts = nc.split("=");
            for (int i = 1; i <= Integer.parseInt(parts[1]); i++) {
                out.add(existing("p-" + parts[0] + i, "node-" + parts[0]));
            }
        }
        return out;
    }

    static Stream<Case> cases() {
        List<KubeNode> abcdHosts = List.of(host("node-a"), host("node-b"), host("node-c"), host("node-d"));
        Pod fooOnHost = incoming("foo").spread(spread(1, HOST, SOFT, FOO)).build();
        Pod fooOnZone = incoming("foo").spread(spread(1, "zone", SOFT, FOO)).build();
        List<Harness.Bound> fourTwoOneThree = pods("a=4", "b=2", "x=1", "y=3");
        List<KubeNode> abcNamed = List.of(named("node-a"), named("node-b"), named("node-c"));
        List<Harness.Bound> twoOneOne = List.of(existing("p-a1", "node-a"), existing("p-a2", "node-a"),
                existing("p-b1", "node-b"), existing("p-c1", "node-c"));
        List<KubeNode> fooNamed = List.of(bare("node-a").label("node", "node-a").label("foo", "").build(),
                bare("node-b").label("node", "node-b").label("foo", "").build(), named("node-c"));
        List<KubeNode> fourZoned = List.of(zonedHost("node-a", "zone1"), zonedHost("node-b", "zone1"),
                zonedHost("node-x", "zone2"), zonedHost("node-y", "zone2"));
        return Stream.of(
                new Case("one constraint on node, no existing pods", fooOnHost, List.of(),
                        List.of(host("node-a"), host("node-b")), List.of(), list(100, 100)),
                new Case("one constraint on node, only one node is candidate", fooOnHost, pods("a=2", "b=1"),
                        List.of(host("node-a")), List.of(host("node-b")), list(100)),
                new Case("one constraint on node, all nodes have the same number of matching pods", fooOnHost,
                        pods("a=1", "b=1"), List.of(host("node-a"), host("node-b")), List.of(), list(100, 100)),
                new Case("one constraint on node, all 4 nodes are candidates", fooOnHost, pods("a=2", "b=1", "d=3"),
                        abcdHosts, List.of(), list(20, 60, 100, 0)),
                new Case("one constraint on node, null selector", incoming("foo").spread(spread(1, HOST, SOFT, null)).build(),
                        pods("a=2", "b=1", "d=3"), abcdHosts, List.of(), list(100, 100, 100, 100)),
                new Case("one constraint on node, all 4 nodes are candidates, maxSkew=2",
                        incoming("foo").spread(spread(2, HOST, SOFT, FOO)).build(), pods("a=2", "b=1", "d=3"), abcdHosts,
                        List.of(), list(33, 66, 100, 16)),
                new Case("one constraint on node, all 4 nodes are candidates, maxSkew=3",
                        incoming("foo").spread(spread(3, HOST, SOFT, FOO)).build(), pods("a=4", "b=3", "c=2", "d=1"),
                        abcdHosts, List.of(), list(44, 66, 77, 100)),
                new Case("system defaulting, nodes don't have zone, pods match service",
                        incoming("foo").ownerSelector(LabelSelector.of("foo", "")).build(), pods("a=4", "b=3", "c=2", "d=1"),
                        abcdHosts, List.of(), list(44, 66, 77, 100)),
                new Case("one constraint on node, 3 out of 4 nodes are candidates", fooOnHost, fourTwoOneThree,
                        List.of(host("node-a"), host("node-b"), host("node-x")), List.of(host("node-y")), list(33, 83, 100)),
                new Case("one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
                        fooOnHost, fourTwoOneThree,
                        List.of(host("node-a"), bare("node-b").label("n", "node-b").build(), host("node-x")),
                        List.of(host("node-y")), list(16, 0, 100)),
                new Case("one constraint on zone, 3 out of 4 nodes are candidates", fooOnZone, fourTwoOneThree,
                        fourZoned.subList(0, 3), List.of(fourZoned.get(3)), list(75, 75, 100)),
                new Case("two Constraints on zone and node, 2 out of 4 nodes are candidates",
                        incoming("foo").spread(spread(1, "zone", SOFT, FOO)).spread(spread(1, HOST, SOFT, FOO)).build(),
                        pods("a=2", "b=1", "x=2", "y=4"), List.of(fourZoned.get(0), fourZoned.get(2)),
                        List.of(fourZoned.get(1), fourZoned.get(3)), list(100, 63)),
                new Case("two Constraints on zone and node, with different labelSelectors",
                        incoming("foo", "bar").spread(spread(1, "zone", SOFT, FOO)).spread(spread(1, HOST, SOFT, BAR)).build(),
                        List.of(existing("p-a1", "node-a"), existing("p-b1", "node-b", "foo", "bar"),
                                existing("p-y1", "node-y"), existing("p-y2", "node-y", "bar")),
                        fourZoned, List.of(), list(60, 20, 100, 60)),
                new Case("two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods",
                        incoming("foo", "bar").spread(spread(1, "zone", SOFT, FOO)).spread(spread(1, HOST, SOFT, BAR)).build(),
                        List.of(existing("p-b1", "node-b", "bar"), existing("p-x1", "node-x"),
                                existing("p-y1", "node-y", "foo", "bar")),
                        fourZoned, List.of(), list(100, 60, 40, 0)),
                new Case("two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates",
                        incoming("foo", "bar").spread(spread(1, "zone", SOFT, FOO)).spread(spread(1, HOST, SOFT, BAR)).build(),
                        List.of(existing("p-a1", "node-a"), existing("p-b1", "node-b", "foo", "bar"),
                                existing("p-y1", "node-y"), existing("p-y2", "node-y", "bar")),
                        fourZoned.subList(0, 3), List.of(fourZoned.get(3)), list(50, 25, 100)),
                new Case("existing pods in a different namespace do not count", fooOnHost,
                        List.of(existingIn("ns1", "p-a1", "node-a"), existing("p-a2", "node-a"), existing("p-b1", "node-b"),
                                existing("p-b2", "node-b")),
                        List.of(host("node-a"), host("node-b")), List.of(), list(100, 33)),
                new Case("minDomains has no effect when ScheduleAnyway",
                        incoming("foo").spread(spread(2, "node", SOFT, FOO, 10, null, null)).build(),
                        List.of(existing("p-a1", "node-a"), existing("p-a2", "node-a"), existing("p-b1", "node-b"),
                                existing("p-b2", "node-b"), existing("p-c1", "node-c")),
                        abcNamed, List.of(), list(75, 75, 100)),
                new Case("NodeAffinityPolicy honoed with labelSelectors",
                        incoming("foo").nodeSelector("foo", "").spread(spread(1, "node", SOFT, FOO)).build(), twoOneOne,
                        fooNamed, List.of(), list(0, 33, 100)),
                new Case("NodeAffinityPolicy ignored with labelSelectors",
                        incoming("foo").nodeSelector("foo", "").spread(spread(1, "node", SOFT, FOO, null, IGNORE, null)).build(),
                        twoOneOne, fooNamed, List.of(), list(66, 100, 100)),
                new Case("NodeAffinityPolicy honoed with nodeAffinity",
                        incoming("foo").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(NodeSelectorRequirement.in("foo", ""))))
                                .spread(spread(1, "node", SOFT, FOO)).build(),
                        twoOneOne, fooNamed, List.of(), list(0, 33, 100)),
                new Case("NodeAffinityPolicy ignored with nodeAffinity",
                        incoming("foo").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(NodeSelectorRequirement.in("foo", ""))))
                                .spread(spread(1, "node", SOFT, FOO, null, IGNORE, null)).build(),
                        twoOneOne, fooNamed, List.of(), list(66, 100, 100)),
                new Case("NodeTaintsPolicy honored",
                        incoming("foo").spread(spread(1, "node", SOFT, FOO, null, null, SpreadFixtures.HONOR)).build(), twoOneOne,
                        List.of(named("node-a"), named("node-b"),
                                bare("node-c").label("node", "node-c").taint(SpreadFixtures.UNSCHEDULABLE).build()),
                        List.of(), list(0, 33, 100)),
                new Case("NodeTaintsPolicy ignored", incoming("foo").spread(spread(1, "node", SOFT, FOO)).build(), twoOneOne,
                        List.of(named("node-a"), named("node-b"),
                                bare("node-c").label("node", "node-c").taint(SpreadFixtures.UNSCHEDULABLE).build()),
                        List.of(), list(66, 100, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void podTopologySpreadScore(Case c) {
        List<KubeNode> all = new ArrayList<>(c.nodes);
        all.addAll(c.failed);
        Cache cluster = Harness.cluster(all, c.existing);
        List<String> candidates = c.nodes.stream().map(KubeNode::name).toList();
        assertEquals(c.want, list(Harness.score(new PodTopologySpread(), cluster, c.pod, candidates)));
    }
}
