package io.flotilla.sim.kernel;

import java.util.function.LongSupplier;

/**
 * What a simulation offers the actors it runs: the event log, the seeded random streams and virtual
 * now. The guardian factory given to {@link Simulation#start(String, long, java.util.function.Function)}
 * receives it and hands it (or just the parts a child needs) to the actors it creates, at
 * construction; there is no global to reach for.
 *
 * <p>All three are for use on the driver thread, which is where every actor of the simulation runs.
 */
public final class Kernel {

    private final EventLog log;
    private final RandomStreams random;
    private final LongSupplier clock;

    Kernel(EventLog log, RandomStreams random, LongSupplier clock) {
        this.log = log;
        this.random = random;
        this.clock = clock;
    }

    public EventLog log() {
        return log;
    }

    public RandomStreams random() {
        return random;
    }

    /** Virtual now, in nanoseconds since the simulation started. */
    public long now() {
        return clock.getAsLong();
    }
}
