package io.flotilla.sim.swarm;

import static io.flotilla.sim.swarm.VirtualClock.HOUR;
import static io.flotilla.sim.swarm.VirtualClock.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.RestartPolicy.Condition;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The restart supervisor at exact virtual times: which stopped tasks get a replacement (restart
 * condition, max attempts, window), and when the replacement is told to run (after the restart
 * delay, once the old task has stopped, its node is down or gone, or a minute went by).
 */
class RestartSupervisorTest {

    /** One node, one service of {@code replicas} running tasks with the policy; the store as the manager has it. */
    static PartsRig rig(RestartPolicy policy, int replicas) {
        PartsRig rig = new PartsRig();
        Specs.addNode(rig.store, "node-1", NodeStatus.READY, Availability.ACTIVE);
        ServiceSpec spec = Specs.replicated("web", replicas, "nginx");
        ServiceRecord web = Specs.addService(rig.store, spec.withTask(Specs.task("nginx", policy)));
        for (int slot = 1; slot <= replicas; slot++) {
            Specs.addTask(rig.store, web, slot, "node-1", TaskState.RUNNING);
        }
        return rig;
    }

    /** The task's node reports it ended. */
    static void ends(PartsRig rig, long at, String task, TaskState state) {
        rig.clock.at(at, () -> rig.tasks.observe(task, state, state.lowerName(), state == TaskState.FAILED ? "exit 1" : null));
    }

    static void runs(PartsRig rig, long at, String task) {
        rig.clock.at(at, () -> rig.tasks.observe(task, TaskState.RUNNING, "started", null));
    }

    static List<String> decisions(PartsRig rig) {
        return rig.clock.trace(TaskCreated.class, TaskDesired.class);
    }

    // ---- which tasks are restarted -------------------------------------------------------------

