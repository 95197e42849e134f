package io.flotilla.sim.kernel;

import com.typesafe.config.Config;
import java.io.Closeable;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import org.apache.pekko.actor.AbstractScheduler;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.event.LoggingAdapter;
import scala.concurrent.ExecutionContext;
import scala.concurrent.duration.FiniteDuration;

/**
 * Pekko's scheduler replaced by a virtual clock, installed through {@code
 * pekko.scheduler.implementation}. It never reads the wall clock: time moves only when the
 * driver ({@link Simulation#runUntil}) pops the next timer and sets <em>now</em> to its due time.
 *
 * <p>Timers wait in a {@link TimeQueue} ordered by (due nanos, order scheduled), so timers due at the
 * same instant fire in the order they were scheduled. A cancelled timer stays in the queue and is
 * skipped when popped. A fixed-rate timer is re-armed at {@code due + interval} with a fresh
 * place in that order before its task runs. A tick armed by {@link #arm} waits in the same queue
 * without a timer of its own.
 *
 * <p>The scheduler also owns the <em>run queue</em>: every mailbox run of the default dispatcher
 * (see {@link SimExecutorConfigurator}) is appended to it and the driver thread runs it. The system
 * is quiescent exactly when that queue is empty. Work appended from another thread than the driver
 * is counted by the {@link DriverGuard}.
 *
 * <p>Timers may be scheduled from Pekko's internal threads (logger start-up, coordinated
 * shutdown), so the timer queue is guarded by this object's monitor.
 */
public final class VirtualTimeScheduler extends AbstractScheduler implements Closeable {

    /** No arm's number (see {@link #arm}). */
    public static final long NOT_ARMED = -1;

    /** Timers, and the ticks armed without one. */
    private final TimeQueue<Runnable> timers = new TimeQueue<>();
    private final Queue<Runnable> runQueue = new ConcurrentLinkedQueue<>();
    private final DriverGuard guard = new DriverGuard();
    private volatile long now;
    private long firing = NOT_ARMED;
    private int cancelledInQueue;
    private boolean closed;
    private long tasksRun;
    private long timersFired;

    /** The constructor Pekko calls through {@code pekko.scheduler.implementation}. */
    public VirtualTimeScheduler(Config config, LoggingAdapter log, ThreadFactory threadFactory) {}

    /** The virtual-time scheduler of a simulation's actor system. */
    public static VirtualTimeScheduler of(ActorSystem<?> system) {
        if (Adapter.toClassic(system).scheduler() instanceof VirtualTimeScheduler virtual) {
            return virtual;
        }
        throw new IllegalStateException("actor system " + system.name() + " does not run on virtual time");
    }

    /** Virtual now, in nanoseconds since the simulation started. */
    public long now() {
        return now;
    }

    @Override
    public Cancellable scheduleOnce(FiniteDuration delay, Runnable task, ExecutionContext executor) {
        return add(delayNanos(delay), 0, task, executor);
    }

    /**
     * The fixed-rate primitive that Pekko's {@code scheduleAtFixedRate} (and so typed fixed-rate
     * timers) calls; Pekko deprecates calling it directly, not implementing it.
     */
    @Override
    @SuppressWarnings("deprecation")
    public Cancellable schedule(
            FiniteDuration initialDelay, FiniteDuration interval, Runnable task, ExecutionContext executor) {
        long period = interval.toNanos();
        if (period <= 0) {
            throw new IllegalArgumentException("a fixed-rate interval must be positive, was " + interval);
        }
        return add(delayNanos(initialDelay), period, task, executor);
    }

    /** Virtual time has no tick: any frequency is fine. */
    @Override
    public double maxFrequency() {
        return 1.0e9;
    }

