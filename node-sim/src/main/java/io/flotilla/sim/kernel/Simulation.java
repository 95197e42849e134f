package io.flotilla.sim.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;

/**
 * The driver of one simulated run: a Pekko typed actor system on a virtual clock, whose actors all
 * run on the thread that created the simulation (the <em>driver</em>).
 *
 * <p>{@link #runUntil} alternates between running every queued mailbox until the system is quiet
 * and jumping the clock to the next timer. Messages between actors take no virtual time; Pekko
 * timers ({@code Behaviors.withTimers}, {@code ctx.scheduleOnce}) fire at exact virtual instants,
 * and timers due at the same instant fire in the order they were scheduled. Scenario timelines use
 * {@link #at} and {@link #tellAt}.
 *
 * <p>Rules for the actors, because each breaks determinism: no {@code ask} or {@code pipeToSelf}
 * (replies arrive through a thread pool; use {@code tell} with a {@code replyTo} and a timer as the
 * timeout), no other dispatcher, no wall clock, sleeping or blocking, no {@code ThreadLocalRandom}
 * (use {@link RandomStreams}), never log or hash-iterate {@code ActorRef}s or enums, supervision
 * backoff with {@code randomFactor} 0 and no {@code withLimit(n, withinTimeRange)} (it reads the
 * wall clock), round-robin rather than random group routers. Work arriving from another thread is
 * detected and fails the run.
 *
 * <p>Nothing here is static: several simulations can run in one JVM, one after another or in
 * parallel threads, each on its own driver.
 */
public final class Simulation<T> implements AutoCloseable {

    /** How long {@link #close} waits, in wall-clock time, for Pekko to terminate. */
    private static final long CLOSE_DEADLINE_NANOS = 30_000_000_000L;

    private final String name;
    private final Thread driver;
    private final RandomStreams random;
    private final EventLog log;
    private final Kernel kernel;
    private final ActorSystem<T> system;
    private final VirtualTimeScheduler scheduler;
    private boolean running;
    private boolean closed;

    private Simulation(String name, long seed, Function<Kernel, Behavior<T>> guardian) {
        this.name = name;
        this.driver = Thread.currentThread();
        this.random = new RandomStreams(seed);
        this.log = new EventLog(this::now);
        this.kernel = new Kernel(log, random, this::now);
        this.system = ActorSystem.create(Objects.requireNonNull(guardian.apply(kernel)), name, bootstrap());
        this.scheduler = VirtualTimeScheduler.of(system);
        scheduler.guard().bind(driver);
    }

    /**
     * Starts a simulation whose guardian (root actor) is built from the {@link Kernel}, which is how
     * actors get the event log, the random streams and virtual now. The calling thread becomes the
     * driver: only it may tell, schedule, run and close. No actor runs until {@link #runUntil}.
     *
     * @param name the actor system's name (letters, digits, {@code -} and {@code _})
     * @param seed the seed of every random stream in the run
     */
    public static <T> Simulation<T> start(String name, long seed, Function<Kernel, Behavior<T>> guardian) {
        return new Simulation<>(name, seed, guardian);
    }

    /** Starts a simulation with a guardian that needs nothing from the kernel. */
    public static <T> Simulation<T> start(String name, long seed, Behavior<T> guardian) {
        return new Simulation<>(name, seed, kernel -> guardian);
    }

    public String name() {
        return name;
    }

    public long seed() {
        return random.seed();
    }

    public EventLog log() {
        return log;
    }

