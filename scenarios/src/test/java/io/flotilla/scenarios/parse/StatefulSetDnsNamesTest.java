package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The names a statefulset's pods answer to in a {@code dns} check are the data plane's of the file's
 * strategy: under Kubernetes {@code db-0.db} under the headless Service {@code db}; under Swarm, which
 * runs each ordinal as a service of its own, {@code db-0} (its VIP) and {@code tasks.db-0}. A name
 * only the other strategy answers is NXDOMAIN: expecting answers from it is refused for this
 * strategy alone, so {@code compare} refuses that side.
 */
class StatefulSetDnsNamesTest {

    static final String FILE = """
            scenario: dns
            strategy: %s
            until: 1m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            networks: {front: {}}
            storage_classes:
              ssd: {type: local, binding: WaitForFirstConsumer}
            statefulsets:
              db: {image: "postgres:16", replicas: 2, networks: [front], volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}]}
            expect:
              - dns: %s
            """;

    /**
     * {@code otherSide}: how many problems the file has for the other strategy only (a kubernetes
     * file's checks give no {@code network}, which the swarm strategy needs).
     */
    record Case(String name, String strategy, String check, List<String> problems, int otherSide) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String NOT_KUBERNETES = "name: 'db-0' is NXDOMAIN under the kubernetes strategy, which names a statefulset's "
            + "pod only under its headless Service, as db-0.db; the swarm strategy runs each ordinal as a service of its own, "
            + "which answers as db-0 (its virtual IP) and tasks.db-0";
    static final String NOT_SWARM = "name: 'db-0.db' is NXDOMAIN under the swarm strategy, which has no headless Service: it "
            + "runs each ordinal of statefulset 'db' as a service of its own, which answers as db-0 (its virtual IP) and tasks.db-0";

    static final String NO_TASKS_NAME = "name: 'tasks.db' is NXDOMAIN under either strategy: 'db' is a statefulset, not "
            + "a service; its pods answer as db-0.db (and its headless Service db, every ready pod) under the kubernetes "
            + "strategy, and as tasks.db-0 under the swarm strategy, which runs each ordinal as a service of its own";

    /** Expecting NXDOMAIN of {@code tasks.db} holds whatever happens: a warning, under either strategy. */
    @Test
    void noAnswersFromTasksOfASetIsAWarning() {
        for (String[] c : List.of(new String[] {"swarm", "{name: tasks.db, from: worker-1, network: front, answers: 0}"},
                new String[] {"kubernetes", "{name: tasks.db, from: worker-1, answers: 0}"})) {
            ParseOutcome outcome = new ScenarioParser().parse("dns.yaml", FILE.formatted(c[0], c[1]));
            assertEquals(List.of(), outcome.problems(), c[0]);
            assertEquals(List.of("13:17: warning: dns: " + NO_TASKS_NAME.substring("name: ".length())
                            + ", so this check holds whatever happens"),
                    outcome.warnings().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList(), c[0]);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("swarm: an ordinal's own name answers its VIP", "swarm",
                        "{name: db-0, from: worker-1, network: front, answers: 1}", List.of(), 1),
                new Case("swarm: tasks.ORDINAL answers its task", "swarm",
                        "{name: tasks.db-0, from: worker-1, network: front, answers: [db-0]}", List.of(), 1),
                new Case("swarm: the VIP names no task", "swarm",
                        "{name: db-0, from: worker-1, network: front, answers: [db-0]}",
                        List.of("13:17: name: ordinal 'db-0' answers with its service's virtual IP, which is no task; name "
                                + "tasks.db-0 for its task's address, or give answers as a count"), 1),
                new Case("swarm: no headless Service", "swarm",
                        "{name: db-0.db, from: worker-1, network: front, answers: 1}", List.of("13:17: " + NOT_SWARM), 0),
                new Case("kubernetes: a pod under its headless Service", "kubernetes",
                        "{name: db-0.db, from: worker-1, answers: 1}", List.of(), 2),
                new Case("kubernetes: a bare pod name is NXDOMAIN", "kubernetes",
                        "{name: db-0, from: worker-1, answers: 1}", List.of("13:17: " + NOT_KUBERNETES), 1),
                new Case("kubernetes: NXDOMAIN may be expected of it", "kubernetes",
                        "{name: db-0, from: worker-1, answers: 0}", List.of(), 1),
                new Case("swarm: tasks.SET is no service's", "swarm",
                        "{name: tasks.db, from: worker-1, network: front, answers: 2}", List.of("13:17: " + NO_TASKS_NAME), 0),
                new Case("kubernetes: tasks.SET is no Service's either", "kubernetes",
                        "{name: tasks.db, from: worker-1, answers: 2}", List.of("13:17: " + NO_TASKS_NAME), 1))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesAsTheStrategysDataPlaneHasThem(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("dns.yaml", FILE.formatted(c.strategy(), c.check()));
        assertEquals(c.problems(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        outcome.scenario().ifPresent(s -> assertEquals(c.otherSide(), (c.strategy().equals("swarm") ? s.kubernetesProblems()
                : s.swarmProblems()).size(), "the other strategy's problems"));
    }

    /** What the parser lets through is what each data plane answers. */
    @Test
    void theRunsAnswerSo() {
        for (String[] c : List.of(new String[] {"swarm", "{name: db-0, from: worker-1, network: front, answers: 1}"},
                new String[] {"swarm", "{name: tasks.db-1, from: worker-1, network: front, answers: [db-1]}"},
                new String[] {"kubernetes", "{name: db-0.db, from: worker-1, answers: [db-0]}"},
                new String[] {"kubernetes", "{name: db-0, from: worker-1, answers: 0}"},
                new String[] {"swarm", "{name: tasks.db, from: worker-1, network: front, answers: 0}"},
                new String[] {"kubernetes", "{name: tasks.db, from: worker-1, answers: 0}"})) {
            Scenario s = new ScenarioParser().parse("dns.yaml", FILE.formatted(c[0], c[1])).scenario().orElseThrow();
            List<ExpectationResult> results = Expectations.evaluate(ScenarioRunner.run(s, RunOptions.DEFAULT));
            assertEquals(true, results.get(0).passed(), c[0] + " " + c[1] + ": " + results.get(0).detail());
        }
    }
}
