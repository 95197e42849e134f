package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Cache#addImage}, the update for a kubelet's pull, leaves the cache as the full
 * {@link Cache#updateNode} with the image added does: the nodes, the count of nodes holding each
 * image, the image sizes by node and the ImageLocality scores. Each case runs twice: with the image
 * sizes by node worked out before the pulls (then they must change in place) and without (then the
 * pull of an image no node held makes its sizes at once, and the others leave them to be worked out).
 */
class CacheAddImageTest {

    static final long MB = 1024 * 1024;

    record Pull(String node, String image, long sizeBytes) {}

    record Case(String name, List<KubeNode> nodes, List<Pull> pulls, List<String> probes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static KubeNode.Builder zoned(String name, String zone) {
        return node(name).label(KubeNode.ZONE_LABEL, zone).cpu(4000).memory(8L << 30);
    }

    static List<KubeNode> threeNodes() {
        return List.of(zoned("n1", "a").build(), zoned("n2", "b").build(), zoned("n3", "a").build());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("an image first seen in the cluster", threeNodes(),
                        List.of(new Pull("n2", "nginx:1", 300 * MB)), List.of("nginx:1")),
                new Case("a second pull of the same image on another node",
                        List.of(zoned("n1", "a").image("nginx:1", 300 * MB).build(), zoned("n2", "b").build(),
                                zoned("n3", "a").build()),
                        List.of(new Pull("n3", "nginx:1", 300 * MB)), List.of("nginx:1")),
                new Case("pulls of several images over several nodes, one after the other", threeNodes(),
                        List.of(new Pull("n1", "app:2", 600 * MB), new Pull("n1", "db:9", 900 * MB),
                                new Pull("n2", "app:2", 600 * MB), new Pull("n3", "cache:1", 100 * MB),
                                new Pull("n3", "app:2", 600 * MB)),
                        List.of("app:2", "db:9", "cache:1", "absent:1")),
                new Case("a name without a tag is held as :latest", threeNodes(),
                        List.of(new Pull("n1", "redis", 400 * MB), new Pull("n2", "library/redis", 400 * MB)),
                        List.of("redis:latest", "library/redis:latest")),
                new Case("a node that holds other images and carries taints keeps them",
                        List.of(zoned("n1", "a").image("base:1", 50 * MB)
                                        .taint(new Taint("soft", "", TaintEffect.PREFER_NO_SCHEDULE)).build(),
                                zoned("n2", "b").image("base:1", 50 * MB).unschedulable()
                                        .taint(new Taint("hard", "", TaintEffect.NO_SCHEDULE)).build()),
                        List.of(new Pull("n1", "app:1", 700 * MB), new Pull("n2", "app:1", 700 * MB)),
                        List.of("base:1", "app:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addImageIsTheFullUpdateWithTheImageAdded(Case c) {
        for (boolean sizesFirst : new boolean[] {true, false}) {
            Cache pulled = Cache.of(c.nodes());
            Cache updated = Cache.of(c.nodes());
            if (sizesFirst) {
                c.probes().forEach(pulled::imageSizes);
                c.probes().forEach(updated::imageSizes);
            }
            for (Pull p : c.pulls()) {
                pulled.addImage(p.node(), p.image(), p.sizeBytes());
                updated.updateNode(plus(updated.node(p.node()).orElseThrow(), p.image(), p.sizeBytes()));
                if (sizesFirst) {
                    assertEquals(state(updated, c.probes()), state(pulled, c.probes()), "after " + p);
                }
            }
            // reading the state works the sizes out, so without them first it is read once, at the end
            assertEquals(state(updated, c.probes()), state(pulled, c.probes()), "sizes first: " + sizesFirst);
        }
    }

    /** The full updates that come later (a taint, a removal) start from the node with its pulls. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void laterFullUpdatesSeeThePulls(Case c) {
        Cache pulled = Cache.of(c.nodes());
        Cache updated = Cache.of(c.nodes());
        for (Pull p : c.pulls()) {
            pulled.addImage(p.node(), p.image(), p.sizeBytes());
            updated.updateNode(plus(updated.node(p.node()).orElseThrow(), p.image(), p.sizeBytes()));
        }
        String tainted = c.pulls().get(0).node();
        Taint taint = new Taint("later", "", TaintEffect.PREFER_NO_SCHEDULE);
        pulled.updateNode(pulled.node(tainted).orElseThrow().withTaints(List.of(taint)));
        updated.updateNode(updated.node(tainted).orElseThrow().withTaints(List.of(taint)));
        assertEquals(state(updated, c.probes()), state(pulled, c.probes()), "after the taint");
        String removed = c.pulls().get(c.pulls().size() - 1).node();
        pulled.removeNode(removed);
        updated.removeNode(removed);
        assertEquals(state(updated, c.probes()), state(pulled, c.probes()), "after the removal");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anImageHeldAlreadyChangesNothing(Case c) {
        Cache pulled = Cache.of(c.nodes());
        c.pulls().forEach(p -> pulled.addImage(p.node(), p.image(), p.sizeBytes()));
        List<String> before = state(pulled, c.probes());
        for (Pull p : c.pulls()) {
            assertFalse(pulled.addImage(p.node(), p.image(), p.sizeBytes() + 1), p.toString());
        }
        assertEquals(before, state(pulled, c.probes()));
    }

    /** The node with one more image, built as the full update's caller builds it: from scratch. */
    static KubeNode plus(KubeNode n, String image, long sizeBytes) {
        TreeMap<String, Long> images = new TreeMap<>(n.images());
        images.put(image, sizeBytes);
        return new KubeNode(n.name(), n.labels(), n.taints(), n.unschedulable(), n.allocatable(), images);
    }

    /** What the plugins read of nodes and images, one line each, for a readable diff. */
    static List<String> state(Cache c, List<String> probes) {
        List<String> out = new ArrayList<>();
        out.add("order " + c.nodeNames() + ", preferNoSchedule " + c.preferNoScheduleNodes());
        for (NodeInfo n : c.nodesByIndex()) {
            out.add(n.index() + " " + n.node() + " labels " + new TreeMap<>(n.labels()) + " unschedulable "
                    + n.unschedulable() + " cpu " + c.table().allocatableMilliCpu(n.index()) + " filteringTaints "
                    + c.table().filteringTaints(n.index()));
        }
        for (String image : probes) {
            out.add(image + " on " + c.nodesWithImage(image) + " nodes, sizes " + Arrays.toString(c.imageSizes(image))
                    + ", ImageLocality " + Arrays.toString(Harness.score(new ImageLocality(), c,
                            pod("p").container(Container.of("c", image)).build())));
        }
        out.add("all probes ImageLocality " + Arrays.toString(Harness.score(new ImageLocality(), c,
                podOf(probes))));
        return out;
    }

    static Pod podOf(List<String> images) {
        Pod.Builder b = pod("all");
        for (int i = 0; i < images.size(); i++) {
            b.container(Container.of("c" + i, images.get(i)));
        }
        return b.build();
    }
}
