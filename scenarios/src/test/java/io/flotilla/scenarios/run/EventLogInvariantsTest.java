package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What must hold in every Swarm run, checked on the event log of every shipped example: a task's
 * state, true or believed, only moves forward (swarmkit's task state is a lamport clock); a node
 * runs only tasks the scheduler assigned to it; a crashed node does nothing until it boots.
 */
class EventLogInvariantsTest {

    static List<Path> examples() throws java.io.IOException {
        return ExamplesTest.examples().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void taskStatesOnlyMoveForwardAndNodesRunOnlyWhatTheyWereAssigned(Path file) {
        Scenario scenario = ExamplesTest.load(file);
        assumeTrue(scenario.strategy() == Strategy.SWARM, "the swarm strategy's rules");
        Sim sim = Sim.of(ScenarioRunner.run(scenario, RunOptions.DEFAULT));
        List<String> wrong = new ArrayList<>();
        Map<String, TaskState> truth = new HashMap<>();
        Map<String, TaskState> belief = new HashMap<>();
        Set<String> crashed = new HashSet<>();
        for (LoggedEvent logged : sim.run.log().events()) {
            String at = Durations.format(logged.time());
            if (logged.event() instanceof TaskStateChanged e) {
                TaskState before = truth.put(e.task(), e.state());
                if (before != null && e.state().compareTo(before) <= 0) {
                    wrong.add(at + " " + e.task() + " really went from " + before + " to " + e.state());
                }
                // The scheduler may still assign to a dead node it believes ready; the node itself does nothing.
                boolean onTheNode = e.state().compareTo(TaskState.ASSIGNED) > 0 && !e.message().equals("node crashed");
                if (onTheNode && crashed.contains(e.node())) {
                    wrong.add(at + " " + e.task() + " changed to " + e.state() + " on crashed " + e.node());
                }
            } else if (logged.event() instanceof TaskObserved e) {
                TaskState before = belief.put(e.task(), e.state());
                if (before != null && e.state().compareTo(before) <= 0) {
                    wrong.add(at + " the manager moved " + e.task() + " back from " + before + " to " + e.state());
                }
            } else if (logged.event() instanceof NodeCrashed e) {
                crashed.add(e.node());
            } else if (logged.event() instanceof NodeBooted e) {
                crashed.remove(e.node());
            }
        }
        wrong.addAll(sim.acceptedWithoutAssignment().stream().map(t -> t + " accepted without assignment").toList());
        assertEquals(List.of(), wrong);
    }
}
