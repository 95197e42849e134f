package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.runtime.Application;
import io.flotilla.scheduler.runtime.MemoryUse;
import io.flotilla.scheduler.runtime.Sigterm;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.ContainerVerb;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The container verbs of the timeline ({@code pause}, {@code unpause}, {@code stop}, {@code start},
 * {@code restart}, {@code remove}) and an image's application ({@code memory_use}, {@code cpu_use},
 * {@code sigterm}): what they bind to, what is refused and what is warned about.
 */
class ContainerActionTest {

    private static final String CLUSTER = """
            scenario: containers
            nodes: [{name: manager-1, role: manager}, {name: worker, count: 2}, {name: api.1}]
            services:
              web: {deploy: {replicas: 2}}
              agent: {deploy: {mode: global}}
              api: {}
            timeline:
            """;

    private static ParseOutcome parse(String yaml) {
        return new ScenarioParser().parse("containers.yaml", yaml);
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    /** The name decides: a node keeps the node's meaning, a task means its container. */
    @Test
    void pauseAndRestartTakeANodeOrATask() {
        ParseOutcome outcome = parse(CLUSTER + """
                  - {at: 10s, pause: worker-1}
                  - {at: 10s, pause: web.1}
                  - {at: 20s, restart: web.2}
                  - {at: 30s, unpause: web.1}
                  - {at: 40s, stop: agent.worker-2}
                  - {at: 50s, start: agent.worker-2}
                  - {at: 1m, remove: web.1}
                """);
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(), outcome.warnings());
        List<Action> actions = outcome.scenario().orElseThrow().timeline().stream().map(t -> t.action()).toList();
        assertEquals(List.of(new Action.SetAvailability("worker-1", Availability.PAUSE),
                new Action.Container("web.1", ContainerVerb.PAUSE), new Action.Container("web.2", ContainerVerb.RESTART),
                new Action.Container("web.1", ContainerVerb.UNPAUSE), new Action.Container("agent.worker-2", ContainerVerb.STOP),
                new Action.Container("agent.worker-2", ContainerVerb.START), new Action.Container("web.1", ContainerVerb.REMOVE)),
                actions);
        assertEquals(List.of(new Cluster.OperateContainer("web.1", ContainerVerb.PAUSE)), actions.get(1).commands());
        assertEquals("pause container web.1", actions.get(1).describe());
        assertEquals("pause", actions.get(1).keyword());
    }

    record Case(String name, String item, List<String> problems, List<String> warnings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a name that is both a node and a task is refused", "{at: 10s, pause: api.1}",
                        List.of("8:22: pause: 'api.1' is both a node and a task of 'api'; rename the node, so that the timeline "
                                + "can tell which is meant"), List.of()),
                new Case("so is a restart of one", "{at: 10s, restart: api.1}",
                        List.of("8:24: restart: 'api.1' is both a node and a task of 'api'; rename the node, so that the timeline "
                                + "can tell which is meant"), List.of()),
                new Case("neither: the node's message", "{at: 10s, pause: wroker-1}",
                        List.of("8:22: unknown node 'wroker-1'; did you mean 'worker-1'?"), List.of()),
                new Case("neither, but a workload's name: the task's message", "{at: 10s, pause: web.x}",
                        List.of("8:22: task 'web.x': the tasks of replicated service 'web' are named web.1, web.2, ..."), List.of()),
                new Case("a verb only for tasks names a task", "{at: 10s, stop: worker-1}",
                        List.of("8:21: unknown task 'worker-1': unknown service or statefulset 'worker'"), List.of()),
                new Case("a slot above the replica count", "{at: 10s, stop: web.3}", List.of(),
                        List.of("8:21: warning: stop: 'web.3' cannot exist at 10s: 'web' has 2 replicas; this stop does nothing")),
                new Case("an unpause of a container not paused", "{at: 10s, unpause: web.1}", List.of(),
                        List.of("8:24: warning: unpause: 'web.1' is not paused at 10s (the timeline has not paused it, or has "
                                + "thawed or ended it since); this unpause does nothing")),
                new Case("a start of a running container", "{at: 10s, start: web.1}", List.of(),
                        List.of("8:22: warning: start: 'web.1' is running at 10s (no stop, remove or kill_task of it before); "
                                + "this start does nothing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkedWhereTheyAreWritten(Case c) {
        ParseOutcome outcome = parse(CLUSTER + "  - " + c.item() + "\n");
        assertEquals(c.problems(), messages(outcome.problems()));
        assertEquals(c.warnings(), messages(outcome.warnings()));
    }

    @Test
    void whatTheTimelineDidToAContainerBeforeIsKnown() {
        ParseOutcome outcome = parse(CLUSTER + """
                  - {at: 10s, pause: web.1}
                  - {at: 20s, pause: web.1}
                  - {at: 30s, start: web.1}
                  - {at: 40s, stop: web.1}
                  - {at: 50s, unpause: web.1}
                  - {at: 1m, start: web.1}
                  - {at: 1m10s, kill_task: web.2}
                  - {at: 1m20s, start: web.2}
                """);
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(
                "9:22: warning: pause: 'web.1' is already paused at 20s (paused at 10s, no unpause since); this pause does nothing",
                "10:22: warning: start: 'web.1' is paused at 30s (paused at 10s): cannot start a paused container, try unpause "
                        + "instead; this start does nothing",
                "12:24: warning: unpause: 'web.1' is not paused at 50s (the timeline has not paused it, or has thawed or ended it "
                        + "since); this unpause does nothing"), messages(outcome.warnings()));
    }

    @Test
    void anImageDeclaresWhatItsApplicationDoes() {
        ParseOutcome outcome = parse("""
                scenario: images
                nodes: [{name: manager-1, role: manager}]
                images:
                  "api:1": {memory_use: 300M, cpu_use: 500m, sigterm: ignore}
                  "leak:1": {memory_use: [{after: 0s, use: 100M}, {after: 1m, use: 200M}]}
                  "plain:1": {}
                """);
        assertEquals(List.of(), outcome.problems());
        var images = outcome.scenario().orElseThrow().images();
        assertEquals(new Application(MemoryUse.constant(300L << 20), 500_000_000L, Sigterm.IGNORE), images.get("api:1").app());
        assertEquals(new MemoryUse(List.of(new MemoryUse.Step(0, 100L << 20), new MemoryUse.Step(60_000_000_000L, 200L << 20))),
                images.get("leak:1").app().memoryUse());
        assertEquals(Application.DEFAULT, images.get("plain:1").app());
        assertEquals(Application.DEFAULT, ImageDecl.defaults("x").app());
    }

    @Test
    void anImagesApplicationIsCheckedWhereItIsWritten() {
        ParseOutcome outcome = parse("""
                scenario: images
                nodes: [{name: manager-1, role: manager}]
                images:
                  "a:1": {memory_use: lots}
                  "b:1": {memory_use: [{after: 1m, use: 1G}, {after: 30s, use: 2G}]}
                  "c:1": {memory_use: [{after: 1m}]}
                  "d:1": {cpu_use: 0, sigterm: quit}
                  "e:1": {memory_use: []}
                """);
        assertEquals(List.of(
                "4:23: memory_use: expected a size such as 512M or 1Gi, got \"lots\"",
                "5:54: after: steps must come in order of after; this one is not after the one before it",
                "6:24: missing key 'use' in memory_use step",
                "7:20: cpu_use: must be more than 0",
                "7:32: sigterm: expected one of exit, die, ignore, got \"quit\"",
                "8:23: memory_use: a list of steps needs at least one {after, use}"), messages(outcome.problems()));
    }
}
