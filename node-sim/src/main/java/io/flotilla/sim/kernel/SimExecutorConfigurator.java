package io.flotilla.sim.kernel;

import com.typesafe.config.Config;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * The default dispatcher's executor in a simulation, installed through {@code
 * pekko.actor.default-dispatcher.executor}. It owns no threads: {@code execute} appends the mailbox
 * run to the {@link VirtualTimeScheduler}'s run queue, which the driver thread runs. It finds that
 * scheduler through the dispatcher prerequisites, so there is no static state and several
 * simulations can live in one JVM.
 */
public final class SimExecutorConfigurator extends ExecutorServiceConfigurator {

    private final VirtualTimeScheduler scheduler;

    /** The constructor Pekko calls for the {@code executor} key. */
    public SimExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        if (!(prerequisites.scheduler() instanceof VirtualTimeScheduler virtual)) {
            throw new IllegalStateException("SimExecutorConfigurator needs pekko.scheduler.implementation = "
                    + VirtualTimeScheduler.class.getName());
        }
        this.scheduler = virtual;
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return () -> new RunQueueExecutor(scheduler);
    }

    /** An executor whose only job is to hand tasks to the run queue. */
    private static final class RunQueueExecutor extends AbstractExecutorService {
        private final VirtualTimeScheduler scheduler;
        private volatile boolean shutdown;

        RunQueueExecutor(VirtualTimeScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void execute(Runnable task) {
            scheduler.submit(task);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
