package io.flotilla.scenarios.cluster;

import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.LoggerFactory;

/**
 * The {@code worker} command's JVM: joins the cluster at the seed address and serves its sweep; when
 * that sweep's coordinator is gone (or the cluster downed this worker), it joins again with a fresh
 * actor system and waits for the next, until the JVM is stopped.
 */
public final class WorkerNode {

    private WorkerNode() {}

    /**
     * Serves sweeps until the JVM stops; never returns normally.
     *
     * @param host the address the coordinator reaches this worker at
     * @param threads driver threads, so runs at once
     */
    public static void serve(HostPort seed, String host, int threads, PrintWriter err) {
        LoggerFactory.getILoggerFactory();
        ExecutorService drivers = Executors.newFixedThreadPool(threads, new DriverThreads());
        ParsedScenarios parsed = new ParsedScenarios();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true), "flotilla-worker-stop"));
        while (!stopping.get()) {
            ActorSystem<RunWorker.Command> system;
            try {
                system = ActorSystem.create(RunWorker.create(threads, drivers, parsed, err), ClusterSettings.SYSTEM,
                        ClusterSettings.worker(seed, host));
            } catch (IllegalStateException e) {
                if (stopping.get()) {
                    return; // the JVM is shutting down and takes no new hooks
                }
                throw e;
            }
            err.println("flotilla worker: " + Cluster.get(system).selfMember().address() + " joining " + seed);
            system.getWhenTerminated().toCompletableFuture().join();
            if (!stopping.get()) {
                err.println("flotilla worker: the sweep is over or lost; joining " + seed + " again");
            }
        }
    }

    /** The address a worker answers at: loopback when the seed is on loopback, else this machine's. */
    public static String hostFor(HostPort seed) {
        return seed.loopback() ? "127.0.0.1" : "<getHostAddress>";
    }
}
