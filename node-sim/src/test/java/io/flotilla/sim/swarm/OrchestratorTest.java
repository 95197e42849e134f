package io.flotilla.sim.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replicated and global orchestrators on a store seeded as the cases need, without a
 * scheduler or nodes: which slots get tasks, which tasks a scale-down removes, and what happens
 * to tasks on nodes that are down, drained, paused, unknown or gone.
 */
class OrchestratorTest {

    record Seed(int slot, TaskState state, TaskState desired) {}

    record SlotCase(String name, List<Seed> seeds, int replicas, List<String> decisions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Seed running(int slot) {
        return new Seed(slot, TaskState.RUNNING, TaskState.RUNNING);
    }

    static Stream<SlotCase> slotCases() {
        return Stream.of(
                new SlotCase("an empty service gets slots 1 to 3", List.of(), 3, List.of(
                        "0.000 web.1#1 created nginx desired running",
                        "0.000 web.2#1 created nginx desired running",
                        "0.000 web.3#1 created nginx desired running")),
                new SlotCase("the lowest free slots are filled first", List.of(running(1), running(3)), 4, List.of(
                        "0.000 web.2#1 created nginx desired running",
                        "0.000 web.4#1 created nginx desired running")),
                new SlotCase("a slot whose task is being removed is free again",
                        List.of(running(1), new Seed(2, TaskState.RUNNING, TaskState.REMOVE)), 2, List.of(
                        "0.000 web.2#2 created nginx desired running")),
                new SlotCase("the right number of tasks: nothing to do", List.of(running(1), running(2)), 2, List.of()),
                new SlotCase("too many on one node: the higher slots go", List.of(running(1), running(2), running(3)), 1, List.of(
                        "0.000 web.2#1 desired remove (scale down)",
                        "0.000 web.3#1 desired remove (scale down)")),
                new SlotCase("a task that is not running yet goes before running ones",
                        List.of(new Seed(1, TaskState.STARTING, TaskState.RUNNING), running(2)), 1, List.of(
                        "0.000 web.1#1 desired remove (scale down)")));
    }

    /** Swarmkit's TestReplicatedOrchestrator: a service gets, and keeps, the number of tasks it asks for. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("slotCases")
    void aReplicatedServiceIsBroughtToItsReplicas(SlotCase c) {
        PartsRig rig = new PartsRig();
        Specs.addNode(rig.store, "node-1", NodeStatus.READY, Availability.ACTIVE);
        ServiceRecord web = Specs.addService(rig.store, Specs.replicated("web", c.replicas(), "nginx"));
        for (Seed s : c.seeds()) {
            Task t = Specs.addTask(rig.store, web, s.slot(), "node-1", s.state());
            rig.store.put(t.withDesired(s.desired()));
        }
        rig.reconcile("web");

        assertEquals(c.decisions(), rig.clock.trace(TaskCreated.class, TaskDesired.class));
    }

    /**
     * Swarmkit's TestReplicatedScaleDown: an unassigned task goes first; then the nodes with the
     * most copies lose tasks, higher slots first; then a task that is not running yet goes before
     * running ones on less crowded nodes.
     */
    @Test
    void scaleDownBalancesWhatIsLeftAcrossNodes() {
        PartsRig rig = new PartsRig();
        for (String n : List.of("node-1", "node-2", "node-3")) {
            Specs.addNode(rig.store, n, NodeStatus.READY, Availability.ACTIVE);
        }
        ServiceRecord web = Specs.addService(rig.store, Specs.replicated("web", 6, "nginx"));
        Specs.addTask(rig.store, web, 1, "node-1", TaskState.STARTING);
        Specs.addTask(rig.store, web, 2, "node-2", TaskState.RUNNING);
        Specs.addTask(rig.store, web, 3, "node-2", TaskState.RUNNING);
        Specs.addTask(rig.store, web, 4, "node-3", TaskState.RUNNING);
        Specs.addTask(rig.store, web, 5, "node-3", TaskState.RUNNING);
        Specs.addTask(rig.store, web, 6, "node-3", TaskState.RUNNING);
        Specs.addTask(rig.store, web, 7, null, TaskState.PENDING);

        rig.reconcile("web");
        assertEquals(List.of("0.000 web.7#1 desired remove (scale down)"), rig.clock.trace(TaskDesired.class));
        assertEquals(TaskState.SHUTDOWN, rig.task("web.7#1").state(), "never assigned: the manager stops it itself");

        web.spec = web.spec.withReplicas(4);
        rig.reconcile("web");
        web.spec = web.spec.withReplicas(2);
        rig.reconcile("web");

        assertEquals(List.of(
                "0.000 web.7#1 desired remove (scale down)",
                "0.000 web.5#1 desired remove (scale down)",
                "0.000 web.6#1 desired remove (scale down)",
                "0.000 web.1#1 desired remove (scale down)",
                "0.000 web.3#1 desired remove (scale down)"), rig.clock.trace(TaskDesired.class));
        assertEquals(List.of("web.5#1", "web.6#1", "web.1#1", "web.3#1"),
                rig.sent.stream().map(Task::id).toList(), "their nodes are told");
        assertEquals(List.of("web.2#1", "web.4#1"),
                rig.store.occupiedSlots("web").stream().map(Task::id).toList());
    }

    /**
     * Swarmkit's TestDrain: tasks on a down or drained node are shut down and replaced in their
     * slot; tasks on an unknown or paused node, and unassigned ones, stay. Draining a node later,
     * or removing it, moves its tasks too, and every service is reconciled again.
     */
    @Test
    void tasksOnDownDrainedOrRemovedNodesAreReplacedAndOthersStay() {
        PartsRig rig = new PartsRig();
        Specs.addNode(rig.store, "node-1", NodeStatus.READY, Availability.ACTIVE);
        Specs.addNode(rig.store, "node-2", NodeStatus.DOWN, Availability.ACTIVE);
        Specs.addNode(rig.store, "node-3", NodeStatus.UNKNOWN, Availability.ACTIVE);
        Specs.addNode(rig.store, "node-4", NodeStatus.READY, Availability.PAUSE);
        Specs.addNode(rig.store, "node-5", NodeStatus.READY, Availability.DRAIN);
        ServiceRecord web = Specs.addService(rig.store, Specs.replicated("web", 6, "nginx"));
        Specs.addTask(rig.store, web, 1, null, TaskState.PENDING);
        for (int i = 1; i <= 5; i++) {
            Specs.addTask(rig.store, web, i + 1, "node-" + i, TaskState.RUNNING);
        }

        rig.reconcile("web");
        assertEquals(List.of(
                "0.000 web.3#1 desired shutdown (node down)",
                "0.000 web.3#2 created nginx desired ready",
                "0.000 web.6#1 desired shutdown (node drained)",
                "0.000 web.6#2 created nginx desired ready"), rig.clock.trace(TaskCreated.class, TaskDesired.class));
        assertEquals(List.of(), rig.queued);

        rig.store.setAvailability(rig.store.nodes.get("node-4"), Availability.DRAIN);
        rig.orchestrator.availabilityChanged("node-4", Availability.DRAIN);
        rig.store.removeNode("node-1");
        rig.orchestrator.nodeLost("node-1", "node removed");

        assertEquals(List.of(
                "0.000 web.5#1 desired shutdown (node drained)",
                "0.000 web.5#2 created nginx desired ready",
                "0.000 web.2#1 desired shutdown (node removed)",
                "0.000 web.2#2 created nginx desired ready"),
                rig.clock.trace(TaskCreated.class, TaskDesired.class).subList(4, 8));
        assertEquals(List.of("*", "*"), rig.queued);
        assertEquals(TaskState.RUNNING, rig.task("web.4#1").desired(), "unknown node: left alone");
        assertEquals(TaskState.RUNNING, rig.task("web.1#1").desired(), "unassigned: left alone");
    }

    /**
     * Swarmkit's global orchestrator tests TestAddNode, TestNodeState, TestNodeAvailability and
     * TestDeleteNode: one task per ready, active node; a node that goes down or is drained loses
     * its task and gets a new one when it is usable again; a paused node keeps its task; a removed
     * node's task is shut down.
     */
    @Test
    void aGlobalServiceRunsOneTaskPerUsableNode() {
        PartsRig rig = new PartsRig();
        NodeRecord node1 = Specs.addNode(rig.store, "node-1", NodeStatus.READY, Availability.ACTIVE);
        NodeRecord node2 = Specs.addNode(rig.store, "node-2", NodeStatus.READY, Availability.ACTIVE);
        Specs.addService(rig.store, Specs.global("agent", "nginx"));
        rig.reconcile("agent");
        rig.runAll();

        rig.store.setStatus(node1, NodeStatus.DOWN);
        rig.orchestrator.nodeLost("node-1", "node down");
        rig.reconcile("agent");
        rig.store.setStatus(node1, NodeStatus.READY);
        rig.orchestrator.nodeReady("node-1");
        rig.reconcile("agent");

        rig.store.setAvailability(node2, Availability.DRAIN);
        rig.orchestrator.availabilityChanged("node-2", Availability.DRAIN);
        rig.reconcile("agent");
        rig.store.setAvailability(node2, Availability.ACTIVE);
        rig.orchestrator.availabilityChanged("node-2", Availability.ACTIVE);
        rig.reconcile("agent");

        NodeRecord node3 = Specs.addNode(rig.store, "node-3", NodeStatus.READY, Availability.ACTIVE);
        rig.reconcile("agent");
        rig.runAll();
        rig.store.setAvailability(node3, Availability.PAUSE);
        rig.orchestrator.availabilityChanged("node-3", Availability.PAUSE);
        rig.reconcile("agent");
        rig.store.removeNode("node-3");
        rig.orchestrator.nodeLost("node-3", "node removed");
        rig.reconcile("agent");

        assertEquals(List.of(
                "0.000 agent.node-1#1 created nginx desired running",
                "0.000 agent.node-2#1 created nginx desired running",
                "0.000 agent.node-1#1 desired shutdown (node down)",
                "0.000 agent.node-1#2 created nginx desired running",
                "0.000 agent.node-2#1 desired shutdown (node drained)",
                "0.000 agent.node-2#2 created nginx desired running",
                "0.000 agent.node-3#1 created nginx desired running",
                "0.000 agent.node-3#1 desired shutdown (node removed)"), rig.clock.trace(TaskCreated.class, TaskDesired.class));
        assertEquals(List.of("*", "*", "*", "*", "*", "*"), rig.queued);
    }
}
