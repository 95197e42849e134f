package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.VolumeReplica;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.VolumeView;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statefulset's own asynchronous replication (lag 2s) in a run, under both strategies: the
 * application streams, not the orchestrator, so the facts are the same. The link between the
 * primary's node and worker-3 is down from 30s to 50s; the primary's node crashes at 2m. Facts at
 * exact virtual times.
 */
class ReplicationTest {

    private static final String SET = """
            scenario: replication
            strategy: %s
            until: 4m
            seed: 2
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            storage_classes:
              local-ssd: {type: local, binding: WaitForFirstConsumer}
            statefulsets:
              db:
                image: postgres:16
                replicas: 3
                replication: {lag: 2s}
                volume_claim_templates: [{name: data, storage_class: local-ssd, size: 1Gi}]
            timeline:
              - {at: 30s, link_down: [worker-1, worker-3]}
              - {at: 50s, link_up: [worker-1, worker-3]}
              - {at: 2m, crash: worker-1}
            """;

    private static final Map<Strategy, Sim> RUNS = new EnumMap<>(Strategy.class);

    private static Sim run(Strategy strategy) {
        return RUNS.computeIfAbsent(strategy, s -> Sim.run("replication", SET.formatted(s.name().toLowerCase(Locale.ROOT))));
    }

    /** One fact about the run and what it must be, under either strategy. */
    record Fact(String name, Function<Sim, String> read, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The volume on {@code node} at {@code at}: state, and its copy of db-0 ("none" if it has none), streaming or not. */
    private static String copyOn(Sim sim, String at, String node) {
        ClusterView view = sim.at(at);
        VolumeView v = view.volumes().stream().filter(x -> x.on.equals(Optional.of(node))).findFirst().orElseThrow();
        return describe(v, t(at));
    }

    private static String copy(Sim sim, String at, String volume) {
        return describe(sim.at(at).volumes(volume).get(0), t(at));
    }

    private static String describe(VolumeView v, long now) {
        OptionalLong through = v.dataThrough("db-0", now);
        return v.state() + " " + (through.isPresent() ? Durations.format(through.getAsLong()) : "none")
                + (v.streaming("db-0") ? " streaming" : " stopped");
    }

    static Stream<Fact> facts() {
        return Stream.of(
                new Fact("db-0 is the primary, on worker-1", s -> s.at("20s").volumes("data-db-0").get(0).on.orElse(""), "worker-1"),
                new Fact("streaming: each replica holds the primary's writes up to 2s ago",
                        s -> copy(s, "20s", "data-db-1") + ", " + copy(s, "20s", "data-db-2"),
                        "attached 18s streaming, attached 18s streaming"),
                new Fact("the primary's own volume holds no replica copy", s -> String.valueOf(s.at("3m").volumes("data-db-0").get(0).copiesOf()),
                        "[]"),
                new Fact("the link down stops worker-3's stream: it keeps the writes through 28s", s -> copyOn(s, "40s", "worker-3"),
                        "attached 28s stopped"),
                new Fact("the replica on worker-2 streams on", s -> copyOn(s, "40s", "worker-2"), "attached 38s streaming"),
                new Fact("the link back: a base backup brings worker-3's copy up to 50s at once",
                        s -> copyOn(s, "50s", "worker-3"), "attached 50s streaming"),
                new Fact("and the lag catches up 2s later", s -> copyOn(s, "53s", "worker-3"), "attached 51s streaming"),
                new Fact("the primary's node crashes at 2m: both replicas keep its writes through 1m58s",
                        s -> copy(s, "3m", "data-db-1") + ", " + copy(s, "3m", "data-db-2"),
                        "attached 1m58s stopped, attached 1m58s stopped"),
                new Fact("the primary's volume is out of reach with every write up to the crash", s -> {
                    VolumeView v = s.at("3m").volumes("data-db-0").get(0);
                    return v.state() + " " + Durations.format(v.dataThrough(t("3m")).getAsLong());
                }, "lost 2m"),
                new Fact("worker-3's stream: started, stopped by the link, started again, stopped by the crash",
                        s -> s.all(VolumeReplica.class, e -> e.on().equals("worker-3")).stream()
                                .filter(a -> a.time() >= t("30s"))
                                .map(a -> Durations.format(a.time()) + " " + a.event().stream() + " "
                                        + Durations.format(a.event().through().toNanos()))
                                .toList().toString(),
                        "[30s stopped 28s, 50s streaming 50s, 2m stopped 1m58s]"),
                new Fact("nothing promotes a replica: no stream ever runs into db-0's volume",
                        s -> String.valueOf(s.all(VolumeReplica.class, e -> e.volume().equals("data-db-0")).size()), "0"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(Strategy.KUBERNETES, Strategy.SWARM)
                .flatMap(s -> facts().map(f -> Arguments.of(s, f)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void fact(Strategy strategy, Fact fact) {
        assertEquals(fact.expected(), fact.read().apply(run(strategy)));
    }
}
