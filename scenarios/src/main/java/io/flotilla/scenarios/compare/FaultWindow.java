package io.flotilla.scenarios.compare;

import java.util.OptionalLong;

/**
 * The stretch of one fault, from its time to the next fault: fed the shortfall (tasks missing over
 * all workloads) after every instant in it, it keeps the worst shortfall and the moment from which
 * nothing was missing any more.
 */
final class FaultWindow {

    private final Fault fault;
    private long backSince = -1;
    private int worst;
    private int moved;

    FaultWindow(Fault fault) {
        this.fault = fault;
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

    RunMetrics.FaultMetrics result() {
        OptionalLong recovery = backSince < 0 ? OptionalLong.empty() : OptionalLong.of(backSince - fault.at());
        return new RunMetrics.FaultMetrics(fault, recovery, worst, moved);
    }
}
