package io.flotilla.sim.swarm;

import static io.flotilla.sim.swarm.VirtualClock.S;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneEffects;
import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.kernel.Event;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A whole {@link ControlPlane} on a {@link VirtualClock} with scripted node agents, without actors.
 * Heartbeats come every 5s (no jitter) from the moment a node registered; an agent takes an
 * assigned task to ready at once, starts it when it is meant to run, and reports it running
 * {@link #START} later; it stops a task at once. Containers of an image listed in
 * {@link #crashAfter} exit with an error that long after they started running.
 */
final class FakeSwarm implements ControlPlaneEffects {

    static final SwarmSettings EXACT = new SwarmSettings(5 * S, 0, 3);
    /** How long an agent takes to start a container. */
    static final long START = S;

    final VirtualClock clock = new VirtualClock();
    final ControlPlane plane;
    /** Image name to how long its containers run before they exit with an error. */
    final Map<String, Long> crashAfter = new HashMap<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();

    /** A node's agent: the containers it runs and the counters it echoes to the manager. */
    private final class Agent {
        final String node;
        final Map<String, TaskState> containers = new LinkedHashMap<>();
        final Map<String, TaskState> desired = new HashMap<>();
        final Map<String, String> images = new HashMap<>();
        long period = EXACT.heartbeatPeriodNanos();
        long reportsSent;
        long assignmentsSeen;

        Agent(String node) {
            this.node = node;
        }

        void heartbeat() {
            plane.heartbeat(node, reportsSent, assignmentsSeen);
            clock.at(clock.now() + period, this::heartbeat);
        }

        void assigned(long version, boolean full, List<Assignment> assignments) {
            assignmentsSeen = version;
            Set<String> listed = new HashSet<>();
            for (Assignment a : assignments) {
                String id = a.task().id();
                listed.add(id);
                desired.put(id, a.desired());
                if (!containers.containsKey(id)) {
                    if (a.desired().compareTo(TaskState.RUNNING) > 0 || a.task().state().isTerminal()) {
                        continue;
                    }
                    images.put(id, a.task().spec().image());
                    move(id, TaskState.READY, null);
                }
                apply(id);
            }
            if (full) {
                for (String id : List.copyOf(containers.keySet())) {
                    if (!listed.contains(id)) {
                        desired.put(id, TaskState.SHUTDOWN);
                        apply(id);
                    }
                }
            }
        }

        private void apply(String id) {
            TaskState state = containers.get(id);
            if (state.isTerminal()) {
                return;
            }
            if (desired.get(id).compareTo(TaskState.RUNNING) > 0) {
                move(id, TaskState.SHUTDOWN, null);
            } else if (desired.get(id) == TaskState.RUNNING && state == TaskState.READY) {
                move(id, TaskState.STARTING, null);
                clock.at(clock.now() + START, () -> started(id));
            }
        }

        private void started(String id) {
            if (containers.get(id) != TaskState.STARTING) {
                return;
            }
            move(id, TaskState.RUNNING, null);
            Long after = crashAfter.get(images.get(id));
            if (after != null) {
                clock.at(clock.now() + after, () -> {
                    if (containers.get(id) == TaskState.RUNNING) {
                        move(id, TaskState.FAILED, "task: non-zero exit (1)");
                    }
                });
            }
        }

        private void move(String id, TaskState state, String error) {
            containers.put(id, state);
            reportsSent++;
            long sent = reportsSent;
            TaskReport report = new TaskReport(id, state, state.lowerName(), error);
            clock.later(() -> plane.reports(node, List.of(report), sent));
        }
    }

    /** {@code nodes} workers, node-1 to node-n, registered at time 0. */
    FakeSwarm(int nodes) {
        plane = new ControlPlane(this, EXACT, List.of(), new SplittableRandom(1), Set.of());
        clock.onTimer(plane::timer);
        for (int i = 1; i <= nodes; i++) {
            String name = "node-" + i;
            Agent agent = new Agent(name);
            agents.put(name, agent);
            plane.addNode(Specs.node(name), Availability.ACTIVE);
            plane.register(name, true, List.of(), 0);
            clock.at(agent.period, agent::heartbeat);
        }
    }

    /** The newest task of each slot of the service, in slot order. */
    List<Task> slots(String service) {
        return List.copyOf(plane.store.newestPerSlot(service).values());
    }

    /** How many tasks of the service the nodes run right now. */
    long running(String service) {
        return plane.store.tasks().stream()
                .filter(t -> t.service().equals(service) && t.isAssigned()
                        && agents.get(t.node()).containers.get(t.id()) == TaskState.RUNNING)
                .count();
    }

    // ---- ControlPlaneEffects ---------------------------------------------------------------------

    @Override
    public long now() {
        return clock.now();
    }

    @Override
    public void log(Event event) {
        clock.log(event);
    }

    @Override
    public void startTimer(ControlPlaneTimer timer, long delayNanos) {
        clock.start((ControlTimer) timer, delayNanos);
    }

    @Override
    public void cancelTimer(ControlPlaneTimer timer) {
        clock.cancel((ControlTimer) timer);
    }

    @Override
    public void assign(String node, long version, boolean full, List<Assignment> assignments) {
        Agent agent = agents.get(node);
        clock.later(() -> agent.assigned(version, full, assignments));
    }

    @Override
    public void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports) {
        Agent agent = agents.get(node);
        clock.later(() -> agent.period = nextPeriodNanos);
    }
}
