package io.flotilla.scenarios.compare;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The stretch of one fault, from its time to the next fault: fed the shortfall (tasks missing over
 * all workloads) after every instant in it, it keeps the worst shortfall and the moment from which
 * nothing was missing any more. With storage it also keeps how far the volumes' data reached at
 * its start and end, and, for statefulsets, whether an ordinal was missing in it and the first
 * moment after that when every ordinal ran again, which may come in a later fault's window.
 */
final class FaultWindow {

    private final Fault fault;
    private final boolean volumes;
    private final boolean statefulsets;
    private long backSince = -1;
    private int worst;
    private int moved;
    private Map<String, Long> reachAtStart = Map.of();
    private Map<String, Long> reachAtEnd = Map.of();
    private boolean ordinalMissing;
    private long ordinalsBackAt = -1;

    FaultWindow(Fault fault, boolean volumes, boolean statefulsets) {
        this.fault = fault;
        this.volumes = volumes;
        this.statefulsets = statefulsets;
    }

    void sample(long time, int shortfall) {
        worst = Math.max(worst, shortfall);
        if (shortfall > 0) {
            backSince = -1;
        } else if (backSince < 0) {
            backSince = time;
        }
    }

    void moved() {
        moved++;
    }

    /** How far each volume's data reached as the fault came, before its own instant. */
    void started(Map<String, Long> reach) {
        reachAtStart = Map.copyOf(reach);
    }

    /** How far each volume's data reached as the window ended. */
    void ended(Map<String, Long> reach) {
        reachAtEnd = Map.copyOf(reach);
    }

    /**
     * After an instant at {@code time}: whether every ordinal runs, and whether the instant is in this
     * fault's own window (a missing ordinal counts only there; its return is watched to the end).
     */
    void ordinals(long time, boolean allRun, boolean inWindow) {
        if (!allRun && inWindow) {
            ordinalMissing = true;
        }
        if (allRun && ordinalMissing && ordinalsBackAt < 0) {
            ordinalsBackAt = time;
        }
    }

    RunMetrics.FaultMetrics result() {
        OptionalLong recovery = backSince < 0 ? OptionalLong.empty() : OptionalLong.of(backSince - fault.at());
        OptionalLong dataLost = volumes ? OptionalLong.of(VolumeReach.lost(reachAtStart, reachAtEnd)) : OptionalLong.empty();
        OptionalLong ordinalsBack = !statefulsets || (ordinalMissing && ordinalsBackAt < 0)
                ? OptionalLong.empty()
                : OptionalLong.of(ordinalMissing ? ordinalsBackAt - fault.at() : 0);
        return new RunMetrics.FaultMetrics(fault, recovery, worst, moved, OptionalLong.empty(), dataLost, ordinalsBack);
    }
}
