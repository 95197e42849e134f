package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ImageLocality's scaled sum, clamped to [23 MiB, 1000 MiB x containers] (upstream image_locality.go). */
class ImageLocalityTest {

    static final long MB = 1024 * 1024;

    @Test
    void anImageOnHalfTheNodesCountsHalfItsSize() {
        Cache c = Cache.of(List.of(node("n1").image("nginx", 500 * MB).build(), node("n2").build()));
        Pod p = pod("p").container(Container.of("c", "nginx:latest")).build();
        // 500 MiB x 1/2 = 250 MiB; 100 x (250 - 23) / (1000 - 23) = 23
        assertEquals(list(23, 0), list(Harness.score(new ImageLocality(), c, p)));
    }

    @Test
    void smallImagesScoreNothingAndLargeOnesAreCapped() {
        Cache c = Cache.of(List.of(node("n1").image("tiny:1", 20 * MB).image("huge:1", 5000 * MB).build()));
        assertEquals(list(0), list(Harness.score(new ImageLocality(), c, pod("p").container(Container.of("c", "tiny:1")).build())));
        assertEquals(list(100), list(Harness.score(new ImageLocality(), c, pod("p").container(Container.of("c", "huge:1")).build())));
    }
}
