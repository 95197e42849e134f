package io.flotilla.sim.kernel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts work that reaches the run queue from a thread other than the driver while the simulation
 * runs. Such work (a {@code tell} from a test thread, a future completed on a pool, an actor on
 * another dispatcher) lands at a wall-clock-dependent point of the run and breaks determinism, so
 * the driver fails the run when the count is not zero.
 */
final class DriverGuard {

    private volatile Thread driver;
    private final AtomicLong foreign = new AtomicLong();
    private volatile String firstForeignThread;

    /** Starts guarding: from now on only {@code thread} may submit work. */
    void bind(Thread thread) {
        driver = thread;
    }

    /** Stops guarding, for shutdown, when Pekko's internal threads legitimately take part. */
    void release() {
        driver = null;
    }

    boolean isDriver() {
        return Thread.currentThread() == driver;
    }

    void check() {
        Thread expected = driver;
        if (expected != null && Thread.currentThread() != expected) {
            if (foreign.getAndIncrement() == 0) {
                firstForeignThread = Thread.currentThread().getName();
            }
        }
    }

    long foreignSubmissions() {
        return foreign.get();
    }

    /** Throws when any work came from a foreign thread since the simulation started. */
    void requireClean() {
        long count = foreign.get();
        if (count > 0) {
            throw new IllegalStateException(count + " task(s) reached the simulation from a thread other"
                    + " than its driver (first from thread '" + firstForeignThread + "'); the run is not"
                    + " deterministic. Use tell from the driver or from actors, never ask, pipeToSelf,"
                    + " futures or another dispatcher.");
        }
    }
}
