package io.flotilla.scheduler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PullPlanTest {

    private static final long MB = 1024 * 1024;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private static final Layer BASE = new Layer("debian", 50 * MB);
    private static final Layer RUNTIME = new Layer("node-18", 300 * MB);
    private static final Layer APP = new Layer("app-2", 20 * MB);

    record Case(String name, List<Layer> layers, Registry registry, long nodeBps, Set<String> onDisk, Set<String> downloading,
            List<Layer> fetched, List<Layer> present, List<Layer> inFlight, long nanos) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Registry hub = Registry.HUB;
        Registry slow = new Registry("hub", 50 * MB, 100 * MS);
        return Stream.of(
                new Case("one layer from the default hub: size over the node's bandwidth, as before layers",
                        List.of(new Layer("nginx", 100 * MB)), hub, 100 * MB, Set.of(), Set.of(),
                        List.of(new Layer("nginx", 100 * MB)), List.of(), List.of(), 1 * S),
                new Case("the slower bandwidth sets the pace, plus one latency for the manifest",
                        List.of(BASE, APP), slow, 100 * MB, Set.of(), Set.of(), List.of(BASE, APP), List.of(), List.of(),
                        100 * MS + 70 * S / 50),
                new Case("a node slower than the registry", List.of(APP), slow, 10 * MB, Set.of(), Set.of(),
                        List.of(APP), List.of(), List.of(), 100 * MS + 2 * S),
                new Case("layers on disk are not fetched again (moby: Already exists)", List.of(BASE, RUNTIME, APP), slow,
                        100 * MB, Set.of("debian", "node-18"), Set.of(), List.of(APP), List.of(BASE, RUNTIME), List.of(),
                        100 * MS + 400 * MS),
                new Case("a layer another pull is fetching is waited for, not fetched", List.of(BASE, APP), slow, 100 * MB,
                        Set.of(), Set.of("debian"), List.of(APP), List.of(), List.of(BASE), 100 * MS + 400 * MS),
                new Case("everything present: the manifest check alone", List.of(BASE, APP), slow, 100 * MB,
                        Set.of("debian", "app-2"), Set.of(), List.of(), List.of(BASE, APP), List.of(), 100 * MS),
                new Case("no limit anywhere takes no time", List.of(APP), hub, 0, Set.of(), Set.of(), List.of(APP), List.of(),
                        List.of(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansLikeMobysPull(Case c) {
        PullPlan plan = PullPlan.of(c.layers(), c.registry(), c.nodeBps(), c.onDisk()::contains, c.downloading()::contains);
        assertEquals(c.fetched(), plan.fetched());
        assertEquals(c.present(), plan.present());
        assertEquals(c.inFlight(), plan.inFlight());
        assertEquals(c.fetched().stream().mapToLong(Layer::sizeBytes).sum(), plan.fetchBytes());
        assertEquals(c.nanos(), plan.nanos());
    }
}
