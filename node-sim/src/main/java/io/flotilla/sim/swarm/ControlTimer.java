package io.flotilla.sim.swarm;

import io.flotilla.sim.control.ControlPlaneTimer;

/** The Swarm control plane's timers; equal timers replace each other, as Pekko timer keys do. */
public sealed interface ControlTimer extends ControlPlaneTimer {

    /** The earliest heartbeat deadline is due: nodes silent for their grace period go down. */
    enum HeartbeatSweep implements ControlTimer {
        INSTANCE;

        @Override
        public boolean frequent() {
            return true;
        }
    }

    /** The node has been down for a day: its tasks are orphaned. */
    record NodeDownExpired(String node) implements ControlTimer {}

    /** The scheduler's debounced pass over pending tasks, armed again for every task created. */
    enum SchedulerTick implements ControlTimer {
        INSTANCE;

        @Override
        public boolean frequent() {
            return true;
        }
    }

    /** A replacement task's restart delay has passed (or its wait for the old task timed out). */
    record StartReplacement(String taskId) implements ControlTimer {}

    /** A rolling-update worker may take its next slot. */
    record UpdateStep(String service, int worker) implements ControlTimer {}

    /** The monitor period after the last updated slot is over. */
    record UpdateMonitorDone(String service) implements ControlTimer {}
}
