package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads one run's outcome metrics from its event log and its scenario, and nothing else: the same
 * code measures every strategy. See {@code docs/compare.md} for what each metric means.
 */
public final class Metrics {

    private Metrics() {}

    public static RunMetrics of(RunResult run) {
        Scenario scenario = run.scenario();
        Replay replay = new Replay(scenario, Fault.of(scenario)).run(run.log().events(), run.end());
        ClusterView end = replay.view();
        List<RunMetrics.PendingTask> pending = new ArrayList<>();
        for (String workload : replay.workloads().names()) {
            end.pending(workload).forEach(t -> pending.add(new RunMetrics.PendingTask(t.name, t.error().orElse(""))));
        }
        Map<String, Integer> perNode = tasksPerUsableNode(end);
        Map<String, Integer> perZone = new LinkedHashMap<>();
        for (NodeDecl n : scenario.nodes()) {
            if (perNode.containsKey(n.name())) {
                Zones.of(n.spec()).ifPresent(zone -> perZone.merge(zone, perNode.get(n.name()), Integer::sum));
            }
        }
        long failed = Expectations.evaluate(run).stream().filter(r -> !r.passed()).count();
        List<TrafficCounted> windows = windows(run.log().events());
        boolean traffic = !scenario.traffic().isEmpty();
        List<RunMetrics.FaultMetrics> faults = replay.faults();
        if (traffic) {
            List<RunMetrics.FaultMetrics> withTraffic = new ArrayList<>();
            for (int i = 0; i < faults.size(); i++) {
                long windowEnd = i + 1 < faults.size() ? faults.get(i + 1).fault().at() : run.end();
                withTraffic.add(faults.get(i).withFailingFor(failingFor(windows, faults.get(i).fault().at(), windowEnd)));
            }
            faults = withTraffic;
        }
        OptionalLong requestsFailed = traffic
                ? OptionalLong.of(windows.stream().mapToLong(Metrics::failed).sum())
                : OptionalLong.empty();
        return new RunMetrics(run.seed(), faults, replay.tasksMoved(), pending,
                minMax(perNode.values()), minMax(perZone.values()), replay.peakCpu(), replay.peakMemory(),
                requestsFailed, (int) failed);
    }

    private static long failed(TrafficCounted w) {
        return w.failed().values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<TrafficCounted> windows(List<LoggedEvent> log) {
        List<TrafficCounted> out = new ArrayList<>();
        for (LoggedEvent logged : log) {
            if (logged.event() instanceof TrafficCounted w) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * From {@code from} to the end of the last traffic window before {@code to} in which a request
     * failed (every client); 0 when none did; empty when requests still fail in the window that
     * reaches {@code to}.
     */
    static OptionalLong failingFor(List<TrafficCounted> windows, long from, long to) {
        long lastFailure = Long.MIN_VALUE;
        for (TrafficCounted w : windows) {
            if (failed(w) > 0 && w.to() > from && w.from() < to) {
                lastFailure = Math.max(lastFailure, w.to());
            }
        }
        if (lastFailure == Long.MIN_VALUE) {
            return OptionalLong.of(0);
        }
        return lastFailure >= to ? OptionalLong.empty() : OptionalLong.of(lastFailure - from);
    }

    /** Live running tasks on every node that is up and not drained, in node order (zero included). */
    private static Map<String, Integer> tasksPerUsableNode(ClusterView view) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeView n : view.nodes()) {
            if (n.isUp() && n.availability() != Availability.DRAIN) {
                counts.put(n.name, 0);
            }
        }
        Map<String, Integer> running = new HashMap<>();
        for (TaskView t : view.allTasks()) {
            if (Replay.liveRunning(t)) {
                t.node().ifPresent(node -> running.merge(node, 1, Integer::sum));
            }
        }
        counts.replaceAll((node, zero) -> running.getOrDefault(node, 0));
        return counts;
    }

    private static Optional<RunMetrics.MinMax> minMax(Collection<Integer> counts) {
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        int min = counts.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        return Optional.of(new RunMetrics.MinMax(min, max));
    }
}
