package io.flotilla.sim.kernel;

import static io.flotilla.scheduler.time.Durations.SECOND;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * A small cluster for kernel tests: one manager and N nodes. Each node beats every 5s on a
 * fixed-rate timer, its first beat offset by a seeded random delay; the manager checks every 5s
 * and marks a node down after 20s without a beat. The timeline silences one node, chosen from the
 * seed, at 30s; it stays alive, so only the missing heartbeats reveal it.
 */
final class Heartbeats {

    static final Duration PERIOD = Duration.ofSeconds(5);
    static final long GRACE = 20 * SECOND;
    static final long SILENCE_AT = 30 * SECOND;

    record NodeReady(String node) implements Event {
        @Override
        public String type() {
            return "node.ready";
        }
    }

    record HeartbeatReceived(String node) implements Event {
        @Override
        public String type() {
            return "node.heartbeat";
        }
    }

    record NodeSilenced(String node) implements Event {
        @Override
        public String type() {
            return "node.silent";
        }
    }

    record NodeDown(String node, Duration lastHeartbeat) implements Event {
        @Override
        public String type() {
            return "node.down";
        }
    }

    private Heartbeats() {}

    /** A simulation of {@code nodes} nodes, with the victim's silence already on the timeline. */
    static Simulation<Manager.Command> start(String name, long seed, int nodes, boolean logBeats) {
        Simulation<Manager.Command> sim = Simulation.start(name, seed, kernel -> Manager.create(kernel, nodes, logBeats));
        int victim = sim.random().stream("scenario/victim").nextInt(nodes);
        sim.tellAt(SILENCE_AT, sim.root(), new Manager.Silence(victim));
        return sim;
    }

    /** Runs the scenario to {@code until} and returns the event log as JSON lines. */
    static String run(long seed, int nodes, long until) {
        try (Simulation<Manager.Command> sim = start("heartbeats", seed, nodes, true)) {
            sim.runUntil(until);
            return sim.log().toJsonLines();
        }
    }

    static String nodeName(int index) {
        return String.format("node-%03d", index);
    }

    /** Tracks heartbeats in arrays indexed by node, never in a map keyed by ref. */
    static final class Manager extends AbstractBehavior<Manager.Command> {
        interface Command {}

        record Beat(int node) implements Command {}

        record Silence(int node) implements Command {}

        private enum Check implements Command { INSTANCE }

        private final Kernel kernel;
        private final boolean logBeats;
        private final List<ActorRef<Node.Command>> nodes = new ArrayList<>();
        private final String[] names;
        private final long[] lastBeat;
        private final boolean[] ready;
        private final boolean[] down;

        static Behavior<Command> create(Kernel kernel, int nodes, boolean logBeats) {
            return Behaviors.setup(ctx -> Behaviors.withTimers(
                    timers -> new Manager(ctx, timers, kernel, nodes, logBeats)));
        }

        private Manager(ActorContext<Command> ctx, TimerScheduler<Command> timers, Kernel kernel, int count,
                boolean logBeats) {
            super(ctx);
            this.kernel = kernel;
            this.logBeats = logBeats;
            this.names = new String[count];
            this.lastBeat = new long[count];
            this.ready = new boolean[count];
            this.down = new boolean[count];
            for (int i = 0; i < count; i++) {
                names[i] = nodeName(i);
                nodes.add(ctx.spawn(Node.create(kernel, i, ctx.getSelf()), names[i]));
            }
            timers.startTimerAtFixedRate(Check.INSTANCE, PERIOD, PERIOD);
        }

        @Override
        public Receive<Command> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Beat.class, this::onBeat)
                    .onMessage(Silence.class, this::onSilence)
                    .onMessageEquals(Check.INSTANCE, this::onCheck)
                    .build();
        }

        private Behavior<Command> onBeat(Beat beat) {
            lastBeat[beat.node()] = kernel.now();
            if (!ready[beat.node()]) {
                ready[beat.node()] = true;
                kernel.log().append(new NodeReady(names[beat.node()]));
            }
            if (logBeats) {
                kernel.log().append(new HeartbeatReceived(names[beat.node()]));
            }
            return this;
        }

        private Behavior<Command> onSilence(Silence silence) {
            nodes.get(silence.node()).tell(Node.GoSilent.INSTANCE);
            return this;
        }

        private Behavior<Command> onCheck() {
            long now = kernel.now();
            for (int i = 0; i < nodes.size(); i++) {
                if (ready[i] && !down[i] && now - lastBeat[i] > GRACE) {
                    down[i] = true;
                    kernel.log().append(new NodeDown(names[i], Duration.ofNanos(lastBeat[i])));
                }
            }
            return this;
        }
    }

    static final class Node {
        interface Command {}

        enum GoSilent implements Command { INSTANCE }

        private enum Tick implements Command { INSTANCE }

        private Node() {}

        static Behavior<Command> create(Kernel kernel, int index, ActorRef<Manager.Command> manager) {
            String name = nodeName(index);
            long offsetMillis = kernel.random().stream("node/" + name + "/first-beat").nextLong(PERIOD.toMillis());
            return Behaviors.withTimers(timers -> {
                timers.startTimerAtFixedRate(Tick.INSTANCE, Duration.ofMillis(offsetMillis), PERIOD);
                Manager.Beat beat = new Manager.Beat(index);
                return Behaviors.receive(Command.class)
                        .onMessageEquals(Tick.INSTANCE, () -> {
                            manager.tell(beat);
                            return Behaviors.same();
                        })
                        .onMessageEquals(GoSilent.INSTANCE, () -> {
                            timers.cancel(Tick.INSTANCE);
                            kernel.log().append(new NodeSilenced(name));
                            return Behaviors.same();
                        })
                        .build();
            });
        }
    }
}
