package io.flotilla.scheduler.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared volume model: copies, states, the single-writer rule, backups and data_through, at exact times. */
class VolumesTest {

    private static final long S = 1_000_000_000L;

    private static Volumes volumes() {
        return new Volumes(List.of(
                VolumeSpec.local("cache"),
                VolumeSpec.network("files", "azurefile"),
                VolumeSpec.pinned("data-db-0", "local-ssd")));
    }

    private static Writer w(String task, String lineage) {
        return new Writer(task, lineage);
    }

    /** A volume after some steps, at {@code now}: its node, state and data_through ("none" when empty). */
    record Case(String name, Consumer<Volumes> steps, VolumeKey key, long now, String node, VolumeState state, String through) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a task writing to a local volume: it holds every write up to now", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 2 * S);
                }, VolumeKey.on("cache", "w1"), 40 * S, "w1", VolumeState.ATTACHED, "40"),
                new Case("a local volume whose task stopped: detached, written through the stop", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.unmounted("web.1#1", 30 * S);
                }, VolumeKey.on("cache", "w1"), 60 * S, "w1", VolumeState.DETACHED, "30"),
                new Case("a local volume on a crashed node is lost, holding the writes up to the crash", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.nodeDown("w1", 30 * S);
                    v.mounted("cache", w("web.1#2", "web.1"), "w2", 51 * S);
                }, VolumeKey.on("cache", "w1"), 60 * S, "w1", VolumeState.LOST, "30"),
                new Case("the replacement on another node starts on an empty local volume: none from the start", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.nodeDown("w1", 30 * S);
                    v.mounted("cache", w("web.1#2", "web.1"), "w2", 51 * S);
                }, VolumeKey.on("cache", "w2"), 60 * S, "w2", VolumeState.ATTACHED, "none"),
                new Case("the old node back: its local volume waits there, detached", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.nodeDown("w1", 30 * S);
                    v.nodeUp("w1", 90 * S);
                }, VolumeKey.on("cache", "w1"), 100 * S, "w1", VolumeState.DETACHED, "30"),
                new Case("a global task's own local volume is complete: other nodes' lineages do not count", v -> {
                    v.mounted("cache", w("agent.w1#1", "agent.w1"), "w1", 2 * S);
                    v.mounted("cache", w("agent.w2#1", "agent.w2"), "w2", 3 * S);
                }, VolumeKey.on("cache", "w2"), 20 * S, "w2", VolumeState.ATTACHED, "20"),
                new Case("a network volume follows its lineage to the new node and keeps everything", v -> {
                    v.mounted("files", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.nodeDown("w1", 30 * S);
                    v.detach(VolumeKey.of("files"), 50 * S);
                    v.mounted("files", w("web.1#2", "web.1"), "w2", 51 * S);
                }, VolumeKey.of("files"), 60 * S, "w2", VolumeState.ATTACHED, "60"),
                new Case("a network volume stays attached to a crashed node until detached", v -> {
                    v.mounted("files", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.nodeDown("w1", 30 * S);
                }, VolumeKey.of("files"), 60 * S, "w1", VolumeState.ATTACHED, "30"),
                new Case("a detached network volume has no node", v -> {
                    v.mounted("files", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.unmounted("web.1#1", 10 * S);
                    v.detach(VolumeKey.of("files"), 10 * S);
                }, VolumeKey.of("files"), 60 * S, null, VolumeState.DETACHED, "10"),
                new Case("restore from a backup at 5m: data_through 5m", v -> {
                    v.mounted("files", w("db.1#1", "db.1"), "w1", 0);
                    v.backup(VolumeKey.of("files"), "nightly", 300 * S);
                    v.unmounted("db.1#1", 480 * S);
                    v.restore(VolumeKey.of("files"), "nightly", 540 * S);
                }, VolumeKey.of("files"), 540 * S, "w1", VolumeState.ATTACHED, "300"),
                new Case("writes after a restore do not bring back what it lost", v -> {
                    v.mounted("files", w("db.1#1", "db.1"), "w1", 0);
                    v.backup(VolumeKey.of("files"), "nightly", 300 * S);
                    v.unmounted("db.1#1", 480 * S);
                    v.restore(VolumeKey.of("files"), "nightly", 540 * S);
                    v.mounted("files", w("db.1#2", "db.1"), "w1", 600 * S);
                }, VolumeKey.of("files"), 900 * S, "w1", VolumeState.ATTACHED, "300"),
                new Case("a restore of a volume in use is refused and changes nothing", v -> {
                    v.mounted("files", w("db.1#1", "db.1"), "w1", 0);
                    v.backup(VolumeKey.of("files"), "nightly", 300 * S);
                    v.restore(VolumeKey.of("files"), "nightly", 540 * S);
                }, VolumeKey.of("files"), 600 * S, "w1", VolumeState.ATTACHED, "600"),
                new Case("a pinned volume stays on the node it was made on", v -> {
                    v.mounted("data-db-0", w("uid-1", "db-0"), "w1", 2 * S);
                    v.nodeDown("w1", 30 * S);
                }, VolumeKey.of("data-db-0"), 60 * S, "w1", VolumeState.LOST, "30"),
                new Case("a volume deleted and made again is empty: none from the start", v -> {
                    v.mounted("data-db-0", w("uid-1", "db-0"), "w1", 2 * S);
                    v.unmounted("uid-1", 30 * S);
                    v.delete(VolumeKey.of("data-db-0"), 40 * S);
                    v.mounted("data-db-0", w("uid-2", "db-0"), "w2", 50 * S);
                }, VolumeKey.of("data-db-0"), 60 * S, "w2", VolumeState.ATTACHED, "none"),
                new Case("a read-only mount holds the volume on its node and writes nothing", v -> {
                    v.mounted("files", w("web.1#1", "web.1"), "w1", 2 * S, false);
                }, VolumeKey.of("files"), 60 * S, "w1", VolumeState.ATTACHED, "none"),
                new Case("a reader beside a writer: the writer's writes count", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 2 * S);
                    v.mounted("cache", w("report.1#1", "report.1"), "w1", 5 * S, false);
                    v.unmounted("web.1#1", 20 * S);
                }, VolumeKey.on("cache", "w1"), 60 * S, "w1", VolumeState.ATTACHED, "20"),
                new Case("a volume nobody wrote to holds nothing", v -> {
                    v.provision("files", Optional.empty(), 0);
                }, VolumeKey.of("files"), 60 * S, null, VolumeState.DETACHED, "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void volumeAfterSteps(Case c) {
        Volumes v = volumes();
        c.steps().accept(v);
        Volume volume = v.volume(c.key()).orElseThrow();
        assertEquals(Optional.ofNullable(c.node()), volume.node(), "node");
        assertEquals(c.state(), volume.state(), "state");
        OptionalLong through = v.dataThrough(c.key(), c.now());
        assertEquals(c.through(), through.isPresent() ? String.valueOf(through.getAsLong() / S) : "none", "data_through");
    }

    record Refused(String name, Consumer<Volumes> steps, java.util.function.Function<Volumes, Outcome> last, Refusal.Kind kind, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refusals() {
        return Stream.of(
                new Refused("single writer: a network volume attached to one node is refused on another", v -> {
                    v.mounted("files", w("web.1#1", "web.1"), "w1", 0);
                }, v -> v.mounted("files", w("web.2#1", "web.2"), "w2", S), Refusal.Kind.ATTACHED_ELSEWHERE,
                        "volume files is attached to w1"),
                new Refused("a pinned volume is refused on another node", v -> {
                    v.mounted("data-db-0", w("uid-1", "db-0"), "w1", 0);
                    v.unmounted("uid-1", S);
                }, v -> v.mounted("data-db-0", w("uid-2", "db-0"), "w2", 2 * S), Refusal.Kind.ON_OTHER_NODE,
                        "volume data-db-0 is on w1"),
                new Refused("restore while a task writes", v -> {
                    v.mounted("files", w("db.1#1", "db.1"), "w1", 0);
                    v.backup(VolumeKey.of("files"), "nightly", S);
                }, v -> v.restore(VolumeKey.of("files"), "nightly", 2 * S), Refusal.Kind.IN_USE,
                        "volume files is in use by db.1#1: stop the tasks that mount it first"),
                new Refused("restore from a backup never taken", v -> {
                    v.provision("files", Optional.empty(), 0);
                }, v -> v.restore(VolumeKey.of("files"), "weekly", S), Refusal.Kind.UNKNOWN_BACKUP, "no backup named weekly"),
                new Refused("backup of a volume on a down node", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 0);
                    v.nodeDown("w1", S);
                }, v -> v.backup(VolumeKey.on("cache", "w1"), "b", 2 * S), Refusal.Kind.LOST,
                        "volume cache on w1 is lost: its node is down"),
                new Refused("delete while in use", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 0);
                }, v -> v.delete(VolumeKey.on("cache", "w1"), S), Refusal.Kind.IN_USE, "volume cache on w1 is in use by web.1#1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refused(Refused c) {
        Volumes v = volumes();
        c.steps().accept(v);
        List<Volume> before = v.all();
        Outcome outcome = c.last().apply(v);
        assertEquals(Optional.of(new Refusal(c.kind(), c.text())), outcome.refusal());
        assertEquals(before, v.all(), "a refusal changes nothing");
    }

    record Changes(String name, Consumer<Volumes> steps, java.util.function.Function<Volumes, List<VolumeChange>> last, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Changes> changes() {
        return Stream.of(
                new Changes("first mount of a local volume: created, then attached", v -> {},
                        v -> v.mounted("cache", w("web.1#1", "web.1"), "w1", 0).changes(), List.of("Created cache on w1", "Attached cache on w1")),
                new Changes("a second task on the same node changes nothing", v -> v.mounted("cache", w("web.1#1", "web.1"), "w1", 0),
                        v -> v.mounted("cache", w("web.2#1", "web.2"), "w1", S).changes(), List.of()),
                new Changes("the last task stops: a local volume is detached", v -> v.mounted("cache", w("web.1#1", "web.1"), "w1", 0),
                        v -> v.unmounted("web.1#1", S), List.of("Detached cache on w1")),
                new Changes("the last task stops: a network volume stays attached", v -> v.mounted("files", w("web.1#1", "web.1"), "w1", 0),
                        v -> v.unmounted("web.1#1", S), List.of()),
                new Changes("a node down: its local volume is lost, not detached", v -> v.mounted("cache", w("web.1#1", "web.1"), "w1", 0),
                        v -> v.nodeDown("w1", S), List.of("Lost cache on w1")),
                new Changes("a node back: its lost volume is detached", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 0);
                    v.nodeDown("w1", S);
                }, v -> v.nodeUp("w1", 2 * S), List.of("Detached cache on w1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changesMade(Changes c) {
        Volumes v = volumes();
        c.steps().accept(v);
        assertEquals(c.expected(), c.last().apply(v).stream()
                .map(change -> change.getClass().getSimpleName() + " " + change.volume().key()).toList());
    }

    record Rule(String name, Consumer<Volumes> steps, VolumeKey key, DataThrough expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                new Rule("written now: now", v -> v.mounted("cache", w("web.1#1", "web.1"), "w1", 0),
                        VolumeKey.on("cache", "w1"), DataThrough.NOW),
                new Rule("its writer stopped: a fixed time", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 0);
                    v.unmounted("web.1#1", 7 * S);
                }, VolumeKey.on("cache", "w1"), DataThrough.upTo(7 * S)),
                new Rule("its lineage writes elsewhere now: fixed where it stopped", v -> {
                    v.mounted("cache", w("web.1#1", "web.1"), "w1", 0);
                    v.nodeDown("w1", 7 * S);
                    v.mounted("cache", w("web.1#2", "web.1"), "w2", 9 * S);
                }, VolumeKey.on("cache", "w1"), DataThrough.upTo(7 * S)),
                new Rule("written again after a restore: still the backup's time", v -> {
                    v.mounted("files", w("db.1#1", "db.1"), "w1", 0);
                    v.backup(VolumeKey.of("files"), "b", 3 * S);
                    v.unmounted("db.1#1", 5 * S);
                    v.restore(VolumeKey.of("files"), "b", 6 * S);
                    v.mounted("files", w("db.1#2", "db.1"), "w1", 7 * S);
                }, VolumeKey.of("files"), DataThrough.upTo(3 * S)),
                new Rule("never written: none", v -> v.provision("files", Optional.empty(), 0), VolumeKey.of("files"), DataThrough.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(Rule r) {
        Volumes v = volumes();
        r.steps().accept(v);
        assertEquals(r.expected(), v.dataThrough(r.key()));
    }

    @Test
    void theCopiesOfANameAreThoseOfThatNameOnly() {
        // "cach" and "cache-2" sort right before and after "cache": a scan that runs past the name fails
        Volumes v = new Volumes(List.of(VolumeSpec.local("cache"), VolumeSpec.local("cache-2"), VolumeSpec.local("cach")));
        v.mounted("cache", w("a.1#1", "a.1"), "w2", 0);
        v.mounted("cache-2", w("b.1#1", "b.1"), "w1", 0);
        v.mounted("cache", w("a.2#1", "a.2"), "w1", 0);
        v.mounted("cach", w("c.1#1", "c.1"), "w3", 0);
        assertEquals(List.of(VolumeKey.on("cache", "w1"), VolumeKey.on("cache", "w2")),
                v.named("cache").stream().map(Volume::key).toList());
        assertEquals(List.of(), v.named("cac"));
    }

    @Test
    void theRulesOfTheCopiesAChangeMayMoveAreEachCopysOwn() {
        // web.1 writes on w1, then moves to w2 (its copy there lacks the first writes); web.2 stays on w3
        Volumes v = volumes();
        v.mounted("cache", w("web.1#1", "web.1"), "w1", 0);
        v.mounted("cache", w("web.2#1", "web.2"), "w3", 0);
        v.takeChangedData();
        v.unmounted("web.1#1", 10 * S);
        v.mounted("cache", w("web.1#2", "web.1"), "w2", 12 * S);
        v.mounted("cache", w("reader#1", "reader"), "w2", 13 * S, false);
        // w3's copy is neither changed nor written by web.1: its rule cannot have moved
        List<Volumes.CopyData> copies = v.takeChangedData();
        assertEquals(List.of(VolumeKey.on("cache", "w1"), VolumeKey.on("cache", "w2")),
                copies.stream().map(c -> c.volume().key()).toList());
        assertEquals(List.of(DataThrough.upTo(10 * S), DataThrough.NONE), copies.stream().map(Volumes.CopyData::rule).toList());
        copies.forEach(c -> assertEquals(v.dataThrough(c.volume().key()), c.rule()));
        assertEquals(DataThrough.NOW, v.dataThrough(VolumeKey.on("cache", "w3")));
    }

    @Test
    void aChangeIsTakenOnceAndAnUnchangedCopyNotAtAll() {
        Volumes v = volumes();
        v.mounted("files", w("db.1#1", "db.1"), "w1", 0);
        v.mounted("cache", w("web.1#1", "web.1"), "w2", 0);
        assertEquals(List.of(VolumeKey.on("cache", "w2"), VolumeKey.of("files")), keys(v.takeChangedData()));
        assertEquals(List.of(), keys(v.takeChangedData()));
        v.unmounted("db.1#1", S);
        assertEquals(List.of(VolumeKey.of("files")), keys(v.takeChangedData()));
        // a node going down looks at every volume, and changes only those on it
        v.nodeDown("w2", 2 * S);
        assertEquals(List.of(VolumeKey.on("cache", "w2")), keys(v.takeChangedData()));
        v.delete(VolumeKey.of("files"), 3 * S);
        assertEquals(List.of(), keys(v.takeChangedData()));
    }

    private static List<VolumeKey> keys(List<Volumes.CopyData> data) {
        return data.stream().map(c -> c.volume().key()).toList();
    }

    record Prefix(String name, List<Span> made, List<Span> held, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Prefix> prefixes() {
        return Stream.of(
                new Prefix("everything held", List.of(new Span(1, 5), new Span(8, 9)), List.of(new Span(1, 5), new Span(8, 9)), "9"),
                new Prefix("the first write missing", List.of(new Span(1, 5), new Span(8, 9)), List.of(new Span(8, 9)), "none"),
                new Prefix("a later stretch missing", List.of(new Span(1, 5), new Span(8, 9)), List.of(new Span(1, 5)), "5"),
                new Prefix("cut in the middle of a stretch", List.of(new Span(1, 9)), List.of(new Span(1, 4), new Span(7, 9)), "4"),
                new Prefix("nothing made", List.of(), List.of(), "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prefixes")
    void prefixEnd(Prefix p) {
        OptionalLong end = Volumes.prefixEnd(p.made(), p.held());
        assertEquals(p.expected(), end.isPresent() ? String.valueOf(end.getAsLong()) : "none");
    }
}
