package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.VolumeView;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statefulset under the swarm strategy: one service per ordinal, pinned by its local volume once
 * the volume exists; a network class's volume follows its ordinal. Facts at exact virtual times.
 */
class SwarmStatefulSetTest {

    private static final String SETS = """
            scenario: statefulset-swarm
            strategy: swarm
            until: 3m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3, plugins: [shared]}
            storage_classes:
              local-ssd: {type: local, binding: WaitForFirstConsumer}
              shared: {type: network}
            statefulsets:
              db:
                image: postgres:16
                replicas: 2
                volume_claim_templates: [{name: data, storage_class: local-ssd, size: 1Gi}]
              files:
                image: nginx:1.27
                volume_claim_templates: [{name: www, storage_class: shared, size: 1Gi}]
            timeline:
              - {at: 30s, crash: worker-1}
              - {at: 2m, restart: worker-1}
            """;

    private static final Sim RUN = Sim.run("statefulset-swarm", SETS);

    /** One fact about the run and what it must be. */
    record Fact(String name, Function<Sim, String> read, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String volume(Sim sim, String at, String name) {
        ClusterView view = sim.at(at);
        VolumeView v = view.volumes(name).get(0);
        OptionalLong through = v.dataThrough(t(at));
        return v.node().orElse("-") + " " + v.state() + " " + (through.isPresent() ? Durations.format(through.getAsLong()) : "none");
    }

    static Stream<Fact> facts() {
        return Stream.of(
                new Fact("one service per ordinal, all at once", s -> s.all(ServiceChanged.class, e -> e.change().equals("create"))
                        .stream().map(a -> Durations.format(a.time()) + " " + a.event().service()).toList().toString(),
                        "[0s db-0, 0s db-1, 0s files-0]"),
                new Fact("an ordinal's task goes by the ordinal's name and counts for the statefulset",
                        s -> s.all(TaskCreated.class, e -> e.name().equals("db-0")).get(0).event().service(), "db"),
                new Fact("a local ordinal is pinned where its volume was made, as its first task starts",
                        s -> s.all(ServiceChanged.class, e -> e.change().equals("pin")).stream()
                                .map(a -> Durations.format(a.time()) + " " + a.event().service()).toList().toString(),
                        "[1.05s db-0, 1.05s db-1]"),
                new Fact("pinning replaces no task", s -> String.valueOf(s.created("db-0").stream()
                        .filter(a -> a.time() < t("30s")).count()), "1"),
                new Fact("db-0 on the dead node waits, pinned", s -> s.all(TaskUnplaced.class, e -> e.task().startsWith("db-0"))
                        .get(0).event().error(),
                        "no suitable node (2 nodes not available for new tasks; scheduling constraints not satisfied on 2 nodes)"),
                new Fact("its volume is lost with the node", s -> volume(s, "1m", "data-db-0"), "worker-1 lost 30s"),
                new Fact("the network class's ordinal is not pinned: it runs on", s -> String.valueOf(s.running("files", "1m")), "1"),
                new Fact("back on its node, db-0 finds every write it made", s -> volume(s, "3m", "data-db-0"), "worker-1 attached 3m"),
                new Fact("both ordinals run at the end", s -> String.valueOf(s.running("db", "3m")), "2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void fact(Fact f) {
        assertEquals(f.expected(), f.read().apply(RUN));
    }

    @org.junit.jupiter.api.Test
    void aScaleDownLeavesTheHighestOrdinalsServiceAtZeroAndItsVolume() {
        Sim sim = Sim.run("statefulset-scale", SETS.replace("  - {at: 30s, crash: worker-1}\n  - {at: 2m, restart: worker-1}\n",
                "  - {at: 30s, scale: {db: 1}}\n"));
        assertEquals(1, sim.running("db", "1m"));
        assertEquals(List.of("worker-2 detached 30s"), List.of(volume(sim, "1m", "data-db-1")));
    }
}
