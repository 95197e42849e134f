package io.flotilla.scenarios.cluster;

import io.flotilla.scenarios.compare.RunMetrics;
import io.flotilla.scenarios.compare.SweepRun;
import io.flotilla.scenarios.model.Scenario;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Hands a sweep's runs to the workers in the cluster, each up to as many runs at once as it has
 * driver threads, and gathers their metrics by the run's place in the sweep, so the order they
 * finish in never shows.
 *
 * <p>A worker that leaves or becomes unreachable (its JVM killed, its machine gone) takes nothing
 * more, and its unfinished runs go back to the front of the queue for another worker. Should it
 * answer after all, the first answer for a run counts and any later one is dropped; a run gives the
 * same metrics wherever it runs. While no worker is in the cluster (none joined within the wait, or
 * every one is gone), the coordinator runs the queue itself, on its own driver threads.
 */
public final class SweepCoordinator extends AbstractBehavior<SweepCoordinator.Command> {

    public sealed interface Command extends ClusterMessage {}

    /** A worker's answer to {@link RunWorker.Attach}: it takes up to {@code threads} runs at once. */
    public record WorkerReady(ActorRef<RunWorker.Command> worker, int threads) implements Command {}

    /** A run's metrics, measured by {@code worker}. */
    public record RunDone(int run, ActorRef<RunWorker.Command> worker, RunMetrics metrics) implements Command {}

    /** A run that failed on {@code worker}: a bug, which fails the sweep as it would fail a local one. */
    public record RunFailed(int run, ActorRef<RunWorker.Command> worker, String error) implements Command {}

    private record WorkersListed(Receptionist.Listing listing) implements Command {}

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command {}

    private enum NoWorkerJoined implements Command { INSTANCE }

    private record LocalDone(int run, RunMetrics metrics) implements Command {}

    private record LocalFailed(int run, String error) implements Command {}

    /** One attached worker: how many runs it takes at once and which it has. */
    private record Slots(int threads, Set<Integer> taken) {
        boolean free() {
            return taken.size() < threads;
        }
    }

    private final Sweep sweep;
    private final CompletableFuture<List<RunMetrics>> done;
    private final PrintWriter err;
    private final RunMetrics[] results;
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final Map<ActorRef<RunWorker.Command>, Slots> attached = new LinkedHashMap<>();
    private final Set<ActorRef<RunWorker.Command>> asked = new HashSet<>();
    private final Set<ActorRef<RunWorker.Command>> listed = new LinkedHashSet<>();
    private final Set<Address> unreachable = new HashSet<>();
    private final Set<Integer> local = new HashSet<>();
    private int remaining;
    private boolean runHere;

    /**
     * What a coordinator works through.
     *
     * @param scenario the parsed scenario, for runs the coordinator runs itself
     * @param localDrivers the coordinator's own driver threads, {@code localThreads} of them
     * @param firstWorkerWait how long to wait for a first worker before running the sweep here
     */
    record Sweep(ScenarioSource source, Scenario scenario, List<SweepRun> runs, ExecutorService localDrivers,
            int localThreads, Duration firstWorkerWait) {}

