package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.run.RunProgress;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.LoggedEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The progress line of a long run on a terminal's stderr: how much virtual time has been simulated
 * and how many tasks were placed, rewritten in place ({@code \r}) at most every
 * {@value #EVERY_MILLIS} ms once the run has taken more than a second of wall-clock time, and wiped
 * when the run ends. A run that ends within the second prints nothing. The wall clock is read only
 * here, never by the simulation.
 */
final class Progress implements RunProgress, AutoCloseable {

    static final long QUIET_MILLIS = 1000;
    static final long EVERY_MILLIS = 100;

    private final PrintWriter err;
    private final LongSupplier wallNanos;
    private final long started;
    private long lastShown = Long.MIN_VALUE;
    private boolean shown;
    private int scanned;
    private long placed;

    Progress(PrintWriter err, LongSupplier wallNanos) {
        this.err = err;
        this.wallNanos = wallNanos;
        this.started = wallNanos.getAsLong();
    }

    /** A progress line on {@code err} if the terminal wants one, else one that shows nothing. */
    static Progress on(Terminal terminal, PrintWriter err) {
        return terminal.progress() ? new Progress(err, System::nanoTime) : new Progress(null, () -> 0);
    }

    /** A listener to give the runner: none at all when nothing will be shown, so the run is not cut into steps. */
    RunProgress listener() {
        return err == null ? RunProgress.NONE : this;
    }

    @Override
    public void reached(long now, long until, EventLog log) {
        if (err == null) {
            return;
        }
        List<LoggedEvent> events = log.events();
        for (; scanned < events.size(); scanned++) {
            if (events.get(scanned).event() instanceof TaskStateChanged e && e.state() == TaskState.ASSIGNED) {
                placed++;
            }
        }
        long wall = wallNanos.getAsLong();
        long millis = (wall - started) / 1_000_000;
        if (millis < QUIET_MILLIS || (shown && (wall - lastShown) / 1_000_000 < EVERY_MILLIS)) {
            return;
        }
        lastShown = wall;
        shown = true;
        err.print("\r\033[K" + line(now, until, placed));
        err.flush();
    }

    static String line(long now, long until, long placed) {
        return String.format("flotilla: simulated %s of %s, %,d tasks placed", Durations.format(now), Durations.format(until), placed);
    }

    /** Wipes the line, if one was shown. */
    @Override
    public void close() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