    record ConditionCase(String name, Condition condition, TaskState end, boolean restarted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ConditionCase> conditionCases() {
        return Stream.of(
                new ConditionCase("any: a failed task is restarted (TestOrchestratorRestartOnAny)", Condition.ANY, TaskState.FAILED, true),
                new ConditionCase("any: a completed task is restarted (TestOrchestratorRestartOnAny)", Condition.ANY, TaskState.COMPLETE, true),
                new ConditionCase("on-failure: a failed task is restarted (TestOrchestratorRestartOnFailure)", Condition.ON_FAILURE,
                        TaskState.FAILED, true),
                new ConditionCase("on-failure: a completed task is not (TestOrchestratorRestartOnFailure)", Condition.ON_FAILURE,
                        TaskState.COMPLETE, false),
                new ConditionCase("on-failure: a rejected task is restarted", Condition.ON_FAILURE, TaskState.REJECTED, true),
                new ConditionCase("none: a failed task is not restarted (TestOrchestratorRestartOnNone)", Condition.NONE,
                        TaskState.FAILED, false),
                new ConditionCase("none: a completed task is not restarted (TestOrchestratorRestartOnNone)", Condition.NONE,
                        TaskState.COMPLETE, false));
    }

    /**
     * Swarmkit's TestOrchestratorRestartOnAny, OnFailure and OnNone (with the default 5s delay):
     * the ended task is shut down either way; a replacement is created at once, held at ready,
     * and told to run when the delay has passed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionCases")
    void theRestartConditionDecidesWhetherAStoppedTaskIsReplaced(ConditionCase c) {
        PartsRig rig = rig(new RestartPolicy(c.condition(), 5 * S, 0, 0), 1);
        ends(rig, 10 * S, "web.1#1", c.end());
        rig.clock.runUntil(HOUR);

        String stopped = "10.000 web.1#1 desired shutdown (task " + c.end().lowerName() + ")";
        assertEquals(c.restarted()
                ? List.of(stopped, "10.000 web.1#2 created nginx desired ready", "15.000 web.1#2 desired running (ready to start)")
                : List.of(stopped), decisions(rig));
    }

    @Test
    void aTaskThatWasMeantToStopIsNotReplaced() {
        PartsRig rig = rig(RestartPolicy.DEFAULT, 2);
        rig.clock.at(5 * S, () -> rig.tasks.setDesired(rig.task("web.2#1"), TaskState.REMOVE, "scale down"));
        ends(rig, 6 * S, "web.2#1", TaskState.SHUTDOWN);
        rig.clock.runUntil(HOUR);

        assertEquals(List.of("5.000 web.2#1 desired remove (scale down)"), decisions(rig));
    }

    // ---- max attempts and window ------------------------------------------------------------------

    record AttemptCase(String name, RestartPolicy policy, int replicas, Consumer<PartsRig> script, List<String> decisions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AttemptCase> attemptCases() {
        RestartPolicy once = new RestartPolicy(Condition.ANY, 5 * S, 1, 0);
        RestartPolicy oncePer20s = new RestartPolicy(Condition.ANY, 5 * S, 1, 20 * S);
        return Stream.of(
                new AttemptCase("max_attempts 1: each slot is restarted once (TestOrchestratorRestartMaxAttempts)", once, 2, rig -> {
                    ends(rig, 10 * S, "web.1#1", TaskState.FAILED);
                    ends(rig, 11 * S, "web.2#1", TaskState.FAILED);
                    runs(rig, 17 * S, "web.1#2");
                    runs(rig, 17 * S, "web.2#2");
                    ends(rig, 30 * S, "web.1#2", TaskState.FAILED);
                    ends(rig, 31 * S, "web.2#2", TaskState.FAILED);
                }, List.of(
                        "10.000 web.1#1 desired shutdown (task failed)",
                        "10.000 web.1#2 created nginx desired ready",
                        "11.000 web.2#1 desired shutdown (task failed)",
                        "11.000 web.2#2 created nginx desired ready",
                        "15.000 web.1#2 desired running (ready to start)",
                        "16.000 web.2#2 desired running (ready to start)",
                        "30.000 web.1#2 desired shutdown (task failed)",
                        "31.000 web.2#2 desired shutdown (task failed)")),
                new AttemptCase("max_attempts counts per spec version (TestOrchestratorRestartMaxAttempts)", once, 1, rig -> {
                    ends(rig, 10 * S, "web.1#1", TaskState.FAILED);
                    rig.clock.at(12 * S, () -> rig.store.services.get("web").version++);
                    runs(rig, 17 * S, "web.1#2");
                    ends(rig, 30 * S, "web.1#2", TaskState.FAILED);
                }, List.of(
                        "10.000 web.1#1 desired shutdown (task failed)",
                        "10.000 web.1#2 created nginx desired ready",
                        "15.000 web.1#2 desired running (ready to start)",
                        "30.000 web.1#2 desired shutdown (task failed)",
                        "30.000 web.1#3 created nginx desired ready",
                        "35.000 web.1#3 desired running (ready to start)")),
                new AttemptCase("window 20s: only restarts within the window count (TestOrchestratorRestartWindow)", oncePer20s, 2, rig -> {
                    ends(rig, 10 * S, "web.1#1", TaskState.FAILED);
                    ends(rig, 10 * S, "web.2#1", TaskState.FAILED);
                    runs(rig, 16 * S, "web.1#2");
                    runs(rig, 16 * S, "web.2#2");
                    ends(rig, 25 * S, "web.1#2", TaskState.FAILED);
                    ends(rig, 31 * S, "web.2#2", TaskState.FAILED);
                }, List.of(
                        "10.000 web.1#1 desired shutdown (task failed)",
                        "10.000 web.1#2 created nginx desired ready",
                        "10.000 web.2#1 desired shutdown (task failed)",
                        "10.000 web.2#2 created nginx desired ready",
                        "15.000 web.1#2 desired running (ready to start)",
                        "15.000 web.2#2 desired running (ready to start)",
                        "25.000 web.1#2 desired shutdown (task failed)",
                        "31.000 web.2#2 desired shutdown (task failed)",
                        "31.000 web.2#3 created nginx desired ready",
                        "36.000 web.2#3 desired running (ready to start)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attemptCases")
    void maxAttemptsAndWindowLimitRestartsPerSlot(AttemptCase c) {
        PartsRig rig = rig(c.policy(), c.replicas());
        c.script().accept(rig);
        rig.clock.runUntil(HOUR);

        assertEquals(c.decisions(), decisions(rig));
    }

    // ---- when the replacement starts ----------------------------------------------------------------

    record StartCase(String name, RestartPolicy policy, Consumer<PartsRig> script, String start) {
        @Override
        public String toString() {
            return name;
        }
    }

    static void drain(PartsRig rig, long at) {
        rig.clock.at(at, () -> {
            rig.store.setAvailability(rig.store.nodes.get("node-1"), Availability.DRAIN);
            rig.orchestrator.availabilityChanged("node-1", Availability.DRAIN);
        });
    }

    static Stream<StartCase> startCases() {
        return Stream.of(
                new StartCase("the old task failed: the replacement runs after the 5s delay (TestOrchestratorRestartDelay)",
                        RestartPolicy.DEFAULT, rig -> ends(rig, 10 * S, "web.1#1", TaskState.FAILED), "15.000"),
                new StartCase("a 2s delay", new RestartPolicy(Condition.ANY, 2 * S, 0, 0),
                        rig -> ends(rig, 10 * S, "web.1#1", TaskState.FAILED), "12.000"),
                new StartCase("the old task's node is down: nothing to wait for after the delay", RestartPolicy.DEFAULT, rig ->
                        rig.clock.at(10 * S, () -> {
                            rig.store.setStatus(rig.store.nodes.get("node-1"), NodeStatus.DOWN);
                            rig.orchestrator.nodeLost("node-1", "node down");
                        }), "15.000"),
                new StartCase("drained: no delay, but the old task must stop first", RestartPolicy.DEFAULT, rig -> {
                    drain(rig, 10 * S);
                    ends(rig, 12 * S, "web.1#1", TaskState.SHUTDOWN);
                }, "12.000"),
                new StartCase("drained, and the old task never says it stopped: a minute (TaskTimeout)", RestartPolicy.DEFAULT,
                        rig -> drain(rig, 10 * S), "70.000"),
                new StartCase("drained, then the old task's node goes down: no more waiting", RestartPolicy.DEFAULT, rig -> {
                    drain(rig, 10 * S);
                    rig.clock.at(30 * S, () -> {
                        rig.store.setStatus(rig.store.nodes.get("node-1"), NodeStatus.DOWN);
                        rig.restarts.nodeLost("node-1", "node down");
                    });
                }, "30.000"),
                new StartCase("drained, then the old task's node is removed", RestartPolicy.DEFAULT, rig -> {
                    drain(rig, 10 * S);
                    rig.clock.at(40 * S, () -> {
                        rig.store.removeNode("node-1");
                        rig.restarts.nodeLost("node-1", "node removed");
                    });
                }, "40.000"));
    }

    /** Swarmkit's DelayStart ({@code restart.go}): the restart delay, then the old task's end, its node, or TaskTimeout. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("startCases")
    void theReplacementRunsOnceTheDelayHasPassedAndTheOldTaskIsGone(StartCase c) {
        PartsRig rig = rig(c.policy(), 1);
        c.script().accept(rig);
        rig.clock.runUntil(HOUR);

        List<String> decisions = decisions(rig);
        assertEquals("web.1#2 created nginx desired ready", decisions.get(1).substring(7));
        assertEquals(List.of(c.start() + " web.1#2 desired running (ready to start)"),
                decisions.stream().filter(d -> d.contains("desired running")).toList(), "all: " + decisions);
    }

    /**
     * Swarmkit's {@code Restart} ({@code restart.go}): a task that stops while it is itself a
     * replacement still in its restart delay (rejected at once, its image missing) is restarted only
     * when its delay is over, after it was let run as {@code StartNow} lets every delayed task: "to
     * avoid tight restart loops (for example, when the image doesn't exist)".
     */
    @Test
    void aReplacementRejectedDuringItsDelayIsRestartedWhenTheDelayIsOver() {
        PartsRig rig = rig(RestartPolicy.DEFAULT, 1);
        ends(rig, 10 * S, "web.1#1", TaskState.FAILED);
        ends(rig, 11 * S, "web.1#2", TaskState.REJECTED);
        ends(rig, 16 * S, "web.1#3", TaskState.REJECTED);
        rig.clock.runUntil(HOUR);

        assertEquals(List.of(
                "10.000 web.1#1 desired shutdown (task failed)",
                "10.000 web.1#2 created nginx desired ready",
                "15.000 web.1#2 desired running (ready to start)",
                "15.000 web.1#2 desired shutdown (task rejected)",
                "15.000 web.1#3 created nginx desired ready",
                "20.000 web.1#3 desired running (ready to start)",
                "20.000 web.1#3 desired shutdown (task rejected)",
                "20.000 web.1#4 created nginx desired ready",
                "25.000 web.1#4 desired running (ready to start)"), decisions(rig));
    }

    /**
     * Swarmkit's global TestNodeAvailability: a global task that fails on a paused node is shut
     * down, not restarted; the node gets a new task once it is active again.
     */
    @Test
    void aGlobalTaskThatStopsOnAPausedNodeIsNotRestarted() {
        PartsRig rig = new PartsRig();
        NodeRecord node = Specs.addNode(rig.store, "node-1", NodeStatus.READY, Availability.PAUSE);
        ServiceRecord agent = Specs.addService(rig.store, Specs.global("agent", "nginx"));
        Specs.addTask(rig.store, agent, 0, "node-1", TaskState.RUNNING);
        ends(rig, 10 * S, "agent.node-1#1", TaskState.FAILED);
        rig.clock.at(20 * S, () -> rig.reconcile("agent"));
        rig.clock.at(30 * S, () -> {
            rig.store.setAvailability(node, Availability.ACTIVE);
            rig.reconcile("agent");
        });
        rig.clock.runUntil(HOUR);

        assertTrue(rig.store.stoppedForNode.contains("agent.node-1#1"));
        assertEquals(List.of(
                "10.000 agent.node-1#1 desired shutdown (task failed)",
                "30.000 agent.node-1#2 created nginx desired running"), decisions(rig));
    }
}
