package io.flotilla.scenarios.api;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.TrafficTotals;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.views.RunMoment;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A finished run, read as of its end or of any earlier moment ({@link #at}). Like the scenario's
 * own expectations, every answer is what is really true in the cluster, not what the manager
 * believes.
 */
public final class SimulatedRun {

    private final RunResult result;
    private final ClusterView view;
    private final long time;

    SimulatedRun(RunResult result) {
        this(result, result.end());
    }

    private SimulatedRun(RunResult result, long time) {
        this.result = result;
        this.time = time;
        this.view = Views.initial(result.scenario());
        view.applyUntil(result.log(), 0, time);
    }

    /** The cluster as it was at {@code time} ("30s", "2m"); before the end of the run. */
    public SimulatedRun at(String time) {
        long nanos = Durations.parse(time).orElseThrow(() -> new IllegalArgumentException("not a duration: " + time));
        if (nanos > result.end()) {
            throw new IllegalArgumentException(time + " is after the end of the run, " + Durations.format(result.end()));
        }
        return new SimulatedRun(result, nanos);
    }

    /** How many tasks of the service run. */
    public int running(String service) {
        return view.running(service).size();
    }

    /** Running tasks of the service per node, by node name (nodes without any left out). */
    public SortedMap<String, Integer> placement(String service) {
        return new TreeMap<>(view.runningPerNode(service));
    }

    /** The node the task ({@code web.3}, {@code web.worker-1}) runs on, if it runs. */
    public Optional<String> nodeOf(String task) {
        return view.newest(task).filter(TaskView::isRunning).flatMap(TaskView::node);
    }

    /** How many tasks of the service wait to be placed. */
    public int pending(String service) {
        return view.pending(service).size();
    }

    /** Why the task is not placed, in the strategy's own words (empty once it is). */
    public Optional<String> pendingReason(String task) {
        return view.newest(task).flatMap(TaskView::error);
    }

    /** The node's real state: {@code ready}, {@code down} or {@code unknown}. */
    public String nodeState(String node) {
        return view.node(node).orElseThrow(() -> new IllegalArgumentException("no node " + node)).state();
    }

    /**
     * What a container on {@code node} gets when it resolves {@code name} on {@code network}: the
     * addresses its resolver answers with now (empty: NXDOMAIN), as that node has learnt them.
     */
    public List<String> dnsAnswers(String node, String network, String name) {
        return view.dns(node, Optional.of(network), name).map(DnsAnswersChanged::addresses).orElse(List.of());
    }

    /**
     * What became of the requests {@code client} sent before this moment (in whole seconds), however
     * late the run decided their fate.
     */
    public TrafficTotals traffic(String client) {
        List<TrafficCounted> windows = result.log().eventsOf(TrafficCounted.class).stream()
                .filter(w -> w.client().equals(client))
                .toList();
        return TrafficTotals.of(windows, Long.MIN_VALUE, time);
    }

    /**
     * The secrets the task ({@code web.1}, {@code web.worker-1}) sees: those granted to the newest
     * task of the slot, each with its id and the file its container mounts; empty for a task granted
     * none, or no such task.
     */
    public List<TaskSecrets.GrantedFile> secretsOf(String task) {
        return view.newest(task).map(TaskView::secrets).orElse(List.of());
    }

    /** The configs the task sees, as {@link #secretsOf} the secrets. */
    public List<TaskSecrets.GrantedFile> configsOf(String task) {
        return view.newest(task).map(TaskView::configs).orElse(List.of());
    }

    /** The names of the secrets {@code node} holds: those of its tasks that have not ended. */
    public List<String> secretsOn(String node) {
        return view.secretsOn(node);
    }

    /**
     * Under the kubernetes strategy, the last refused pod creation of the workload's controller
     * ({@code Error creating: pods "..." is forbidden: ...}); empty when none was refused.
     */
    public Optional<String> failedCreate(String workload) {
        return Optional.ofNullable(view.failedCreates().get(workload)).map(f -> f.latest().message());
    }

    /** The scenario's own expectations, evaluated. */
    public List<ExpectationResult> expectations() {
        return Expectations.evaluate(result);
    }

    /**
     * The run at this moment as the real tools' views read it (what the manager and the API server
     * record, not the truth): {@code ServicePs.render(run.at("50s").moment(), List.of("web"))}.
     */
    public RunMoment moment() {
        return RunMoment.of(result, time);
    }

    /** The whole event log (the truth every answer here is read from). */
    public EventLog events() {
        return result.log();
    }
}
