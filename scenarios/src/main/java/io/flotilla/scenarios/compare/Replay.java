package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Replays a run's event log instant by instant into a {@link ClusterView}, and after every instant
 * (every distinct event time, and every fault's time) samples what the metrics need: the tasks
 * missing from each workload's desired count, the reservations on each node. Samples are taken
 * between instants only, so a task released and another assigned at the same moment never count
 * twice.
 */
final class Replay {

    private final Workloads workloads;
    private final List<Fault> faults;
    private final List<FaultWindow> windows;
    private final ClusterView view;
    private final Set<String> workloadsWithTasks = new HashSet<>();
    private final boolean storage;
    private final VolumeReach reach = new VolumeReach();
    /** Running tasks the orchestrator still wants, per statefulset ordinal ({@code db-0}). */
    private final Map<String, Integer> liveOrdinals = new HashMap<>();

    /** Running tasks the orchestrator still wants (desired running or before), per workload. */
    private final Map<String, Integer> liveRunning = new HashMap<>();
    private final Map<String, String> lastRunningNode = new HashMap<>();
    private final Map<String, Resources> reservationOfTask = new HashMap<>();
    private final Map<String, Resources> reservedOnNode = new HashMap<>();
    private final Map<String, Resources> capacity = new HashMap<>();
    private final Set<String> changedNodes = new LinkedHashSet<>();
    private int window = -1;
    private int tasksMoved;
    private double peakCpu;
    private double peakMemory;

    Replay(Scenario scenario, List<Fault> faults) {
        this.workloads = Workloads.of(scenario);
        this.faults = List.copyOf(faults);
        this.storage = Workloads.storage(scenario);
        boolean statefulsets = !workloads.statefulsets().isEmpty();
        this.windows = faults.stream().map(f -> new FaultWindow(f, storage, statefulsets)).toList();
        this.view = Views.initial(scenario);
        for (NodeDecl n : scenario.nodes()) {
            capacity.put(n.name(), n.spec().resources());
        }
    }

    /** Replays {@code log} up to and including virtual {@code end}. */
    Replay run(List<LoggedEvent> log, long end) {
        for (LoggedEvent logged : log) {
            if (logged.event() instanceof TaskCreated c) {
                workloadsWithTasks.add(c.service());
            }
        }
        int next = 0;
        while (true) {
            long nextEvent = next < log.size() && log.get(next).time() <= end ? log.get(next).time() : Long.MAX_VALUE;
            long nextFault = window + 1 < faults.size() ? faults.get(window + 1).at() : Long.MAX_VALUE;
            long now = Math.min(nextEvent, nextFault);
            if (now == Long.MAX_VALUE) {
                break;
            }
            if (nextFault == now) {
                // The volumes' reach as the fault comes, before anything at its instant happens: the
                // end of the previous window and the start of this one.
                Map<String, Long> reachNow = storage ? reach.at(view, now) : Map.of();
                if (window >= 0) {
                    windows.get(window).ended(reachNow);
                }
                window++;
                windows.get(window).started(reachNow);
            }
            while (next < log.size() && log.get(next).time() == now) {
                apply(log.get(next++));
            }
            sample(now);
        }
        if (window >= 0 && storage) {
            windows.get(window).ended(reach.at(view, end));
        }
        return this;
    }

    ClusterView view() {
        return view;
    }

    Workloads workloads() {
        return workloads;
    }

    List<RunMetrics.FaultMetrics> faults() {
        return windows.stream().map(FaultWindow::result).toList();
    }

    int tasksMoved() {
        return tasksMoved;
    }

    OptionalDouble peakCpu() {
        boolean any = capacity.values().stream().anyMatch(c -> c.nanoCpus() > 0);
        return any ? OptionalDouble.of(peakCpu) : OptionalDouble.empty();
    }

    OptionalDouble peakMemory() {
        boolean any = capacity.values().stream().anyMatch(c -> c.memoryBytes() > 0);
        return any ? OptionalDouble.of(peakMemory) : OptionalDouble.empty();
    }

    /** Really running, and still wanted by the orchestrator (not being shut down or removed). */
    static boolean liveRunning(TaskView t) {
        return t.state() == TaskState.RUNNING && t.desired().compareTo(TaskState.RUNNING) <= 0;
    }

    private void apply(LoggedEvent logged) {
        Event event = logged.event();
        Optional<String> id = taskOf(event);
        if (id.isEmpty()) {
            reach.apply(event);
            view.apply(logged);
            return;
        }
        String taskId = id.get();
        if (event instanceof TaskCreated c) {
            reservationOfTask.put(c.task(), workloads.at(c.service(), logged.time())
                    .map(Workloads.Version::reservations).orElse(Resources.NONE));
        }
        Optional<TaskView> task = view.task(taskId);
        boolean wasLive = task.map(Replay::liveRunning).orElse(false);
        Optional<String> heldOn = task.flatMap(Replay::holdingNode);
        view.apply(logged);
        task = view.task(taskId);
        if (task.isEmpty()) {
            return;
        }
        TaskView t = task.get();
        boolean live = liveRunning(t);
        if (live != wasLive) {
            liveRunning.merge(t.service, live ? 1 : -1, Integer::sum);
            if (workloads.statefulsets().contains(t.service)) {
                liveOrdinals.merge(t.name, live ? 1 : -1, Integer::sum);
            }
        }
        Optional<String> holds = holdingNode(t);
        if (!holds.equals(heldOn)) {
            Resources reserved = reservationOfTask.getOrDefault(taskId, Resources.NONE);
            heldOn.ifPresent(n -> reserve(n, Resources.NONE.minus(reserved)));
            holds.ifPresent(n -> reserve(n, reserved));
        }
        if (event instanceof TaskStateChanged s && s.state() == TaskState.RUNNING && t.node().isPresent()) {
            String previous = lastRunningNode.put(t.name, t.node().get());
            if (previous != null && !previous.equals(t.node().get())) {
                tasksMoved++;
                if (window >= 0) {
                    windows.get(window).moved();
                }
            }
        }
    }

    private void sample(long now) {
        if (window >= 0) {
            windows.get(window).sample(now, shortfall(now));
            if (!workloads.statefulsets().isEmpty()) {
                boolean allRun = everyOrdinalRuns(now);
                for (int w = 0; w <= window; w++) {
                    windows.get(w).ordinals(now, allRun, w == window);
                }
            }
        }
        for (String node : changedNodes) {
            Resources cap = capacity.getOrDefault(node, Resources.NONE);
            Resources reserved = reservedOnNode.getOrDefault(node, Resources.NONE);
            if (cap.nanoCpus() > 0) {
                peakCpu = Math.max(peakCpu, (double) reserved.nanoCpus() / cap.nanoCpus());
            }
            if (cap.memoryBytes() > 0) {
                peakMemory = Math.max(peakMemory, (double) reserved.memoryBytes() / cap.memoryBytes());
            }
        }
        changedNodes.clear();
    }

    /**
     * Tasks missing now, over every workload that has tasks in this run: a replicated service or
     * statefulset wants its replica count; a global service wants a task on every node that is up
     * and that the orchestrator keeps a task for.
     */
    private int shortfall(long now) {
        int missing = 0;
        for (String name : workloads.names()) {
            Optional<Workloads.Version> version = workloads.at(name, now);
            if (version.isEmpty() || !workloadsWithTasks.contains(name)) {
                continue;
            }
            int desired = version.get().global() ? globalDesired(name) : version.get().replicas();
            missing += Math.max(0, desired - liveRunning.getOrDefault(name, 0));
        }
        return missing;
    }

    /**
     * True when every ordinal each statefulset asks for now ({@code db-0} up to its replicas) has a
     * running task its orchestrator still wants. A statefulset with no task in the log (not run by
     * this build) is left out, as from the shortfall.
     */
    private boolean everyOrdinalRuns(long now) {
        for (String set : workloads.statefulsets()) {
            Optional<Workloads.Version> version = workloads.at(set, now);
            if (version.isEmpty() || !workloadsWithTasks.contains(set)) {
                continue;
            }
            for (int ordinal = 0; ordinal < version.get().replicas(); ordinal++) {
                if (liveOrdinals.getOrDefault(set + "-" + ordinal, 0) <= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private int globalDesired(String service) {
        int count = 0;
        for (TaskView t : view.newestTasks()) {
            if (t.service.equals(service) && t.desired().compareTo(TaskState.RUNNING) <= 0
                    && t.node().flatMap(view::node).map(NodeView::isUp).orElse(false)) {
                count++;
            }
        }
        return count;
    }

    private void reserve(String node, Resources delta) {
        reservedOnNode.merge(node, delta, Resources::plus);
        changedNodes.add(node);
    }

    /** The node whose resources the task holds: from its assignment until it stops. */
    private static Optional<String> holdingNode(TaskView t) {
        boolean holds = t.state().compareTo(TaskState.ASSIGNED) >= 0 && !t.state().isTerminal();
        return holds ? t.node() : Optional.empty();
    }

    private static Optional<String> taskOf(Event event) {
        if (event instanceof TaskCreated e) {
            return Optional.of(e.task());
        } else if (event instanceof TaskStateChanged e) {
            return Optional.of(e.task());
        } else if (event instanceof TaskDesired e) {
            return Optional.of(e.task());
        }
        return Optional.empty();
    }
}
