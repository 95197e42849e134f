package io.flotilla.scenarios.compare;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The outcome of one run (one strategy, one seed), as {@link Metrics} reads it from the event log.
 *
 * @param faults one entry per {@link Fault}, in time order
 * @param tasksMoved over the whole run: a slot's task started running on another node than the
 *     slot's previous running task
 * @param pending the newest tasks still waiting for a node at the end, with the strategy's reason
 * @param tasksPerNode running tasks on the nodes that are up and not drained at the end; empty when no node is
 * @param tasksPerZone the same per zone ({@link Zones}); empty when no such node has a zone
 * @param peakCpu the highest share of a node's CPU reserved by its tasks at any moment (0..1);
 *     empty when no node declares CPUs
 * @param peakMemory the same for memory
 * @param requestsFailed the requests of every traffic client that failed, over the whole run; empty
 *     when the scenario has no traffic
 * @param expectationsFailed the scenario's expectations that did not hold in this run
 */
public record RunMetrics(
        long seed,
        List<FaultMetrics> faults,
        int tasksMoved,
        List<PendingTask> pending,
        Optional<MinMax> tasksPerNode,
        Optional<MinMax> tasksPerZone,
        OptionalDouble peakCpu,
        OptionalDouble peakMemory,
        OptionalLong requestsFailed,
        int expectationsFailed) {

    public RunMetrics {
        faults = List.copyOf(faults);
        pending = List.copyOf(pending);
    }

    /**
     * One fault's window, from its time to the next fault or the end of the run.
     *
     * @param recovery from the fault until every workload is back at its desired running count and
     *     stays there to the end of the window; {@code 0} when it never fell short; empty when it is
     *     still short when the window ends
     * @param worstShortfall the most tasks missing at any moment of the window, over all workloads
     * @param moved tasks that started running on another node than their slot's previous task, in the window
     * @param failingFor from the fault to the end of the last second of the window in which a request
     *     failed; {@code 0} when none failed; empty when requests still fail as the window ends, or
     *     when the scenario has no traffic
     * @param dataLost the writes the volumes no longer hold at the window's end that they held at the
     *     fault, as a span of virtual time ({@link VolumeReach}), summed over the volumes; empty when the
     *     scenario has no volumes
     * @param ordinalsBack from the fault until every ordinal of every statefulset runs again, however
     *     many faults later; {@code 0} when none was missing in the window; empty when they do not all
     *     run again within the run, or when the scenario has no statefulsets
     */
    public record FaultMetrics(Fault fault, OptionalLong recovery, int worstShortfall, int moved, OptionalLong failingFor,
            OptionalLong dataLost, OptionalLong ordinalsBack) {

        /** A fault's metrics in a run without traffic or storage. */
        public FaultMetrics(Fault fault, OptionalLong recovery, int worstShortfall, int moved) {
            this(fault, recovery, worstShortfall, moved, OptionalLong.empty());
        }

        /** A fault's metrics in a run without storage. */
        public FaultMetrics(Fault fault, OptionalLong recovery, int worstShortfall, int moved, OptionalLong failingFor) {
            this(fault, recovery, worstShortfall, moved, failingFor, OptionalLong.empty(), OptionalLong.empty());
        }

        FaultMetrics withFailingFor(OptionalLong value) {
            return new FaultMetrics(fault, recovery, worstShortfall, moved, value, dataLost, ordinalsBack);
        }
    }

    /** A task waiting for a node, with the unplaced reason in its strategy's words. */
    public record PendingTask(String task, String reason) {}

    public record MinMax(int min, int max) {}
}
