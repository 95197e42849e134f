package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeRefused;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.VolumeView;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Volumes in a run, at exact virtual times: where each copy is, its state, and up to when it holds
 * every write; what the engine and swarmkit say when storage stands in the way.
 */
class StorageTest {

    /** A drained manager and two workers with the azurefile plugin; {@code db} pinned to worker-1 unless a case moves it. */
    private static final String CLUSTER = """
            scenario: storage
            until: %s
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2, plugins: [azurefile]}
            volumes: {cache: {}, files: {driver: azurefile}}
            """;

    private static String file(String until, String rest) {
        return CLUSTER.formatted(until) + rest;
    }

    private static final String DB_ON_WORKER_1 = """
            services:
              db: {volumes: ["cache:/data", "files:/files"], deploy: {placement: {constraints: [node.hostname == worker-1]}}}
            """;

    /** A volume's copy at a moment: {@code NODE STATE THROUGH}, as {@code worker-1 lost 30s} ({@code -}: no node, {@code none}). */
    record Case(String name, String yaml, String at, String volume, String on, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> volumes() {
        String crash = DB_ON_WORKER_1.replace("node.hostname == worker-1", "node.role == worker") + """
                timeline:
                  - {at: 30s, crash: worker-1}
                  - {at: 2m, restart: worker-1}
                """;
        return Stream.of(
                new Case("a running task's local volume holds every write up to now", file("1m", DB_ON_WORKER_1), "40s",
                        "cache", "worker-1", "worker-1 attached 40s"),
                new Case("a running task's plugin volume is attached to its node", file("1m", DB_ON_WORKER_1), "40s",
                        "files", "", "worker-1 attached 40s"),
                new Case("a crash loses the local volume with the writes up to the crash", file("3m", crash), "1m",
                        "cache", "worker-1", "worker-1 lost 30s"),
                new Case("the replacement's local volume on the other node is empty of the slot's writes", file("3m", crash), "1m",
                        "cache", "worker-2", "worker-2 attached none"),
                new Case("the plugin volume follows the replacement and keeps every write", file("3m", crash), "1m",
                        "files", "", "worker-2 attached 1m"),
                new Case("back after the crash, the old local volume waits detached", file("3m", crash), "3m",
                        "cache", "worker-1", "worker-1 detached 30s"),
                new Case("a read-only mount writes nothing", file("1m", DB_ON_WORKER_1.replace("\"cache:/data\"", "\"cache:/data:ro\"")),
                        "40s", "cache", "worker-1", "worker-1 attached none"),
                new Case("scaled to 0: the local volume is detached, written up to the stop",
                        file("2m", DB_ON_WORKER_1 + "timeline:\n  - {at: 30s, scale: {db: 0}}\n"), "1m",
                        "cache", "worker-1", "worker-1 detached 30s"),
                new Case("scaled to 0: the plugin volume stays attached to the node", file("2m", DB_ON_WORKER_1
                        + "timeline:\n  - {at: 30s, scale: {db: 0}}\n"), "1m", "files", "", "worker-1 attached 30s"),
                new Case("a restore goes back to the backup's time and stays there", file("5m", DB_ON_WORKER_1 + """
                        timeline:
                          - {at: 1m, backup: {volume: cache, name: b}}
                          - {at: 2m, scale: {db: 0}}
                          - {at: 2m10s, restore: {volume: cache, from: b}}
                          - {at: 2m20s, scale: {db: 1}}
                        """), "4m", "cache", "worker-1", "worker-1 attached 1m"),
                new Case("a restore refused while in use changes nothing", file("3m", DB_ON_WORKER_1 + """
                        timeline:
                          - {at: 1m, backup: {volume: cache, name: b}}
                          - {at: 2m, restore: {volume: cache, from: b}}
                        """), "2m30s", "cache", "worker-1", "worker-1 attached 2m30s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("volumes")
    void aVolumeAtAMoment(Case c) {
        ClusterView view = Sim.run("storage", c.yaml()).at(c.at());
        VolumeView v = view.volumes(c.volume()).stream()
                .filter(x -> c.on().isEmpty() ? x.on.isEmpty() : x.on.equals(java.util.Optional.of(c.on())))
                .findFirst().orElseThrow(() -> new AssertionError("no copy of " + c.volume() + " on " + c.on()));
        OptionalLong through = v.dataThrough(t(c.at()));
        assertEquals(c.expected(), v.node().orElse("-") + " " + v.state() + " "
                + (through.isPresent() ? Durations.format(through.getAsLong()) : "none"));
    }

    /** What the run says when storage stands in the way, and when. */
    record Said(String name, String yaml, String at, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Said> refusals() {
        return Stream.of(
                new Said("TestSchedulerPluginConstraint in a run: no node has the plugin", """
                        scenario: storage
                        nodes:
                          - {name: manager-1, role: manager, availability: drain}
                          - {name: worker, count: 2}
                        volumes: {files: {driver: azurefile}}
                        services:
                          db: {volumes: ["files:/files"]}
                        """, "50ms", "no suitable node (missing plugin on 2 nodes; 1 node not available for new tasks)"),
                new Said("a restore of a volume in use is refused, as a restore tool would", file("3m", DB_ON_WORKER_1 + """
                        timeline:
                          - {at: 1m, backup: {volume: cache, name: b}}
                          - {at: 2m, restore: {volume: cache, from: b}}
                        """), "2m", "restore cache: volume cache on worker-1 is in use by db.1#1: stop the tasks that mount it first"),
                new Said("a backup of a local volume with copies on two nodes needs the node said", file("2m", """
                        services:
                          db: {volumes: ["cache:/data"], deploy: {mode: global}}
                        timeline:
                          - {at: 1m, backup: {volume: cache, name: b}}
                        """), "1m", "backup cache: cache has a copy on each of worker-1, worker-2; say which with node"),
                new Said("single writer: a second task on another node cannot mount the plugin volume", file("1m", """
                        services:
                          db: {volumes: ["files:/files"], deploy: {replicas: 2, restart_policy: {max_attempts: 1}}}
                        """), "1.05s",
                        "starting container failed: error while mounting volume 'files': volume files is attached to worker-1"),
                new Said("a local volume larger than the disk fails the container's start", """
                        scenario: storage
                        nodes:
                          - {name: manager-1, role: manager, availability: drain}
                          - {name: worker-1, disk: 1GiB}
                        volumes: {cache: {size: 2GiB}}
                        services:
                          db: {volumes: ["cache:/data"], deploy: {restart_policy: {max_attempts: 1}}}
                        """, "1.05s", "starting container failed: error while mounting volume 'cache': no space left on device"),
                new Said("an image larger than the disk: the pull fails", """
                        scenario: storage
                        nodes:
                          - {name: manager-1, role: manager, availability: drain}
                          - {name: worker-1, disk: 50MB}
                        services:
                          db: {deploy: {restart_policy: {max_attempts: 1}}}
                        """, "50ms", "failed to register layer: no space left on device"),
                new Said("vfs copies the image into each container when it is created, once the pull is done: the third copy does not fit",
                        """
                        scenario: storage
                        nodes:
                          - {name: manager-1, role: manager, availability: drain}
                          - {name: worker-1, disk: 1GiB, storage_driver: vfs}
                        images:
                          "db:1": {size: 300MB, start: 1s}
                        services:
                          db: {image: "db:1", deploy: {replicas: 3, restart_policy: {max_attempts: 1}}}
                        """, "3.05s", "failed to create container: no space left on device"),
                new Said("image layers and a local volume share one disk: the layers leave no room for the volume", """
                        scenario: storage
                        nodes:
                          - {name: manager-1, role: manager, availability: drain}
                          - {name: worker-1, disk: 300MB}
                        images:
                          "db:1": {layers: [{digest: base, size: 200MB}, {digest: db, size: 50MB}]}
                        volumes: {cache: {size: 100MB}}
                        services:
                          db: {image: "db:1", volumes: ["cache:/data"], deploy: {restart_policy: {max_attempts: 1}}}
                        """, "2.55s", "starting container failed: error while mounting volume 'cache': no space left on device"),
                new Said("docker volume prune without --all keeps named volumes (Docker 23, API 1.42)", file("3m", PRUNABLE
                        + "  - {at: 2m10s, volume_prune: {node: worker-1}}\n"), "2m10s", "volume_prune worker-1: nothing to prune: "
                        + "cache is a named volume, and without all: true only anonymous volumes are pruned (Docker 23, API 1.42)"),
                new Said("a stopped container still references its volume", file("2m", DB_ON_WORKER_1 + """
                        timeline:
                          - {at: 30s, scale: {db: 0}}
                          - {at: 1m, volume_prune: {node: worker-1, all: true}}
                        """), "1m", "volume_prune worker-1: nothing to prune: cache is used by a container"),
                new Said("the label filter lets nothing through", file("3m", PRUNABLE
                        + "  - {at: 2m10s, volume_prune: {node: worker-1, all: true, filter: {label: tier=db}}}\n"), "2m10s",
                        "volume_prune worker-1: nothing to prune: cache does not match the filter"),
                new Said("a node that is down has no engine to prune", file("3m", PRUNABLE
                        + "  - {at: 1m, volume_prune: {node: worker-1, all: true}}\n"), "1m",
                        "volume_prune worker-1: worker-1 is down: no engine answers docker volume prune"));
    }

    /** db's task leaves worker-1 at its crash; worker-1 is back at 2m, without the container, the old cache on its disk. */
    private static final String PRUNABLE = DB_ON_WORKER_1.replace("node.hostname == worker-1", "node.role == worker") + """
            timeline:
              - {at: 30s, crash: worker-1}
              - {at: 2m, restart: worker-1}
            """;

    /**
     * A prune with {@code --all} deletes the old cache, and its room on worker-1's 1GiB disk is free
     * again: a 600MB volume fits there only after it.
     */
    @ParameterizedTest(name = "pruned: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aPrunedVolumeIsGoneAndItsDiskIsFree(boolean pruned) {
        Sim sim = Sim.run("storage", """
                scenario: storage
                until: 3m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2, disk: 1GiB}
                volumes: {cache: {size: 600MB, labels: {tier: cache}}, logs: {size: 600MB}}
                services:
                  db: {volumes: ["cache:/data"], deploy: {placement: {constraints: [node.role == worker]}}}
                timeline:
                  - {at: 30s, crash: worker-1}
                  - {at: 2m, restart: worker-1}
                %s  - {at: 2m20s, deploy: {services: {logger: {volumes: ["logs:/logs"], deploy: {placement: {constraints: [node.hostname == worker-1]}, restart_policy: {max_attempts: 1}}}}}}
                """.formatted(pruned ? "  - {at: 2m10s, volume_prune: {node: worker-1, all: true, filter: {label: tier=cache}}}\n" : ""));
        assertEquals(pruned ? 1 : 0, sim.all(VolumeDeleted.class, e -> e.volume().equals("cache") && "worker-1".equals(e.on())).size());
        assertEquals(pruned ? 1 : 0, sim.running("logger", "3m"));
    }

    /**
     * Two images that share their base layer take it once on a node's disk: 250MB each by their
     * sizes, 300MB together, on a 300MB disk.
     */
    @org.junit.jupiter.api.Test
    void imagesSharingALayerTakeItOnceOnTheDisk() {
        Sim sim = Sim.run("storage", """
                scenario: storage
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, disk: 300MB}
                images:
                  "a:1": {layers: [{digest: base, size: 200MB}, {digest: a, size: 50MB}]}
                  "b:1": {layers: [{digest: base, size: 200MB}, {digest: b, size: 50MB}]}
                services:
                  a: {image: "a:1"}
                  b: {image: "b:1"}
                """);
        assertEquals(1, sim.running("a", "1m"));
        assertEquals(1, sim.running("b", "1m"));
        assertEquals(List.of(), sim.all(TaskStateChanged.class, e -> e.error() != null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void whatTheRunSays(Said c) {
        Sim sim = Sim.run("storage", c.yaml());
        List<Sim.At<String>> said = new java.util.ArrayList<>();
        sim.all(VolumeRefused.class, e -> true).forEach(a -> said.add(new Sim.At<>(a.time(), a.event().action() + " "
                + a.event().target() + ": " + a.event().reason())));
        sim.all(ActionIgnored.class, e -> true).forEach(a -> said.add(new Sim.At<>(a.time(), a.event().action() + " "
                + a.event().target() + ": " + a.event().reason())));
        sim.all(TaskUnplaced.class, e -> true).forEach(a -> said.add(new Sim.At<>(a.time(), a.event().error())));
        sim.all(TaskStateChanged.class, e -> e.error() != null).forEach(a -> said.add(new Sim.At<>(a.time(), a.event().error())));
        assertTrue(said.stream().anyMatch(a -> a.time() == t(c.at()) && a.event().equals(c.expected())),
                () -> "not said at " + c.at() + ": " + c.expected() + "\nsaid: " + said);
    }
}
