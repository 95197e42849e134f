package io.flotilla.scenarios.cluster;

import io.flotilla.scenarios.compare.RunMetrics;
import io.flotilla.scenarios.compare.SweepRun;
import io.flotilla.scenarios.model.Scenario;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of {@code compare --cluster}: a real-time cluster actor system, the seed
 * node, listening at the given address for the time of one sweep. The simulations never run in it;
 * they run on workers' (or, without workers, this JVM's) driver threads, each in its own
 * virtual-time system.
 */
public final class ClusterSweep {

    /** How long a sweep waits for its first worker before it runs on this machine. */
    public static final Duration FIRST_WORKER_WAIT = Duration.ofSeconds(60);

    /** How long the cluster may take to leave and stop once the sweep is done. */
    private static final long STOP_SECONDS = 15;

    private ClusterSweep() {}

    /**
     * Runs {@code runs} of {@code scenario} on the workers that join at {@code at} and answers their
     * metrics in the order of {@code runs}.
     *
     * @param source the text {@code scenario} was parsed from, which travels with each run
     * @param localThreads driver threads for runs this machine takes while there is no worker
     * @throws IllegalStateException when the cluster cannot start (the address is taken, say) or a
     *     run fails
     */
    public static List<RunMetrics> run(HostPort at, ScenarioSource source, Scenario scenario, List<SweepRun> runs,
            int localThreads, PrintWriter err) {
        // Pekko logs through SLF4J, which warns on stderr when its first use races on several threads.
        LoggerFactory.getILoggerFactory();
        ExecutorService localDrivers = Executors.newFixedThreadPool(localThreads, new DriverThreads());
        CompletableFuture<List<RunMetrics>> done = new CompletableFuture<>();
        SweepCoordinator.Sweep sweep = new SweepCoordinator.Sweep(source, scenario, runs, localDrivers, localThreads,
                FIRST_WORKER_WAIT);
        ActorSystem<SweepCoordinator.Command> system;
        try {
            system = ActorSystem.create(SweepCoordinator.create(sweep, done, err), ClusterSettings.SYSTEM,
                    ClusterSettings.coordinator(at));
        } catch (RuntimeException e) {
            localDrivers.shutdownNow();
            throw new IllegalStateException("cannot start the cluster at " + at + ": " + rootMessage(e), e);
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IllegalStateException i ? i : new IllegalStateException(e.getCause());
        } finally {
            localDrivers.shutdownNow();
            system.terminate();
            try {
                system.getWhenTerminated().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                err.println("flotilla: the cluster did not stop within " + STOP_SECONDS + " s");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
