package io.flotilla.sim.kernel;

import static io.flotilla.scheduler.time.Durations.MILLISECOND;
import static io.flotilla.scheduler.time.Durations.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class SimulationTest {

    /** The one message of the test actors: log this label. */
    record Mark(String label) {}

    /** An actor that logs the label of every {@link Mark} it receives. */
    static Behavior<Mark> recorder(Kernel kernel) {
        return Behaviors.receive(Mark.class)
                .onMessage(Mark.class, m -> {
                    kernel.log().append(new Marked(m.label()));
                    return Behaviors.same();
                })
                .build();
    }

    /** Runs a simulation of {@code guardian} to {@code until} and returns "label@time" per event. */
    static List<String> run(long until, Function<Kernel, Behavior<Mark>> guardian) {
        try (Simulation<Mark> sim = Simulation.start("test", 1, guardian)) {
            sim.runUntil(until);
            return marks(sim.log());
        }
    }

    static List<String> marks(EventLog log) {
        return log.events().stream()
                .map(e -> ((Marked) e.event()).label() + "@" + io.flotilla.scheduler.time.Durations.format(e.time()))
                .toList();
    }

    @Test
    void timersDueAtTheSameInstantFireInTheOrderTheyWereScheduled() {
        List<String> order = List.of("k", "c", "x", "a", "q", "b", "z", "m", "d", "y");
        List<String> marks = run(2 * SECOND, kernel -> Behaviors.setup(ctx -> {
            for (String label : order) {
                ctx.scheduleOnce(Duration.ofSeconds(1), ctx.getSelf(), new Mark(label));
            }
            return Behaviors.withTimers(timers -> {
                for (String label : order) {
                    timers.startSingleTimer("t-" + label, new Mark("t-" + label), Duration.ofSeconds(1));
                }
                return recorder(kernel);
            });
        }));
        List<String> expected = new java.util.ArrayList<>();
        order.forEach(label -> expected.add(label + "@1s"));
        order.forEach(label -> expected.add("t-" + label + "@1s"));
        assertEquals(expected, marks);
    }

    @Test
    void fixedRateTimerFiresAtExactVirtualTimes() {
        List<String> marks = run(10 * SECOND, kernel -> Behaviors.withTimers(timers -> {
            timers.startTimerAtFixedRate("tick", new Mark("tick"), Duration.ofMillis(1500), Duration.ofSeconds(2));
            return recorder(kernel);
        }));
        assertEquals(List.of("tick@1.5s", "tick@3.5s", "tick@5.5s", "tick@7.5s", "tick@9.5s"), marks);
    }

    @Test
    void fixedDelayTimerFiresAtExactVirtualTimes() {
        List<String> marks = run(10 * SECOND, kernel -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay("tick", new Mark("tick"), Duration.ofSeconds(1), Duration.ofSeconds(3));
            return recorder(kernel);
        }));
        assertEquals(List.of("tick@1s", "tick@4s", "tick@7s", "tick@10s"), marks);
    }

    @Test
    void scheduleOnceFiresOnceAndCancelledOnesNever() {
        List<String> marks = run(10 * SECOND, kernel -> Behaviors.setup(ctx -> {
            ctx.scheduleOnce(Duration.ofMillis(2500), ctx.getSelf(), new Mark("once"));
            Cancellable cancelled = ctx.scheduleOnce(Duration.ofSeconds(1), ctx.getSelf(), new Mark("cancelled"));
            assertTrue(cancelled.cancel());
            assertFalse(cancelled.cancel());
            return recorder(kernel);
        }));
        assertEquals(List.of("once@2.5s"), marks);
    }

    @Test
    void restartingASingleTimerReplacesIt() {
        List<String> marks = run(10 * SECOND, kernel -> Behaviors.withTimers(timers -> {
            timers.startSingleTimer("timeout", new Mark("first"), Duration.ofSeconds(3));
            timers.startSingleTimer("timeout", new Mark("second"), Duration.ofSeconds(4));
            return recorder(kernel);
        }));
        assertEquals(List.of("second@4s"), marks);
    }

    /** A worker that logs its own stop; the guardian watches it and logs the Terminated signal. */
    static Behavior<Mark> watcher(Kernel kernel) {
        return Behaviors.setup(ctx -> {
            ActorRef<Mark> worker = ctx.spawn(Behaviors.receive(Mark.class)
                    .onMessage(Mark.class, m -> Behaviors.stopped())
                    .onSignal(PostStop.class, s -> {
                        kernel.log().append(new Marked("worker stopped"));
                        return Behaviors.same();
                    })
                    .build(), "worker");
            ctx.watch(worker);
            return Behaviors.receive(Mark.class)
                    .onMessage(Mark.class, m -> {
                        worker.tell(m);
                        return Behaviors.same();
                    })
                    .onSignal(Terminated.class, t -> {
                        kernel.log().append(new Marked("terminated " + t.getRef().path().name()));
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    @Test
    void deathWatchSeesAStopAtTheSameVirtualInstant() {
        try (Simulation<Mark> sim = Simulation.start("watch", 1, SimulationTest::watcher)) {
            sim.tellAt(3 * SECOND, sim.root(), new Mark("stop"));
            sim.runUntil(5 * SECOND);
            assertEquals(List.of("worker stopped@3s", "terminated worker@3s"), marks(sim.log()));
        }
    }

    @Test
    void runUntilLeavesTheClockAtTheTarget() {
        try (Simulation<Mark> sim = Simulation.start("clock", 1, SimulationTest::recorder)) {
            assertEquals(0, sim.now());
            sim.runUntil(12_345_678);
            assertEquals(12_345_678, sim.now());
            sim.tellAt(1500 * MILLISECOND, sim.root(), new Mark("timeline"));
            sim.runUntil(2 * SECOND);
            assertEquals(2 * SECOND, sim.now());
            sim.runFor(SECOND);
            assertEquals(3 * SECOND, sim.now());
            assertEquals(List.of("timeline@1.5s"), marks(sim.log()));
            assertThrows(IllegalArgumentException.class, () -> sim.runUntil(SECOND));
            assertThrows(IllegalArgumentException.class, () -> sim.at(SECOND, () -> {}));
        }
    }

    @Test
    void timelineActionsAndMessagesKeepTheirOrder() {
        try (Simulation<Mark> sim = Simulation.start("timeline", 1, SimulationTest::recorder)) {
            EventLog log = sim.log();
            sim.at(5 * SECOND, () -> log.append(new Marked("action a")));
            sim.tellAt(5 * SECOND, sim.root(), new Mark("message"));
            sim.at(5 * SECOND, () -> log.append(new Marked("action b")));
            sim.at(4 * SECOND, () -> log.append(new Marked("earlier")));
            sim.at(6 * SECOND, () -> log.append(new Marked("cancelled"))).cancel();
            sim.tell(new Mark("now"));
            sim.runUntil(10 * SECOND);
            assertEquals(List.of("now@0s", "earlier@4s", "action a@5s", "message@5s", "action b@5s"), marks(log));
        }
    }

    @Test
    void manyCancelledTimersAreDroppedWithoutDisturbingTheRest() {
        try (Simulation<Mark> sim = Simulation.start("cancels", 1, SimulationTest::recorder)) {
            List<String> fired = new java.util.ArrayList<>();
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                String label = "t" + i;
                Cancellable timer = sim.at((i % 7) * SECOND, () -> fired.add(label));
                if (i % 5 == 0) {
                    expected.add(label);
                } else {
                    assertTrue(timer.cancel());
                }
            }
            expected.sort(java.util.Comparator.comparingInt(l -> Integer.parseInt(l.substring(1)) % 7));
            sim.runUntil(10 * SECOND);
            assertEquals(expected, fired);
        }
    }

    /** A tick that marks only its current arm's firings, as the node agent's heartbeat does. */
    static final class Tick implements Runnable {
        final VirtualTimeScheduler clock;
        final EventLog log;
        long arm = VirtualTimeScheduler.NOT_ARMED;

        Tick(VirtualTimeScheduler clock, EventLog log) {
            this.clock = clock;
            this.log = log;
        }

        void arm(long delay) {
            arm = clock.arm(delay, this);
        }

        @Override
        public void run() {
            log.append(new Marked(clock.firing() == arm ? "tick" : "stale tick"));
        }
    }

    @Test
    void anArmedTickFiresInTheOrderOfTimersAndKnowsWhetherItIsTheCurrentArm() {
        try (Simulation<Mark> sim = Simulation.start("ticks", 1, SimulationTest::recorder)) {
            EventLog log = sim.log();
            VirtualTimeScheduler clock = VirtualTimeScheduler.of(sim.system());
            Tick tick = new Tick(clock, log);
            sim.at(SECOND, () -> log.append(new Marked("before")));
            tick.arm(SECOND);
            sim.at(SECOND, () -> log.append(new Marked("after")));
            sim.runUntil(SECOND);
            tick.arm(2 * SECOND); // armed again before it fires: the first arm's firing is stale
            tick.arm(SECOND);
            sim.runUntil(4 * SECOND);
            tick.arm(SECOND);
            tick.arm = VirtualTimeScheduler.NOT_ARMED; // disarmed
            sim.runUntil(6 * SECOND);
            assertEquals(List.of("before@1s", "tick@1s", "after@1s", "tick@2s", "stale tick@3s", "stale tick@5s"),
                    marks(log));
        }
    }

    @Test
    void aClosedSchedulerArmsNothing() {
        VirtualTimeScheduler clock;
        try (Simulation<Mark> sim = Simulation.start("closed", 1, SimulationTest::recorder)) {
            clock = VirtualTimeScheduler.of(sim.system());
        }
        assertEquals(VirtualTimeScheduler.NOT_ARMED, clock.arm(SECOND, () -> {}));
    }

    @Test
    void anExceptionInATimelineActionComesOutOfRunUntil() {
        try (Simulation<Mark> sim = Simulation.start("failing", 1, SimulationTest::recorder)) {
            sim.at(SECOND, () -> {
                throw new IllegalStateException("scenario step failed");
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runUntil(2 * SECOND));
            assertEquals("scenario step failed", e.getMessage());
        }
    }

    @Test
    void aTellFromAnotherThreadFailsTheRun() throws InterruptedException {
        try (Simulation<Mark> sim = Simulation.start("guarded", 1, SimulationTest::recorder)) {
            sim.runUntil(SECOND);
            AtomicReference<Throwable> direct = new AtomicReference<>();
            Thread intruder = new Thread(() -> {
                sim.root().tell(new Mark("from another thread"));
                try {
                    sim.tell(new Mark("through the driver API"));
                } catch (Throwable t) {
                    direct.set(t);
                }
            }, "intruder");
            intruder.start();
            intruder.join();
            assertInstanceOf(IllegalStateException.class, direct.get(), "the driver API checks the thread at once");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> sim.runUntil(2 * SECOND));
            assertTrue(e.getMessage().contains("'intruder'"), e.getMessage());
        }
    }

    @Test
    void aCleanRunHasNoForeignWork() {
        try (Simulation<Mark> sim = Simulation.start("clean", 1, SimulationTest::watcher)) {
            sim.tellAt(SECOND, sim.root(), new Mark("stop"));
            sim.runUntil(60 * SECOND);
            assertEquals(0, VirtualTimeScheduler.of(sim.system()).guard().foreignSubmissions());
            assertTrue(sim.stats().tasksRun() > 0);
            assertTrue(sim.stats().timersFired() > 0);
        }
    }
}
