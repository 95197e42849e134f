package io.flotilla.scenarios.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.scheduler.time.Durations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code data lost} and {@code every ordinal back after} on real runs, per fault, at exact virtual
 * times: the shipped storage examples under each strategy they run under, and a scale-down that
 * deletes its claims. "-" is no value: not measured, or the ordinals never all ran again.
 */
class StorageMetricsTest {

    record Case(String name, Supplier<Scenario> scenario, Strategy strategy, List<String> dataLost, List<String> ordinalsBack) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Scenario SCALED_AWAY = Scenarios.parse("""
            scenario: scaled-away
            strategy: kubernetes
            until: 3m
            nodes:
              - {name: manager-1, role: manager, taints: ["node-role.kubernetes.io/control-plane:NoSchedule"]}
              - {name: worker, count: 2}
            storage_classes:
              local-ssd: {type: local, binding: WaitForFirstConsumer}
            statefulsets:
              db:
                replicas: 2
                volume_claim_templates: [{name: data, storage_class: local-ssd, size: 1Gi}]
                persistent_volume_claim_retention_policy: {when_scaled: Delete}
            timeline:
              - {at: 1m, scale: {db: 1}}
              - {at: 2m, scale: {db: 2}}
            """);

    static Stream<Case> cases() {
        return Stream.of(
                // rack-a-1's cache held every write to 30s; cache-app's replacement mounts rack-b-1's
                // new, empty cache: 30s of writes gone. files, a plugin volume, follows its task whole.
                new Case("a local volume's failover under swarm loses every write up to the crash",
                        () -> Scenarios.example("volume-failover"), Strategy.SWARM,
                        List.of("30s", "0s"), List.of("-", "-")),
                // The restore at 3m10s puts pgdata back to the 1m backup; db had written up to 3m.
                new Case("a restore loses what was written between the backup and the writes' end",
                        () -> Scenarios.example("volume-backup-restore"), Strategy.SWARM,
                        List.of("0s", "0s", "0s", "2m", "0s"), List.of("-", "-", "-", "-", "-")),
                // db-0 waits for worker-1 (pinned by its volume), runs there 1.05s after its boot at 2m30s.
                new Case("a local statefulset ordinal under swarm is back on its old data when its node is",
                        () -> Scenarios.example("statefulset-local-volume"), Strategy.SWARM,
                        List.of("0s", "0s"), List.of("2m1.05s", "1.05s")),
                new Case("a local statefulset ordinal under kubernetes is back when its node is",
                        () -> Scenarios.example("statefulset-local-volume"), Strategy.KUBERNETES,
                        List.of("0s", "0s"), List.of("2m1s", "1s")),
                // db-1's new pod waits for a volume on a node that never returns.
                new Case("a local statefulset ordinal whose node is gone for good never runs again",
                        () -> Scenarios.example("statefulset-local-node-loss"), Strategy.KUBERNETES,
                        List.of("0s", "0s"), List.of("-", "-")),
                // force_delete at 8m; the volume is force-detached from the dead node 6m later, attached
                // to worker-4 (20s) and db-1 runs at 14m32s, with every write made before the crash.
                new Case("a network volume's failover under kubernetes keeps every write",
                        () -> Scenarios.example("statefulset-network-volume-failover"), Strategy.KUBERNETES,
                        List.of("0s", "0s"), List.of("12m32s", "6m32s")),
                new Case("enterprise-migration under swarm: db-0 runs again on the file share 18.405s after zone a goes dark",
                        () -> Scenarios.example("enterprise-migration"), Strategy.SWARM,
                        List.of("0s", "0s"), List.of("18.405s", "0s")),
                new Case("enterprise-migration under kubernetes: db-0 waits for zone a's return, at 8m",
                        () -> Scenarios.example("enterprise-migration"), Strategy.KUBERNETES,
                        List.of("0s", "0s"), List.of("7m1s", "1s")),
                new Case("a scale-down that deletes its claims loses their data; the scale back up starts empty",
                        () -> SCALED_AWAY, Strategy.KUBERNETES,
                        List.of("1m", "0s"), List.of("0s", "1s")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void perFault(Case c) {
        RunOptions options = new RunOptions(Optional.of(c.strategy()), OptionalLong.empty(), Set.of());
        RunMetrics m = Metrics.of(ScenarioRunner.run(c.scenario().get(), options));
        assertEquals(c.dataLost(), m.faults().stream().map(f -> text(f.dataLost())).toList(), "data lost");
        assertEquals(c.ordinalsBack(), m.faults().stream().map(f -> text(f.ordinalsBack())).toList(), "every ordinal back after");
    }

    private static String text(OptionalLong v) {
        return v.isPresent() ? Durations.format(v.getAsLong()) : "-";
    }
}
