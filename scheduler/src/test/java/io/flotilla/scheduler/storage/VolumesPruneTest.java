package io.flotilla.scheduler.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docker volume prune} on one node, as moby's volume service prunes ({@code
 * VolumesService.Prune} in volume/service/service.go: {@code ByDriver(volume.DefaultDriverName)},
 * {@code ByReferenced(false)} as its {@code TestFindByReferenced} shows, and since API 1.42
 * anonymous volumes only unless {@code all}): what is removed, or why nothing is.
 */
class VolumesPruneTest {

    private static final long S = 1_000_000_000L;
    private static final Set<String> ALL_NAMES = Set.of("cache", "logs", "files", "data-db-0");

    private static Volumes volumes() {
        return new Volumes(List.of(
                VolumeSpec.local("cache"),
                VolumeSpec.local("logs"),
                VolumeSpec.network("files", "azurefile"),
                VolumeSpec.pinned("data-db-0", "local-ssd")));
    }

    /** Steps, then a prune on w1 with {@code referenced}, {@code all} and {@code matching}: what it removed, or why not. */
    record Case(String name, Consumer<Volumes> steps, Set<String> referenced, boolean all, Set<String> matching,
            List<String> removed, Optional<String> nothing) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** cache and logs on w1, written and stopped: unused. */
    private static void twoUnused(Volumes v) {
        v.mounted("cache", new Writer("web.1#1", "web.1"), "w1", 2 * S);
        v.mounted("logs", new Writer("web.1#1", "web.1"), "w1", 2 * S);
        v.unmounted("web.1#1", 30 * S);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("all: every unused local volume of the node", VolumesPruneTest::twoUnused, Set.of(), true, ALL_NAMES,
                        List.of("cache", "logs"), Optional.empty()),
                new Case("without all, named volumes stay (Docker 23, API 1.42)", VolumesPruneTest::twoUnused, Set.of(), false,
                        ALL_NAMES, List.of(), Optional.of("cache is a named volume, and without all: true only anonymous volumes "
                                + "are pruned (Docker 23, API 1.42); logs is a named volume, and without all: true only anonymous "
                                + "volumes are pruned (Docker 23, API 1.42)")),
                new Case("a volume a stopped container references stays", VolumesPruneTest::twoUnused, Set.of("cache"), true,
                        ALL_NAMES, List.of("logs"), Optional.empty()),
                new Case("a mounted volume stays", v -> v.mounted("cache", new Writer("web.1#1", "web.1"), "w1", 2 * S),
                        Set.of(), true, ALL_NAMES, List.of(), Optional.of("cache is used by a container")),
                new Case("the label filter picks", VolumesPruneTest::twoUnused, Set.of(), true, Set.of("logs"),
                        List.of("logs"), Optional.empty()),
                new Case("nothing matches the filter", VolumesPruneTest::twoUnused, Set.of(), true, Set.of(),
                        List.of(), Optional.of("cache does not match the filter; logs does not match the filter")),
                new Case("a plugin's volume and a Kubernetes local volume are not the local driver's", v -> {
                    v.mounted("files", new Writer("web.1#1", "web.1"), "w1", 2 * S);
                    v.mounted("data-db-0", new Writer("db-0#1", "db-0"), "w1", 2 * S);
                    v.unmounted("web.1#1", 10 * S);
                    v.unmounted("db-0#1", 10 * S);
                }, Set.of(), true, ALL_NAMES, List.of(), Optional.of("no local volume on w1")),
                new Case("another node's copy is not this node's", v -> {
                    v.mounted("cache", new Writer("web.1#1", "web.1"), "w2", 2 * S);
                    v.unmounted("web.1#1", 10 * S);
                }, Set.of(), true, ALL_NAMES, List.of(), Optional.of("no local volume on w1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void prunes(Case c) {
        Volumes v = volumes();
        c.steps().accept(v);
        Pruned pruned = v.prune("w1", c.referenced(), c.all(), c.matching(), 60 * S);
        assertEquals(c.removed(), pruned.removed());
        assertEquals(c.nothing(), pruned.nothing());
        assertEquals(c.removed().size(), pruned.changes().size());
        c.removed().forEach(name -> assertEquals(Optional.empty(), v.volume(VolumeKey.on(name, "w1")), name + " is gone"));
    }
}
