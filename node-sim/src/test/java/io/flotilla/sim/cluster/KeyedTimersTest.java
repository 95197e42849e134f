package io.flotilla.sim.cluster;

import static io.flotilla.scheduler.time.Durations.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.kernel.VirtualTimeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

/** {@link KeyedTimers} keep Pekko's timer rules, and fire at the moments and in the order Pekko's timers do. */
class KeyedTimersTest {

    /** What a test actor receives: a label, or a timer's firing to take through {@link KeyedTimers}. */
    sealed interface Msg {}

    record Mark(String label) implements Msg {}

    record Fired(String key, long generation) implements Msg {}

    /** The timers a script starts and cancels: Pekko's or the keyed ones. */
    record Timers(Starter starter, Consumer<String> canceller) {
        interface Starter {
            void start(String key, Mark mark, long delayNanos);
        }

        void start(String key, Mark mark, long delayNanos) {
            starter.start(key, mark, delayNanos);
        }

        void cancel(String key) {
            canceller.accept(key);
        }
    }

    /**
     * At 0 it starts a (3 s), b (1 s), a again (2 s, replacing the first), c (1 s, then cancelled)
     * and d (1 s); taking b at 1 s, it starts e (at once) and d again (1 s, replacing the d due now).
     */
    static void script(Timers timers, String label) {
        if (label.equals("start")) {
            timers.start("a", new Mark("a1"), 3 * SECOND);
            timers.start("b", new Mark("b"), SECOND);
            timers.start("a", new Mark("a2"), 2 * SECOND);
            timers.start("c", new Mark("c"), SECOND);
            timers.cancel("c");
            timers.start("d", new Mark("d1"), SECOND);
        } else if (label.equals("b")) {
            timers.start("e", new Mark("e"), 0);
            timers.start("d", new Mark("d2"), SECOND);
        }
    }

    static List<String> run(boolean keyed) {
        List<String> marks = new ArrayList<>();
        try (Simulation<Msg> sim = Simulation.start("timers", 1, kernel -> Behaviors.setup(ctx -> {
            VirtualTimeScheduler clock = VirtualTimeScheduler.of(ctx.getSystem());
            if (keyed) {
                KeyedTimers<String, Mark> keyedTimers = new KeyedTimers<>(clock,
                        (key, generation) -> ctx.getSelf().tell(new Fired(key, generation)));
                Timers timers = new Timers(keyedTimers::start, keyedTimers::cancel);
                script(timers, "start");
                return Behaviors.receive(Msg.class)
                        .onMessage(Fired.class, f -> {
                            keyedTimers.delivered(f.key(), f.generation()).ifPresent(m -> {
                                marks.add(m.label() + "@" + Durations.format(clock.now()));
                                script(timers, m.label());
                            });
                            return Behaviors.same();
                        })
                        .build();
            }
            return Behaviors.withTimers(pekko -> {
                Timers timers = new Timers(
                        (key, mark, delayNanos) -> pekko.startSingleTimer(key, mark, Duration.ofNanos(delayNanos)),
                        pekko::cancel);
                script(timers, "start");
                return Behaviors.receive(Msg.class)
                        .onMessage(Mark.class, m -> {
                            marks.add(m.label() + "@" + Durations.format(clock.now()));
                            script(timers, m.label());
                            return Behaviors.same();
                        })
                        .build();
            });
        }))) {
            sim.runUntil(10 * SECOND);
        }
        return marks;
    }

    @Test
    void keyedTimersFireWhereAndWhenPekkosDo() {
        List<String> expected = List.of("b@1s", "e@1s", "a2@2s", "d2@2s");
        assertEquals(expected, run(false));
        assertEquals(expected, run(true));
    }

    /** A firing taken after its key was started again or cancelled carries nothing; the latest one, once. */
    @Test
    void aStaleFiringIsDropped() {
        List<Fired> fired = new ArrayList<>();
        List<KeyedTimers<String, Mark>> made = new ArrayList<>();
        Behavior<Msg> holder = Behaviors.setup(ctx -> {
            KeyedTimers<String, Mark> timers = new KeyedTimers<>(VirtualTimeScheduler.of(ctx.getSystem()),
                    (key, generation) -> fired.add(new Fired(key, generation)));
            made.add(timers);
            timers.start("k", new Mark("first"), SECOND);
            timers.start("gone", new Mark("gone"), SECOND);
            return Behaviors.empty();
        });
        try (Simulation<Msg> sim = Simulation.start("stale", 1, holder)) {
            sim.runUntil(2 * SECOND);
            KeyedTimers<String, Mark> timers = made.get(0);
            Fired first = fired.get(0);
            Fired gone = fired.get(1);
            timers.start("k", new Mark("second"), SECOND); // started again before the first firing is taken
            timers.cancel("gone");

            assertEquals(Optional.empty(), timers.delivered(first.key(), first.generation()));
            assertEquals(Optional.empty(), timers.delivered(gone.key(), gone.generation()));
            sim.runUntil(4 * SECOND);
            Fired second = fired.get(2);
            assertEquals(Optional.of(new Mark("second")), timers.delivered(second.key(), second.generation()));
            assertEquals(Optional.empty(), timers.delivered(second.key(), second.generation()));
        }
    }
}