    /**
     * Runs {@code action} on the driver thread when virtual time reaches {@code time}; an exception
     * it throws comes out of {@link Simulation#runUntil}.
     */
    synchronized Cancellable at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalArgumentException("time " + time + " is before now " + now);
        }
        return add(time - now, 0, action, null);
    }

    /**
     * Runs {@code action} on the driver thread after {@code delayNanos} of virtual time: a timer in
     * the same queue as Pekko's, without Pekko's timer bookkeeping, for an actor that re-arms one
     * timer all the time (the action tells the actor its tick).
     */
    public Cancellable after(long delayNanos, Runnable action) {
        return add(Math.max(0, delayNanos), 0, action, null);
    }

    /**
     * Runs {@code tick} on the driver thread after {@code delayNanos} of virtual time, at the place
     * in the order of timers that {@link #after} would give it, without a timer object: the queue
     * holds the tick itself. Returns the arm's number, which {@link #firing} gives while the tick
     * runs; a tick run under any other number was armed again or disarmed since, and must do
     * nothing. For the one timer every node arms again at every heartbeat: a timer object of its
     * own was one more read from memory, with thousands of other nodes' heartbeats in between.
     * Returns {@link #NOT_ARMED} once the scheduler is closed.
     */
    public synchronized long arm(long delayNanos, Runnable tick) {
        return closed ? NOT_ARMED : timers.add(saturatedAdd(now, Math.max(0, delayNanos)), tick);
    }

    /** The number of the arm whose tick runs now (see {@link #arm}). */
    public long firing() {
        return firing;
    }

    /**
     * Whether no mailbox run is queued. A timer fires only then, once the run queue is drained, and
     * no actor is running: so a timer's action may do what an actor would do on receiving the
     * timer's message, as the next message it runs, without the tell and the mailbox run.
     */
    public boolean quiescent() {
        return runQueue.isEmpty();
    }

    /** Pekko closes its scheduler when the actor system terminates; later timers never fire. */
    @Override
    public synchronized void close() {
        closed = true;
        timers.clear();
        cancelledInQueue = 0;
    }

    DriverGuard guard() {
        return guard;
    }

    /** Appends a task to the run queue; called by the dispatcher's executor from any thread. */
    void submit(Runnable task) {
        guard.check();
        runQueue.add(task);
    }

    /** Runs the run queue on the calling (driver) thread until it is empty: quiescence. */
    void runQueued() {
        Runnable task;
        while ((task = runQueue.poll()) != null) {
            tasksRun++;
            task.run();
        }
    }

    /**
     * Pops the earliest live timer or armed tick due at or before {@code limit}, moves now to its due
     * time and runs it. Returns false, leaving now alone, when there is none. A tick whose arm is no
     * longer current runs too, and does nothing: nothing else runs before the next one is popped.
     */
    boolean fireNext(long limit) {
        Runnable due = popDue(limit);
        if (due == null) {
            return false;
        }
        timersFired++;
        due.run();
        return true;
    }

    /** Moves now forward to {@code time}; no timer may be due before it. */
    synchronized void advanceTo(long time) {
        if (time < now) {
            throw new IllegalArgumentException("time " + time + " is before now " + now);
        }
        now = time;
    }

    boolean idle() {
        return runQueue.isEmpty();
    }

    long tasksRun() {
        return tasksRun;
    }

    long timersFired() {
        return timersFired;
    }

    private synchronized Runnable popDue(long limit) {
        while (!timers.isEmpty()) {
            long time = timers.peekTime();
            if (time > limit) {
                return null;
            }
            long order = timers.peekOrder();
            Runnable due = timers.poll();
            if (!(due instanceof Timer timer)) {
                now = time;
                firing = order;
                return due;
            }
            if (timer.cancelled) {
                cancelledInQueue--;
                continue;
            }
            now = timer.due;
            if (timer.period > 0) {
                timer.due = saturatedAdd(timer.due, timer.period);
                timers.add(timer.due, timer);
            } else {
                timer.done = true;
            }
            return timer;
        }
        return null;
    }

    private synchronized Cancellable add(long delay, long period, Runnable task, ExecutionContext executor) {
        if (closed) {
            return Cancellable.alreadyCancelled();
        }
        Timer timer = new Timer(saturatedAdd(now, delay), period, task, executor);
        timers.add(timer.due, timer);
        return timer;
    }

    private synchronized boolean cancel(Timer timer) {
        if (timer.cancelled || timer.done) {
            return false;
        }
        timer.cancelled = true;
        cancelledInQueue++;
        // Lazy deletion keeps cancel O(1); compact only when dead entries dominate, so a run that
        // keeps resetting timeouts does not grow the queue without bound.
        if (cancelledInQueue > 1024 && cancelledInQueue > timers.size() / 2) {
            timers.removeIf(t -> t instanceof Timer queued && queued.cancelled);
            cancelledInQueue = 0;
        }
        return true;
    }

    private static long delayNanos(FiniteDuration delay) {
        return Math.max(0, delay.toNanos());
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** One queued timer; it is its own {@link Cancellable}, and running it fires it. */
    private final class Timer implements Cancellable, Runnable {
        private long due;
        private final long period;
        private final Runnable task;
        private final ExecutionContext executor;
        private volatile boolean cancelled;
        private boolean done;

        Timer(long due, long period, Runnable task, ExecutionContext executor) {
            this.due = due;
            this.period = period;
            this.task = task;
            this.executor = executor;
        }

        @Override
        public void run() {
            if (executor == null) {
                task.run();
            } else {
                // Pekko's typed timers pass the parasitic context, so this is an inline tell.
                executor.execute(task);
            }
        }

        @Override
        public boolean cancel() {
            return VirtualTimeScheduler.this.cancel(this);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
