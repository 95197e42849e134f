package io.flotilla.scenarios.compare;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Runs independent jobs on up to {@code threads} threads and hands their results on in the order
 * the jobs were listed, whatever order they finish in, so what is printed never depends on the
 * thread count.
 *
 * <p>Each job runs wholly on one pool thread, which is what a simulation needs: the thread that
 * starts it becomes its driver. Simulations share no mutable static state (see
 * {@code io.flotilla.sim.kernel.Simulation}), so a run gives the same event log on any thread.
 * At most {@code 2 * threads} results are in flight or waiting for their turn, which bounds the
 * memory a long sweep of large runs holds.
 */
final class InOrder {

    private InOrder() {}

    /**
     * Runs {@code jobs} and gives each result to {@code next} on the calling thread, in list order.
     * With one thread (or one job) everything runs on the calling thread, as before parallel sweeps.
     * A job's exception is rethrown on the calling thread and the jobs not yet started are dropped.
     */
    static <T> void run(List<Supplier<T>> jobs, int threads, Consumer<T> next) {
        if (threads <= 1 || jobs.size() <= 1) {
            jobs.forEach(job -> next.accept(job.get()));
            return;
        }
        // Pekko logs through SLF4J, which warns on stderr when its first use races on several
        // threads; start it here, once, before any run does.
        LoggerFactory.getILoggerFactory();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), drivers());
        try {
            int window = 2 * threads;
            Deque<Future<T>> pending = new ArrayDeque<>();
            int submitted = 0;
            while (submitted < jobs.size() || !pending.isEmpty()) {
                while (submitted < jobs.size() && pending.size() < window) {
                    pending.addLast(pool.submit(jobs.get(submitted++)::get));
                }
                next.accept(await(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run", e);
        }
    }

    /** Daemon threads, so a failed sweep never keeps the JVM alive. */
    private static ThreadFactory drivers() {
        AtomicInteger count = new AtomicInteger();
        return job -> {
            Thread thread = new Thread(job, "flotilla-driver-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
