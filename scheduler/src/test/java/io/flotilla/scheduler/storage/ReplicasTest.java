package io.flotilla.scheduler.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statefulset's own asynchronous replication (lag 2s), at exact times: what a replica's volume
 * holds of the primary's writes, as PostgreSQL streaming replication would have it.
 */
class ReplicasTest {

    private static final long S = 1_000_000_000L;
    private static final Replication DB = new Replication("db", List.of("data"), 2 * S);

    /** A run's volumes and streams; every step is applied at its time, then the streams are updated. */
    static final class Run {
        final Volumes volumes = new Volumes(List.of(
                VolumeSpec.pinned("data-db-0", "local-ssd"),
                VolumeSpec.pinned("data-db-1", "local-ssd"),
                VolumeSpec.pinned("data-db-2", "local-ssd")));
        final Replicas replicas = new Replicas(List.of(DB));
        final Set<String> cut = new HashSet<>();
        final Set<String> serving = new HashSet<>();
        int changes;

        /** The lineage's task mounts its volume and its server runs at once. */
        Run mount(String lineage, String node, long at) {
            return mountOnly(lineage, node, at).serve(lineage, at);
        }

        Run mountOnly(String lineage, String node, long at) {
            volumes.mounted("data-" + lineage, new Writer(lineage + "#1", lineage), node, at);
            return update(at);
        }

        Run serve(String lineage, long at) {
            serving.add(lineage + "#1");
            return update(at);
        }

        Run crash(String node, long at) {
            volumes.nodeDown(node, at);
            return update(at);
        }

        Run stop(String lineage, long at) {
            volumes.unmounted(lineage + "#1", at);
            return update(at);
        }

        Run partition(String a, String b, long at) {
            cut.add(a + "|" + b);
            cut.add(b + "|" + a);
            return update(at);
        }

        Run heal(long at) {
            cut.clear();
            return update(at);
        }

        Run update(long at) {
            changes += replicas.update(volumes, (a, b) -> !cut.contains(a + "|" + b), serving::contains, at).size();
            return this;
        }
    }

    /** After the steps, at {@code now}: the replica volume's copy of db-0 ("none" when empty) and whether it streams. */
    record Case(String name, Consumer<Run> steps, String volume, String node, long now, String through, boolean streaming) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a streaming replica holds the primary's writes up to now - lag", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S),
                        "data-db-1", "w2", 60 * S, "58", true),
                new Case("just started: the base backup holds everything up to the start, before the lag catches up", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S),
                        "data-db-1", "w2", 11 * S, "10", true),
                new Case("the primary's volume is mounted at 5s but its server runs only at 8s: the stream starts then", r -> r
                        .mountOnly("db-0", "w1", 5 * S).mount("db-1", "w2", 6 * S).serve("db-0", 8 * S),
                        "data-db-1", "w2", 9 * S, "8", true),
                new Case("the replica started first: its stream starts with the primary", r -> r
                        .mount("db-1", "w2", 3 * S).mount("db-0", "w1", 5 * S),
                        "data-db-1", "w2", 30 * S, "28", true),
                new Case("the primary's node crashes at 2m: the replica keeps the writes through 1m58s", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S).mount("db-2", "w3", 15 * S).crash("w1", 120 * S),
                        "data-db-2", "w3", 200 * S, "118", false),
                new Case("the replica's own node crashes: its lost volume keeps what it had copied", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S).crash("w2", 50 * S),
                        "data-db-1", "w2", 100 * S, "48", false),
                new Case("a partition between the nodes stops the stream", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S).partition("w1", "w2", 40 * S),
                        "data-db-1", "w2", 90 * S, "38", false),
                new Case("healed: the stream starts again with a base backup of everything so far", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S).partition("w1", "w2", 40 * S).heal(90 * S),
                        "data-db-1", "w2", 91 * S, "90", true),
                new Case("the primary stopped: the replica keeps its copy and is not promoted", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S).stop("db-0", 70 * S),
                        "data-db-1", "w2", 100 * S, "68", false),
                new Case("stopped within the lag of its start: it keeps the base backup", r -> r
                        .mount("db-0", "w1", 5 * S).mount("db-1", "w2", 10 * S).crash("w1", 11 * S),
                        "data-db-1", "w2", 30 * S, "10", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replicaCopy(Case c) {
        Run run = new Run();
        c.steps().accept(run);
        ReplicaCopy copy = run.replicas.copy(VolumeKey.on(c.volume(), c.node())).or(() -> run.replicas.copy(VolumeKey.of(c.volume())))
                .orElseThrow();
        assertEquals(c.through(), copy.at(c.now()).isPresent() ? String.valueOf(copy.at(c.now()).getAsLong() / S) : "none");
        assertEquals(c.streaming(), copy.streaming());
        assertEquals("db-0", copy.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namesCases")
    void replicaOf(String template, String volume, String expected) {
        assertEquals(expected, DB.replicaOf(template, volume).orElse("no"));
    }

    static Stream<Arguments> namesCases() {
        return Stream.of(
                Arguments.of("data", "data-db-1", "db-1"),
                Arguments.of("data", "data-db-12", "db-12"),
                Arguments.of("data", "data-db-0", "no"),
                Arguments.of("data", "data-dbx-1", "no"),
                Arguments.of("logs", "data-db-1", "no"));
    }
}
