package io.flotilla.benchmarks.swarm;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneEffects;
import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.swarm.ControlPlane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The world of a Swarm {@link ControlPlane} alone, without actors: a virtual clock with the
 * plane's timers, and nodes that do what they are told at once. A node runs each task assigned to
 * it to be run, and reports it running when asked ({@link #reportRunning}); it echoes the last
 * assignments version it got and the reports it sent in its heartbeats, as an agent does, so no
 * heartbeat asks for a full resync. Events are counted, not kept, and so are nodes marked down.
 */
final class ManagerWorld implements ControlPlaneEffects {

    private record Armed(long at, long sequence, ControlPlaneTimer timer) {}

    private final PriorityQueue<Armed> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.sequence, b.sequence));
    /** The sequence of each timer's live arming; an entry of another sequence was replaced or cancelled. */
    private final Map<ControlPlaneTimer, Long> live = new HashMap<>();
    private final Map<String, NodeState> nodes = new HashMap<>();
    private ControlPlane plane;
    private long now;
    private long sequence;
    long events;
    /** How many times a node was marked down. */
    int downs;

    private static final class NodeState {
        long assignmentsSeen;
        long reportsSent;
        final List<String> toRun = new ArrayList<>();
    }

    void attach(ControlPlane plane) {
        this.plane = plane;
    }

    /** Fires every timer due up to {@code time}, in order, then leaves the clock at {@code time}. */
    void runUntil(long time) {
        while (!queue.isEmpty() && queue.peek().at() <= time) {
            Armed next = queue.poll();
            Long current = live.get(next.timer());
            if (current == null || current != next.sequence()) {
                continue;
            }
            live.remove(next.timer());
            now = next.at();
            plane.timer(next.timer());
        }
        now = time;
    }

    void register(String node) {
        NodeState state = node(node);
        state.toRun.clear();
        plane.register(node, true, List.of(), state.reportsSent);
    }

    void heartbeat(String node) {
        NodeState state = node(node);
        plane.heartbeat(node, state.reportsSent, state.assignmentsSeen);
    }

    /** Every node reports running the tasks it was told to run since its last report. */
    void reportRunning() {
        nodes.forEach((name, state) -> {
            if (!state.toRun.isEmpty()) {
                List<TaskReport> reports = state.toRun.stream()
                        .map(id -> new TaskReport(id, TaskState.RUNNING, "started", null))
                        .toList();
                state.toRun.clear();
                state.reportsSent += reports.size();
                plane.reports(name, reports, state.reportsSent);
            }
        });
    }

    private NodeState node(String node) {
        return nodes.computeIfAbsent(node, n -> new NodeState());
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void log(Event event) {
        events++;
        if (event instanceof NodeStatusChanged changed && changed.status() == NodeStatus.DOWN) {
            downs++;
        }
    }

    @Override
    public void startTimer(ControlPlaneTimer timer, long delayNanos) {
        long id = sequence++;
        live.put(timer, id);
        queue.add(new Armed(now + delayNanos, id, timer));
    }

    @Override
    public void cancelTimer(ControlPlaneTimer timer) {
        live.remove(timer);
    }

    @Override
    public void assign(String node, long version, boolean full, List<Assignment> assignments) {
        NodeState state = node(node);
        state.assignmentsSeen = version;
        for (Assignment a : assignments) {
            if (a.desired() == TaskState.RUNNING && a.task().state().compareTo(TaskState.RUNNING) < 0) {
                state.toRun.add(a.task().id());
            }
        }
    }

    @Override
    public void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports) {}
}
