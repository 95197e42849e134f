package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.kubernetes.EndpointsChange;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The EndpointSlice controller compares the pods with what it wrote and makes a list only from the
 * first difference on, sharing what lies before it and handing on every unchanged endpoint as the
 * object it wrote: every write must still be exactly the endpoints made afresh from the store, and
 * differ from the write before it.
 */
class EndpointSlicesTest {

    @Test
    void everyWriteIsTheStoresEndpointsAndAnUnchangedEndpointIsTheSameObject() {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 5, 2 * S, 5 * S, 7 * S);
        w.at(0, () -> w.plane.deploy(FakeWorld.service("web", 40, "nginx:1.27"), KubernetesPodSpec.NONE));
        w.at(0, () -> w.plane.deploy(FakeWorld.service("api", 25, "api:1"), KubernetesPodSpec.NONE));
        w.at(30 * S, () -> w.kubelet("node-2").crash());
        w.at(100 * S, () -> w.kubelet("node-3").reachable = false);
        w.at(200 * S, () -> w.kubelet("node-3").reachable = true);
        w.at(420 * S, () -> w.plane.scale("web", 60));
        w.at(500 * S, () -> w.plane.deploy(FakeWorld.service("api", 25, "api:2"), KubernetesPodSpec.NONE));
        // between inputs, what was last written for each Service is what the store says now
        w.checkAfterEachStep(() -> {
            Map<String, List<ServiceEndpoint>> lastWritten = new HashMap<>();
            w.sliceWrites.forEach(write -> lastWritten.put(write.service(), write.endpoints()));
            lastWritten.forEach((service, endpoints) -> assertEquals(w.endpointsFromStore(service), endpoints,
                    service + " at " + w.now / S + "s"));
        });
        w.runUntil(1000 * S);

        Map<String, List<ServiceEndpoint>> last = new HashMap<>();
        int reused = 0;
        for (FakeWorld.SliceWrite write : w.sliceWrites) {
            String at = write.service() + " at " + write.time() / S + "s";
            assertEquals(write.fromStore(), write.endpoints(), at);
            List<ServiceEndpoint> before = last.getOrDefault(write.service(), List.of());
            assertNotEquals(before, write.endpoints(), at + ": written only when it changed");
            Map<String, ServiceEndpoint> written = new HashMap<>();
            before.forEach(e -> written.put(e.pod(), e));
            for (ServiceEndpoint e : write.endpoints()) {
                if (e.equals(written.get(e.pod()))) {
                    assertSame(written.get(e.pod()), e, at + ": " + e.pod());
                    reused++;
                }
            }
            last.put(write.service(), write.endpoints());
        }
        assertTrue(w.sliceWrites.size() > 100, "writes: " + w.sliceWrites.size());
        assertTrue(reused > 1000, "endpoints handed on: " + reused);
        assertTrue(w.sliceWrites.stream().anyMatch(write -> write.endpoints().stream().anyMatch(ServiceEndpoint::terminating)),
                "some endpoint was terminating");
    }

    /** A list built from another's first endpoints, across and within chunks, leaves the other as it was. */
    @Test
    void aListBuiltFromAnothersStartLeavesItAsItWas() {
        List<ServiceEndpoint> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(new ServiceEndpoint("pod-" + i, "node-" + i % 7, i % 3 != 0, true, false));
        }
        for (int size : new int[] {0, 1, 63, 64, 65, 128, 200, 300}) {
            EndpointList base = build(EndpointList.EMPTY, 0, all.subList(0, size));
            assertEquals(all.subList(0, size), base);
            for (int prefix : new int[] {0, 1, 63, 64, 65, 127, 128, 129, size}) {
                if (prefix > size) {
                    continue;
                }
                List<ServiceEndpoint> tail = new ArrayList<>();
                for (int i = 0; i < 70; i++) {
                    tail.add(new ServiceEndpoint("new-" + i, "node-0", true, true, false));
                }
                EndpointList next = build(base, prefix, tail);
                List<ServiceEndpoint> expected = new ArrayList<>(all.subList(0, prefix));
                expected.addAll(tail);
                assertEquals(expected, next, size + "/" + prefix);
                assertEquals(all.subList(0, size), base, "the base after " + size + "/" + prefix);
                assertEquals(all.subList(0, prefix), base.startingWith(prefix).build());
            }
            assertThrows(IndexOutOfBoundsException.class, () -> base.get(size));
            assertThrows(IndexOutOfBoundsException.class, () -> base.startingWith(size + 1));
        }
    }

    /**
     * A list tells which of its first endpoints are another's only for the whole chunks it was built
     * with, and where two lists differ comes out the same as when every endpoint is compared.
     */
    @Test
    void aListSharesTheWholeChunksItWasBuiltWithAndTheChangeIsTheSame() {
        List<ServiceEndpoint> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(new ServiceEndpoint("pod-" + i, "node-" + i % 7, true, true, false));
        }
        List<ServiceEndpoint> tail = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            tail.add(new ServiceEndpoint("new-" + i, "node-0", true, true, false));
        }
        for (int size : new int[] {0, 1, 63, 64, 65, 128, 200, 300}) {
            EndpointList base = build(EndpointList.EMPTY, 0, all.subList(0, size));
            assertEquals(0, build(EndpointList.EMPTY, 0, all.subList(0, size)).sharedPrefix(base), "equal, not shared");
            assertEquals(0, base.sharedPrefix(new ArrayList<>(base)));
            for (int prefix : new int[] {0, 1, 63, 64, 65, 127, 128, 129, size}) {
                if (prefix > size) {
                    continue;
                }
                for (EndpointList next : List.of(build(base, prefix, tail), build(base, prefix, List.of()))) {
                    String at = size + "/" + prefix + "+" + (next.size() - prefix);
                    int shared = next.sharedPrefix(base);
                    assertEquals(prefix / 64 * 64, shared, at);
                    for (int i = 0; i < shared; i++) {
                        assertSame(base.get(i), next.get(i), at + " at " + i);
                    }
                    assertEquals(EndpointsChange.between(new ArrayList<>(base), new ArrayList<>(next)),
                            EndpointsChange.between(base, next), at);
                }
            }
        }
    }

    private static EndpointList build(EndpointList base, int prefix, List<ServiceEndpoint> tail) {
        EndpointList.Builder b = base.startingWith(prefix);
        tail.forEach(e -> b.add(e, null)); // the pods do not matter here
        return b.build();
    }
}