    static Behavior<Command> create(Sweep sweep, CompletableFuture<List<RunMetrics>> done, PrintWriter err) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new SweepCoordinator(ctx, timers, sweep, done, err)));
    }

    private SweepCoordinator(ActorContext<Command> ctx, TimerScheduler<Command> timers, Sweep sweep,
            CompletableFuture<List<RunMetrics>> done, PrintWriter err) {
        super(ctx);
        this.sweep = sweep;
        this.done = done;
        this.err = err;
        this.results = new RunMetrics[sweep.runs().size()];
        this.remaining = results.length;
        for (int i = 0; i < results.length; i++) {
            queue.addLast(i);
        }
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(RunWorker.KEY,
                ctx.messageAdapter(Receptionist.Listing.class, WorkersListed::new)));
        Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(
                ctx.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
                ClusterEvent.ReachabilityEvent.class));
        timers.startSingleTimer(NoWorkerJoined.INSTANCE, sweep.firstWorkerWait());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(WorkersListed.class, this::onWorkersListed)
                .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
                .onMessage(WorkerReady.class, this::onWorkerReady)
                .onMessage(RunDone.class, this::onRunDone)
                .onMessage(RunFailed.class, this::onRunFailed)
                .onMessageEquals(NoWorkerJoined.INSTANCE, this::onNoWorkerJoined)
                .onMessage(LocalDone.class, this::onLocalDone)
                .onMessage(LocalFailed.class, this::onLocalFailed)
                .build();
    }

    private Behavior<Command> onWorkersListed(WorkersListed m) {
        listed.clear();
        listed.addAll(m.listing().getServiceInstances(RunWorker.KEY));
        return reconcile();
    }

    private Behavior<Command> onReachabilityChanged(ReachabilityChanged m) {
        if (m.event() instanceof ClusterEvent.UnreachableMember) {
            unreachable.add(m.event().member().address());
        } else {
            unreachable.remove(m.event().member().address());
        }
        return reconcile();
    }

    /** Asks the workers that came, drops those that went, and hands out what is queued. */
    private Behavior<Command> reconcile() {
        Set<ActorRef<RunWorker.Command>> usable = new LinkedHashSet<>();
        for (ActorRef<RunWorker.Command> worker : listed) {
            if (!unreachable.contains(worker.path().address())) {
                usable.add(worker);
            }
        }
        for (ActorRef<RunWorker.Command> worker : usable) {
            if (asked.add(worker)) {
                worker.tell(new RunWorker.Attach(getContext().getSelf()));
            }
        }
        for (ActorRef<RunWorker.Command> worker : new ArrayList<>(asked)) {
            if (!usable.contains(worker)) {
                asked.remove(worker);
                lose(worker);
            }
        }
        return dispatch();
    }

    private void lose(ActorRef<RunWorker.Command> worker) {
        Slots slots = attached.remove(worker);
        if (slots == null) {
            return;
        }
        List<Integer> unfinished = slots.taken().stream().filter(run -> results[run] == null).sorted().toList();
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            queue.addFirst(unfinished.get(i));
        }
        err.println("flotilla: worker " + worker.path().address() + " is gone; " + unfinished.size()
                + " of its runs go to " + (attached.isEmpty() ? "this machine" : "the other workers"));
        if (attached.isEmpty()) {
            runHere = true;
        }
    }

    private Behavior<Command> onWorkerReady(WorkerReady m) {
        if (asked.contains(m.worker()) && !attached.containsKey(m.worker())) {
            attached.put(m.worker(), new Slots(Math.max(1, m.threads()), new HashSet<>()));
        }
        return dispatch();
    }

    private Behavior<Command> onRunDone(RunDone m) {
        Slots slots = attached.get(m.worker());
        if (slots != null) {
            slots.taken().remove(m.run());
        }
        return record(m.run(), m.metrics());
    }

    private Behavior<Command> onRunFailed(RunFailed m) {
        return fail("run " + (m.run() + 1) + " failed on worker " + m.worker().path().address() + ": " + m.error());
    }

    private Behavior<Command> onNoWorkerJoined() {
        if (attached.isEmpty() && remaining > 0) {
            err.println("flotilla: no worker joined within " + sweep.firstWorkerWait().toSeconds()
                    + " s; running the sweep on this machine");
            runHere = true;
        }
        return dispatch();
    }

    private Behavior<Command> onLocalDone(LocalDone m) {
        local.remove(m.run());
        return record(m.run(), m.metrics());
    }

    private Behavior<Command> onLocalFailed(LocalFailed m) {
        return fail("run " + (m.run() + 1) + " failed: " + m.error());
    }

    /** The first answer for a run counts; a run redone elsewhere may answer twice. */
    private Behavior<Command> record(int run, RunMetrics metrics) {
        if (results[run] == null) {
            results[run] = metrics;
            remaining--;
        }
        if (remaining == 0) {
            done.complete(Arrays.asList(results));
            return Behaviors.stopped();
        }
        return dispatch();
    }

    private Behavior<Command> fail(String why) {
        done.completeExceptionally(new IllegalStateException(why));
        return Behaviors.stopped();
    }

    /** Fills every free slot of the workers, or of this machine while there is no worker. */
    private Behavior<Command> dispatch() {
        for (Map.Entry<ActorRef<RunWorker.Command>, Slots> worker : attached.entrySet()) {
            while (worker.getValue().free() && nextQueued()) {
                int run = queue.removeFirst();
                worker.getValue().taken().add(run);
                worker.getKey().tell(new RunWorker.Take(run, sweep.runs().get(run), sweep.source(), getContext().getSelf()));
            }
        }
        if (attached.isEmpty() && runHere) {
            while (local.size() < sweep.localThreads() && nextQueued()) {
                runHere(queue.removeFirst());
            }
        }
        return this;
    }

    /** True when the queue holds a run not yet measured; drops those a late answer already measured. */
    private boolean nextQueued() {
        while (!queue.isEmpty() && results[queue.peekFirst()] != null) {
            queue.removeFirst();
        }
        return !queue.isEmpty();
    }

    private void runHere(int run) {
        local.add(run);
        ActorRef<Command> self = getContext().getSelf();
        SweepRun what = sweep.runs().get(run);
        sweep.localDrivers().execute(() -> {
            try {
                self.tell(new LocalDone(run, what.measure(sweep.scenario())));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                self.tell(new LocalFailed(run, e.toString()));
            }
        });
    }
}
