package io.flotilla.scenarios.cluster;

import io.flotilla.scenarios.compare.RunMetrics;
import io.flotilla.scenarios.compare.SweepRun;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * A worker JVM's actor: it offers itself to coordinators through the receptionist, takes runs and
 * simulates each on a driver thread of its own pool, as a local parallel sweep does (each run keeps
 * its own virtual-time actor system), and answers the metrics to whoever sent the run.
 *
 * <p>A worker serves one coordinator's cluster at a time: once the coordinator leaves or cannot be
 * reached, it stops its actor system, and {@link WorkerNode} joins again, ready for the next sweep.
 */
public final class RunWorker extends AbstractBehavior<RunWorker.Command> {

    /** How coordinators find workers. */
    static final ServiceKey<Command> KEY = ServiceKey.create(Command.class, "flotilla-run-worker");

    public sealed interface Command extends ClusterMessage {}

    /** A coordinator asks how many runs this worker takes at once. */
    public record Attach(ActorRef<SweepCoordinator.Command> coordinator) implements Command {}

    /** One run to simulate and measure; {@code run} is its place in the sweep. */
    public record Take(int run, SweepRun what, ScenarioSource scenario, ActorRef<SweepCoordinator.Command> replyTo)
            implements Command {}

    private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

    private record Unreachable(ClusterEvent.UnreachableMember event) implements Command {}

    private record Up(SelfUp event) implements Command {}

    private final int threads;
    private final ExecutorService drivers;
    private final ParsedScenarios parsed;
    private final PrintWriter err;

    /**
     * @param drivers the JVM's driver threads, {@code threads} of them, shared by the actor systems
     *     the worker joins with one after another
     */
    static Behavior<Command> create(int threads, ExecutorService drivers, ParsedScenarios parsed, PrintWriter err) {
        return Behaviors.setup(ctx -> new RunWorker(ctx, threads, drivers, parsed, err));
    }

    private RunWorker(ActorContext<Command> ctx, int threads, ExecutorService drivers, ParsedScenarios parsed,
            PrintWriter err) {
        super(ctx);
        this.threads = threads;
        this.drivers = drivers;
        this.parsed = parsed;
        this.err = err;
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
        Cluster cluster = Cluster.get(ctx.getSystem());
        cluster.subscriptions().tell(Subscribe.create(
                ctx.messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new), ClusterEvent.MemberEvent.class));
        cluster.subscriptions().tell(Subscribe.create(
                ctx.messageAdapter(ClusterEvent.UnreachableMember.class, Unreachable::new), ClusterEvent.UnreachableMember.class));
        cluster.subscriptions().tell(Subscribe.create(ctx.messageAdapter(SelfUp.class, Up::new), SelfUp.class));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Attach.class, this::onAttach)
                .onMessage(Take.class, this::onTake)
                .onMessage(MemberChanged.class, this::onMemberChanged)
                .onMessage(Unreachable.class, this::onUnreachable)
                .onMessage(Up.class, this::onUp)
                .build();
    }

    private Behavior<Command> onAttach(Attach m) {
        m.coordinator().tell(new SweepCoordinator.WorkerReady(getContext().getSelf(), threads));
        return this;
    }

    private Behavior<Command> onTake(Take m) {
        ActorRef<Command> self = getContext().getSelf();
        drivers.execute(() -> simulate(m, self));
        return this;
    }

    /** On a driver thread: the run, start to end, and its answer. */
    private void simulate(Take m, ActorRef<Command> self) {
        err.println("flotilla worker: run " + (m.run() + 1) + " (" + m.what().strategy().name().toLowerCase(Locale.ROOT)
                + ", seed " + m.what().seed() + ") of " + m.scenario().file());
        SweepCoordinator.Command answer;
        try {
            RunMetrics metrics = m.what().measure(parsed.of(m.scenario()));
            answer = new SweepCoordinator.RunDone(m.run(), self, metrics);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            answer = new SweepCoordinator.RunFailed(m.run(), self, e.toString());
        }
        m.replyTo().tell(answer);
    }

    private Behavior<Command> onUp(Up m) {
        err.println("flotilla worker: up, " + threads + " driver thread" + (threads == 1 ? "" : "s") + " ready for runs");
        return this;
    }

    private Behavior<Command> onMemberChanged(MemberChanged m) {
        boolean gone = m.event() instanceof ClusterEvent.MemberExited || m.event() instanceof ClusterEvent.MemberRemoved
                || m.event() instanceof ClusterEvent.MemberDowned;
        return gone ? coordinatorGone(m.event().member()) : this;
    }

    private Behavior<Command> onUnreachable(Unreachable m) {
        return coordinatorGone(m.event().member());
    }

    /** The sweep this worker served is over (or lost): leave, so as to join the next one afresh. */
    private Behavior<Command> coordinatorGone(Member member) {
        if (member.hasRole(ClusterSettings.COORDINATOR)) {
            getContext().getSystem().terminate();
        }
        return this;
    }
}
