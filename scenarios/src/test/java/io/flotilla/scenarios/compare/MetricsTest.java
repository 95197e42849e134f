package io.flotilla.scenarios.compare;

import static io.flotilla.scenarios.compare.Scenarios.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.compare.RunMetrics.FaultMetrics;
import io.flotilla.scenarios.compare.RunMetrics.MinMax;
import io.flotilla.scenarios.compare.RunMetrics.PendingTask;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class MetricsTest {

    /**
     * worker-failover: worker-2 crashes at 30s with web.2 and web.5. The dispatcher marks it down
     * when its heartbeat deadline passes (43.488s with seed 7); the restart supervisor then waits the
     * 5s restart delay and the image takes 1s to start, so both replacements run at 49.488s: 6 web
     * tasks again, 19.488s after the crash.
     */
    @Test
    void workerFailoverIsBackAtDesiredWhenTheReplacementsRun() {
        RunResult run = Scenarios.run(Scenarios.example("worker-failover"));
        long down = timeOf(run, e -> e instanceof NodeStatusChanged s && s.node().equals("worker-2")
                && s.status() == NodeStatus.DOWN);
        assertEquals(t("43.488s"), down);

        RunMetrics m = Metrics.of(run);

        FaultMetrics crash = m.faults().get(0);
        assertEquals(new Fault(t("30s"), "crash worker-2"), crash.fault());
        assertEquals(OptionalLong.of(down + t("5s") + t("1s") - t("30s")), crash.recovery());
        assertEquals(OptionalLong.of(t("19.488s")), crash.recovery());
        assertEquals(2, crash.worstShortfall());
        assertEquals(2, crash.moved());
        // worker-2 comes back empty and nothing moves back to it.
        assertEquals(new FaultMetrics(new Fault(t("2m"), "restart worker-2"), OptionalLong.of(0), 0, 0), m.faults().get(1));
        assertEquals(2, m.tasksMoved());
        assertEquals(List.of(), m.pending());
        // manager-1 (constraint node.role == worker) and the restarted worker-2 run nothing.
        assertEquals(Optional.of(new MinMax(0, 3)), m.tasksPerNode());
        assertEquals(Optional.empty(), m.tasksPerZone());
        assertEquals(OptionalDouble.of(0), m.peakCpu(), "web reserves nothing");
        assertEquals(OptionalLong.empty(), m.requestsFailed());
        assertEquals(0, m.expectationsFailed());
    }

    /**
     * Two workers of 2 CPUs and 4GiB, web wants 5 tasks of 1 CPU and 1GiB: 4 run, 1 is pending.
     * When worker-2 crashes, its 2 tasks have nowhere to go: 3 short, and never back.
     */
    @Test
    void tasksThatFitNowhereArePendingWithTheirReasonAndTheFaultIsNeverRecovered() {
        RunMetrics m = Metrics.of(Scenarios.run(Scenarios.parse("""
                scenario: tight
                until: 3m
                nodes:
                  - {name: manager-1, role: manager, availability: drain, resources: {cpus: 2, memory: 4GiB}}
                  - {name: worker, count: 2, resources: {cpus: 2, memory: 4GiB}}
                services:
                  web:
                    deploy: {replicas: 5, resources: {reservations: {cpus: "1", memory: 1GiB}}}
                timeline:
                  - {at: 1m, crash: worker-2}
                """)));
        assertEquals(new FaultMetrics(new Fault(t("1m"), "crash worker-2"), OptionalLong.empty(), 3, 0), m.faults().get(0));
        assertEquals(3, m.pending().size());
        assertEquals(List.of("web.2", "web.4", "web.5"), m.pending().stream().map(PendingTask::task).sorted().toList());
        assertEquals(List.of("no suitable node (2 nodes not available for new tasks; insufficient resources on 1 node)"),
                m.pending().stream().map(PendingTask::reason).distinct().toList());
        assertEquals(Optional.of(new MinMax(2, 2)), m.tasksPerNode(), "only worker-1 is up and not drained");
        assertEquals(OptionalDouble.of(1.0), m.peakCpu());
        assertEquals(OptionalDouble.of(0.5), m.peakMemory());
    }

    @Test
    void zonesAreTheZoneLabelAndNodesWithoutOneAreLeftOut() {
        RunMetrics m = Metrics.of(Scenarios.run(Scenarios.parse("""
                scenario: zones
                nodes:
                  - {name: manager-1, role: manager, availability: drain, labels: {zone: a}}
                  - {name: worker-a-1, labels: {zone: a}}
                  - {name: worker-b, count: 2, labels: {zone: b}}
                  - {name: edge-1}
                services:
                  web: {deploy: {replicas: 8}}
                """)));
        assertEquals(List.of(), m.faults());
        assertEquals(Optional.of(new MinMax(2, 2)), m.tasksPerNode());
        assertEquals(Optional.of(new MinMax(2, 4)), m.tasksPerZone(), "zone a: worker-a-1's 2, zone b: 2 + 2");
        assertEquals(OptionalDouble.empty(), m.peakCpu(), "no node declares CPUs");
    }

    /**
     * A global service wants a task on every node that is up: a crashed node's task is not missed,
     * and after the node boots again the service is short of its new task until it runs: 50ms to
     * the scheduler's next batch, no pull (the image is still on disk), 1s to start.
     */
    @Test
    void aGlobalServiceWantsATaskOnEveryNodeThatIsUp() {
        RunMetrics m = Metrics.of(Scenarios.run(Scenarios.parse("""
                scenario: agents
                until: 3m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 3}
                services:
                  agent: {deploy: {mode: global}}
                timeline:
                  - {at: 1m, crash: worker-2}
                  - {at: 2m, restart: worker-2}
                """)));
        assertEquals(new FaultMetrics(new Fault(t("1m"), "crash worker-2"), OptionalLong.of(0), 0, 0), m.faults().get(0));
        assertEquals(new FaultMetrics(new Fault(t("2m"), "restart worker-2"), OptionalLong.of(t("1.05s")), 1, 0),
                m.faults().get(1));
    }

    /**
     * A log written by hand. web.1 runs on n1 (4 CPUs); at 20s the orchestrator gives up on it
     * while it still runs (as after a partition), and its replacement runs on n2 (2 CPUs) at 25s: a
     * move. At 30s that task fails and is replaced on the same node, running at 36s: not a move.
     * The fault at 10s is back at desired from 36s on, 26s after it, with at most 1 task short.
     */
    @Test
    void recoveryIsTheLastReturnToDesiredInTheWindowAndMovesCountOnlyANewNode() {
        Scenario scenario = Scenarios.parse("""
                scenario: by-hand
                until: 2m
                nodes:
                  - {name: n1, role: manager, resources: {cpus: 4}}
                  - {name: n2, resources: {cpus: 2}}
                services:
                  web: {deploy: {replicas: 1, resources: {reservations: {cpus: "1"}}}}
                timeline:
                  - {at: 10s, drain: n1}
                """);
        Log log = new Log();
        log.at("0s", created("a"), state("a", "n1", TaskState.ASSIGNED));
        log.at("1s", state("a", "n1", TaskState.RUNNING));
        log.at("20s", new TaskDesired("a", TaskState.SHUTDOWN, "node down"), created("b"), state("b", "n2", TaskState.ASSIGNED));
        log.at("25s", state("b", "n2", TaskState.RUNNING));
        // The replacement is assigned before the failed task's release is logged: both in one instant.
        log.at("30s", created("c"), state("c", "n2", TaskState.ASSIGNED), state("b", "n2", TaskState.FAILED));
        log.at("36s", state("c", "n2", TaskState.RUNNING));

        RunMetrics m = Metrics.of(new RunResult(scenario, Strategy.SWARM, 1, t("2m"), log.events));

        assertEquals(new FaultMetrics(new Fault(t("10s"), "drain n1"), OptionalLong.of(t("26s")), 1, 1), m.faults().get(0));
        assertEquals(1, m.tasksMoved());
        assertEquals(OptionalDouble.of(0.5), m.peakCpu(), "n2 holds 1 of 2 CPUs; the instant at 30s does not count twice");
        assertEquals(OptionalDouble.empty(), m.peakMemory());
    }

    /** A small event log with a hand-set clock. */
    private static final class Log {
        private long now;
        final EventLog events = new EventLog(() -> now);

        void at(String time, Event... appended) {
            now = t(time);
            for (Event e : appended) {
                events.append(e);
            }
        }
    }

    private static TaskCreated created(String id) {
        return new TaskCreated(id, "web.1", "web", 1, null, 1, "web:latest", TaskState.RUNNING, new TreeMap<>());
    }

    private static TaskStateChanged state(String id, String node, TaskState state) {
        return new TaskStateChanged(id, node, state, state.lowerName(), state == TaskState.FAILED ? "exited" : null);
    }

    private static long timeOf(RunResult run, Predicate<Event> match) {
        return run.log().events().stream().filter(e -> match.test(e.event())).findFirst().map(LoggedEvent::time).orElseThrow();
    }
}
