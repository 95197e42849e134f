package io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread;

import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.BAR;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.FOO;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.HARD;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.HONOR;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.IGNORE;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.bare;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.existing;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.existingIn;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.incoming;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.named;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.spread;
import static io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread.SpreadFixtures.zoned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import io.flotilla.scheduler.placement.kubernetes.plugins.Harness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go}
 * (TestSingleConstraint, TestMultipleConstraints), by name, with the same status code per node.
 * As upstream, only this plugin runs: nodes other plugins would reject still pass here. The
 * "terminating Pods should be excluded" cases are left out (pods here do not terminate in place).
 */
class PodTopologySpreadFilterTest {

    static final Status.Code S = Status.Code.SUCCESS;
    static final Status.Code U = Status.Code.UNSCHEDULABLE;
    static final Status.Code R = Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE;

    record Case(String name, Pod pod, List<KubeNode> nodes, List<Harness.Bound> existing, Map<String, Status.Code> want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Map<String, Status.Code> want(Object... nodeAndCode) {
        Map<String, Status.Code> m = new LinkedHashMap<>();
        for (int i = 0; i < nodeAndCode.length; i += 2) {
            m.put((String) nodeAndCode[i], (Status.Code) nodeAndCode[i + 1]);
        }
        return m;
    }

    static final List<KubeNode> FOUR = List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), zoned("node-x", "zone2"),
            zoned("node-y", "zone2"));

    /** Matching pods spread as 2/1/0/3 over node-a, node-b, node-x, node-y. */
    static final List<Harness.Bound> TWO_ONE_ZERO_THREE = List.of(existing("p-a1", "node-a"), existing("p-a2", "node-a"),
            existing("p-b1", "node-b"), existing("p-y1", "node-y"), existing("p-y2", "node-y"), existing("p-y3", "node-y"));

    static Stream<Case> singleConstraint() {
        return Stream.of(
                new Case("no existing pods", incoming("foo").spread(spread(1, "zone", HARD, FOO)).build(), FOUR, List.of(),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S)),
                new Case("no existing pods, incoming pod doesn't match itself",
                        incoming("foo").spread(spread(1, "zone", HARD, BAR)).build(), FOUR, List.of(),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S)),
                new Case("existing pods in a different namespace do not count",
                        incoming("foo").spread(spread(1, "zone", HARD, FOO)).build(), FOUR,
                        List.of(existingIn("ns1", "p-a1", "node-a"), existingIn("ns2", "p-b1", "node-a"),
                                existing("p-x1", "node-x"), existing("p-y1", "node-y")),
                        want("node-a", S, "node-b", S, "node-x", U, "node-y", U)),
                new Case("existing pods do not match null selector",
                        incoming("foo").spread(spread(1, "zone", HARD, null)).build(), FOUR,
                        List.of(existing("p-x1", "node-x"), existing("p-y1", "node-y")),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S)),
                new Case("pods spread across zones as 3/3, all nodes fit",
                        incoming("foo").spread(spread(1, "zone", HARD, FOO)).build(), FOUR, TWO_ONE_ZERO_THREE,
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S)),
                new Case("pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
                        incoming("foo").spread(spread(1, "zone", HARD, FOO)).build(),
                        List.of(zoned("node-a", "zone1"), bare("node-b").label("zon", "zone1").label("node", "node-b").build(),
                                zoned("node-x", "zone2"), zoned("node-y", "zone2")),
                        List.of(existing("p-a1", "node-a"), existing("p-b1", "node-b"), existing("p-x1", "node-x"),
                                existing("p-y1", "node-y")),
                        want("node-a", S, "node-b", R, "node-x", U, "node-y", U)),
                new Case("pod cannot be scheduled as all nodes don't have label 'rack'",
                        incoming("foo").spread(spread(1, "rack", HARD, FOO)).build(),
                        List.of(zoned("node-a", "zone1"), zoned("node-x", "zone2")), List.of(),
                        want("node-a", R, "node-x", R)),
                new Case("pods spread across nodes as 2/1/0/3, only node-x fits",
                        incoming("foo").spread(spread(1, "node", HARD, FOO)).build(), FOUR, TWO_ONE_ZERO_THREE,
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U)),
                new Case("pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit",
                        incoming("foo").spread(spread(2, "node", HARD, FOO)).build(), FOUR, TWO_ONE_ZERO_THREE,
                        want("node-a", U, "node-b", S, "node-x", S, "node-y", U)),
                new Case("pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
                        incoming("bar").spread(spread(1, "node", HARD, FOO)).build(), FOUR, TWO_ONE_ZERO_THREE,
                        want("node-a", U, "node-b", S, "node-x", S, "node-y", U)),
                new Case("incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits",
                        incoming("foo").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(
                                NodeSelectorRequirement.in("node", "node-a", "node-y")))).spread(spread(1, "node", HARD, FOO)).build(),
                        FOUR, TWO_ONE_ZERO_THREE, want("node-a", S, "node-b", S, "node-x", S, "node-y", U)),
                new Case("incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits",
                        incoming("foo").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(
                                NodeSelectorRequirement.notIn("node", "node-b")))).spread(spread(1, "zone", HARD, FOO)).build(),
                        FOUR, List.of(existing("p-b1", "node-b"), existing("p-b2", "node-b"), existing("p-y1", "node-y")),
                        want("node-a", S, "node-b", S, "node-x", U, "node-y", U)),
                new Case("pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits",
                        incoming("foo").spread(spread(2, "node", HARD, FOO, 4, null, null)).build(),
                        List.of(named("node-a"), named("node-b"), named("node-c")), twoTwoOne(),
                        want("node-a", U, "node-b", U, "node-c", S)),
                new Case("pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit",
                        incoming("foo").spread(spread(2, "node", HARD, FOO, 2, null, null)).build(),
                        List.of(named("node-a"), named("node-b"), named("node-c")), twoTwoOne(),
                        want("node-a", S, "node-b", S, "node-c", S)),
                new Case("pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit",
                        incoming("foo").spread(spread(2, "zone", HARD, FOO, 3, null, null)).build(), FOUR,
                        List.of(existing("p-b1", "node-a"), existing("p-b2", "node-b"), existing("p-y1", "node-y")),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", S)),
                new Case("pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit",
                        incoming("foo").spread(spread(2, "zone", HARD, FOO, 1, null, null)).build(), FOUR,
                        List.of(existing("p-b1", "node-a"), existing("p-b2", "node-b"), existing("p-y1", "node-y")),
                        want("node-a", S, "node-b", S, "node-x", S, "node-y", S)),
                new Case("NodeAffinityPolicy honored with labelSelectors",
                        incoming("foo").nodeSelector("foo", "").spread(spread(1, "node", HARD, FOO)).build(), fooNodes(false),
                        oneOneZeroOne(), want("node-a", U, "node-b", U, "node-x", S, "node-y", S)),
                new Case("NodeAffinityPolicy ignored with labelSelectors",
                        incoming("foo").nodeSelector("foo", "").spread(spread(1, "node", HARD, FOO, null, IGNORE, null)).build(),
                        fooNodes(false), oneOneZeroOne(), want("node-a", U, "node-b", U, "node-x", S, "node-y", U)),
                new Case("NodeAffinityPolicy honored with nodeAffinity",
                        incoming("foo").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(NodeSelectorRequirement.in("foo", ""))))
                                .spread(spread(1, "node", HARD, FOO)).build(),
                        fooNodes(false), oneOneZeroOne(), want("node-a", U, "node-b", U, "node-x", S, "node-y", S)),
                new Case("NodeAffinityPolicy ignored with nodeAffinity",
                        incoming("foo").nodeAffinity(NodeAffinity.required(NodeSelectorTerm.of(NodeSelectorRequirement.in("foo", ""))))
                                .spread(spread(1, "node", HARD, FOO, null, IGNORE, null)).build(),
                        fooNodes(false), oneOneZeroOne(), want("node-a", U, "node-b", U, "node-x", S, "node-y", U)),
                new Case("NodeTaintsPolicy honored",
                        incoming("foo").spread(spread(1, "node", HARD, FOO, null, null, HONOR)).build(), fooNodes(true),
                        oneOneZeroOne(), want("node-a", U, "node-b", U, "node-x", S, "node-y", S)),
                new Case("NodeTaintsPolicy ignored",
                        incoming("foo").spread(spread(1, "node", HARD, FOO)).build(), fooNodes(true),
                        oneOneZeroOne(), want("node-a", U, "node-b", U, "node-x", S, "node-y", U)));
    }

    static List<Harness.Bound> twoTwoOne() {
        return List.of(existing("p-a1", "node-a"), existing("p-a2", "node-a"), existing("p-b1", "node-b"),
                existing("p-b2", "node-b"), existing("p-c1", "node-c"));
    }

    static List<Harness.Bound> oneOneZeroOne() {
        return List.of(existing("p-b1", "node-a"), existing("p-b2", "node-b"), existing("p-y1", "node-y"));
    }

    /** node-a, node-b, node-x labelled foo=""; node-y not (or, with {@code taintY}, tainted unschedulable instead). */
    static List<KubeNode> fooNodes(boolean taintY) {
        KubeNode y = taintY ? bare("node-y").label("node", "node-y").taint(SpreadFixtures.UNSCHEDULABLE).build()
                : named("node-y");
        return List.of(bare("node-a").label("node", "node-a").label("foo", "").build(),
                bare("node-b").label("node", "node-b").label("foo", "").build(),
                bare("node-x").label("node", "node-x").label("foo", "").build(), y);
    }

    static Stream<Case> multipleConstraints() {
        TopologySpreadConstraint zoneFoo = spread(1, "zone", HARD, FOO);
        TopologySpreadConstraint nodeFoo = spread(1, "node", HARD, FOO);
        TopologySpreadConstraint nodeBar = spread(1, "node", HARD, BAR);
        return Stream.of(
                new Case("two Constraints on zone and node, spreads = [3/3, 2/1/0/3]",
                        incoming("foo").spread(zoneFoo).spread(nodeFoo).build(), FOUR, TWO_ONE_ZERO_THREE,
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U)),
                new Case("two Constraints on zone and node, spreads = [3/4, 2/1/0/4]",
                        incoming("foo").spread(zoneFoo).spread(nodeFoo).build(), FOUR,
                        List.of(existing("p-a1", "node-a"), existing("p-a2", "node-a"), existing("p-b1", "node-b"),
                                existing("p-y1", "node-y"), existing("p-y2", "node-y"), existing("p-y3", "node-y"),
                                existing("p-y4", "node-y")),
                        want("node-a", U, "node-b", U, "node-x", U, "node-y", U)),
                new Case("Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]",
                        incoming("foo", "bar").spread(zoneFoo).spread(nodeBar).build(), FOUR,
                        List.of(existing("p-a1", "node-a"), existing("p-y1", "node-y", "bar")),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U)),
                new Case("Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]",
                        incoming("foo", "bar").spread(zoneFoo).spread(nodeBar).build(), FOUR,
                        List.of(existing("p-a1", "node-a"), existing("p-x1", "node-x", "bar"), existing("p-y1", "node-y", "bar")),
                        want("node-a", U, "node-b", U, "node-x", U, "node-y", U)),
                new Case("Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]",
                        incoming("foo", "bar").spread(zoneFoo).spread(nodeBar).build(), FOUR,
                        List.of(existing("p-a1", "node-a"), existing("p-a2", "node-a", "foo", "bar"), existing("p-y1", "node-y"),
                                existing("p-y2", "node-y", "foo", "bar"), existing("p-y3", "node-y")),
                        want("node-a", U, "node-b", S, "node-x", U, "node-y", U)),
                new Case("Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint",
                        incoming("bar").spread(zoneFoo).spread(nodeBar).build(), FOUR,
                        List.of(existing("p-a1", "node-a"), existing("p-x1", "node-x", "bar"), existing("p-y1", "node-y", "bar")),
                        want("node-a", S, "node-b", S, "node-x", U, "node-y", U)),
                new Case("two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
                        incoming("foo").spread(zoneFoo).spread(nodeFoo).build(),
                        List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), bare("node-x").label("zone", "zone2").build(),
                                zoned("node-y", "zone2")),
                        List.of(existing("p-a1", "node-a"), existing("p-y3", "node-y")),
                        want("node-a", U, "node-b", S, "node-x", R, "node-y", U)),
                new Case("two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore",
                        incoming("foo").nodeSelector("foo", "").spread(zoneFoo)
                                .spread(spread(1, "node", HARD, FOO, null, IGNORE, null)).build(),
                        List.of(bare("node-a").label("zone", "zone1").label("node", "node-a").label("foo", "").build(),
                                bare("node-b").label("zone", "zone1").label("node", "node-b").label("foo", "").build(),
                                bare("node-x").label("zone", "zone2").label("node", "node-x").label("foo", "").build(),
                                zoned("node-y", "zone2")),
                        List.of(existing("p-a1", "node-a"), existing("p-b1", "node-b"), existing("p-y1", "node-y")),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U)),
                new Case("two node inclusion Constraints, zone: honor/honor, node: honor/ignore",
                        incoming("foo").spread(spread(1, "zone", HARD, FOO, null, null, HONOR)).spread(nodeFoo).build(),
                        List.of(bare("node-a").label("zone", "zone1").label("node", "node-a").label("foo", "").build(),
                                bare("node-b").label("zone", "zone1").label("node", "node-b").label("foo", "").build(),
                                bare("node-x").label("zone", "zone2").label("node", "node-x").label("foo", "").build(),
                                bare("node-y").label("zone", "zone2").label("node", "node-y").taint(SpreadFixtures.UNSCHEDULABLE).build()),
                        List.of(existing("p-a1", "node-a"), existing("p-b1", "node-b"), existing("p-y1", "node-y")),
                        want("node-a", U, "node-b", U, "node-x", S, "node-y", U)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleConstraint")
    void singleConstraint(Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multipleConstraints")
    void multipleConstraints(Case c) {
        check(c);
    }

    private static void check(Case c) {
        Cache cluster = Harness.cluster(c.nodes, c.existing);
        PodTopologySpread plugin = new PodTopologySpread();
        CycleState state = new CycleState(cluster);
        PodInfo pod = new PodInfo(c.pod);
        assertEquals(Status.SUCCESS, plugin.preFilter(state, pod).status());
        Map<String, Status.Code> got = new LinkedHashMap<>();
        for (KubeNode n : c.nodes) {
            got.put(n.name(), plugin.filter(state, pod, cluster.nodeInfo(n.name()).orElseThrow()).code());
        }
        assertEquals(c.want, got);
    }
}
