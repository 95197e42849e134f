package io.flotilla.sim.swarm;

import io.flotilla.sim.kernel.Event;

/** Where the manager's decisions and beliefs go: the run's event log. */
interface EventSink {

    void log(Event event);
}