    public RandomStreams random() {
        return random;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The actor system, for what this class does not wrap; its threads are not the driver's. */
    public ActorSystem<T> system() {
        return system;
    }

    /** The guardian. */
    public ActorRef<T> root() {
        return system;
    }

    /** Sends {@code message} to the guardian; it is processed by the next {@link #runUntil}. */
    public void tell(T message) {
        requireOpenDriver();
        system.tell(message);
    }

    /** Virtual now, in nanoseconds since the start. */
    public long now() {
        return scheduler == null ? 0 : scheduler.now();
    }

    /**
     * Runs the simulation up to virtual {@code time} (nanoseconds) included: every timer due at or
     * before it fires, and every message it causes is processed. Afterwards {@link #now()} is
     * exactly {@code time}.
     *
     * @throws IllegalStateException when work reached the simulation from a foreign thread
     */
    public void runUntil(long time) {
        requireOpenDriver();
        if (time < now()) {
            throw new IllegalArgumentException("cannot run back to " + time + "; now is " + now());
        }
        if (running) {
            throw new IllegalStateException("runUntil called from inside the run");
        }
        scheduler.guard().requireClean();
        running = true;
        try {
            do {
                scheduler.runQueued();
            } while (scheduler.fireNext(time));
            scheduler.advanceTo(time);
        } finally {
            running = false;
        }
        scheduler.guard().requireClean();
    }

    /** Runs for {@code duration} nanoseconds of virtual time from now. */
    public void runFor(long duration) {
        runUntil(Math.addExact(now(), duration));
    }

    /**
     * Runs {@code action} on the driver when virtual time reaches {@code time}, after the timers
     * scheduled earlier for that instant. An exception it throws comes out of {@link #runUntil}.
     */
    public Cancellable at(long time, Runnable action) {
        requireOpenDriver();
        return scheduler.at(time, Objects.requireNonNull(action));
    }

    /** Sends {@code message} to {@code target} at virtual {@code time}; see {@link #at}. */
    public <M> Cancellable tellAt(long time, ActorRef<M> target, M message) {
        Objects.requireNonNull(message);
        return at(time, () -> target.tell(message));
    }

    public RunStats stats() {
        return new RunStats(scheduler.tasksRun(), scheduler.timersFired());
    }

    /**
     * Terminates the actor system, running its queue on this thread until it has terminated. The
     * clock does not move. Pekko's shutdown also uses its own threads, so the guard is off from
     * here, and a wall-clock deadline stops a shutdown that would never end.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        requireOpenDriver();
        closed = true;
        scheduler.guard().release();
        system.terminate();
        long deadline = wallClockNanos() + CLOSE_DEADLINE_NANOS;
        while (!system.whenTerminated().isCompleted()) {
            scheduler.runQueued();
            if (scheduler.idle() && !system.whenTerminated().isCompleted()) {
                if (wallClockNanos() - deadline > 0) {
                    throw new IllegalStateException("simulation " + name + " did not terminate");
                }
                // Pekko's own threads are finishing their part; give them the core.
                LockSupport.parkNanos(100_000);
            }
        }
    }

    private void requireOpenDriver() {
        if (Thread.currentThread() != driver) {
            throw new IllegalStateException("simulation " + name + " is driven by thread '" + driver.getName()
                    + "', not '" + Thread.currentThread().getName() + "'");
        }
        if (closed) {
            throw new IllegalStateException("simulation " + name + " is closed");
        }
    }

    /** The kernel's only wall-clock read: the shutdown deadline, which no simulated result sees. */
    private static long wallClockNanos() {
        return System.nanoTime(); // wall-clock-ok
    }

    /**
     * The actor system's class loader and settings: a loader that hides the cluster libraries'
     * settings, which a local actor system never reads ({@link LocalPekkoClassLoader}).
     */
    private static BootstrapSetup bootstrap() {
        ClassLoader loader = LocalPekkoClassLoader.forCurrentThread();
        return BootstrapSetup.create(settings(loader)).withClassloader(loader);
    }

    /** The actor system's settings: the pinned ones in code, so no application.conf can lose them. */
    private static Config settings(ClassLoader loader) {
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("pekko.scheduler.implementation", VirtualTimeScheduler.class.getName()),
                Map.entry("pekko.actor.default-dispatcher.executor", SimExecutorConfigurator.class.getName()),
                // Any throughput is deterministic; pinned so a config file cannot change the order.
                Map.entry("pekko.actor.default-dispatcher.throughput", 100),
                // 0 means no deadline; any other value reads the wall clock.
                Map.entry("pekko.actor.default-dispatcher.throughput-deadline-time", "0ms"),
                // Logger start-up asks from the creating thread; on the driver-run dispatcher nobody
                // would answer and the system would fail to start.
                Map.entry("pekko.loggers-dispatcher", "pekko.actor.internal-dispatcher"),
                Map.entry("pekko.log-dead-letters", "off"),
                Map.entry("pekko.log-dead-letters-during-shutdown", "off"),
                Map.entry("pekko.jvm-shutdown-hooks", "off"),
                Map.entry("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off"),
                // No coordinated shutdown: nothing registers a task in it, and starting it when the run ends
                // (reading its phases, running each as a future on Pekko's threads) took longer than the
                // termination it leads to. The actors stop as before, by the guardian stopping.
                Map.entry("pekko.coordinated-shutdown.run-by-actor-system-terminate", "off"),
                Map.entry("pekko.daemonic", "on"),
                // The typed extensions and no more: a library on the class path (pekko-stream's
                // materializer, which a cluster brings) would otherwise start inside every simulation, on
                // threads and timers the run does not drive. Serialization is left out too: no message
                // leaves a simulation, and starting it would build every serializer the cluster's
                // libraries list, in every run.
                Map.entry("pekko.library-extensions", List.of(
                        "org.apache.pekko.actor.typed.internal.adapter.ActorSystemAdapter$LoadTypedExtensions")),
                Map.entry("pekko.actor.typed.library-extensions", List.of("org.apache.pekko.actor.typed.receptionist.Receptionist$")),
                Map.entry("pekko.loglevel", "WARNING"),
                Map.entry("pekko.stdout-loglevel", "WARNING"));
        return ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load(loader));
    }
}
