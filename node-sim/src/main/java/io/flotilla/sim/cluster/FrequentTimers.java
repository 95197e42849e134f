package io.flotilla.sim.cluster;

import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.kernel.VirtualTimeScheduler;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The manager's {@linkplain ControlPlaneTimer#frequent frequent} timers: {@link KeyedTimers} on the
 * virtual clock, each timer its own key and message, so they fire exactly when Pekko's timers would.
 *
 * <p>When one fires while no actor has work, it is offered to {@code quietly} first: the manager
 * would take its message next, with nothing in between, so handling it there and then is the
 * same run without the message. Otherwise it goes to the manager as a message, through {@code send}.
 */
final class FrequentTimers {

    private final VirtualTimeScheduler clock;
    private final Predicate<ControlPlaneTimer> quietly;
    private final BiConsumer<ControlPlaneTimer, Long> send;
    private final KeyedTimers<ControlPlaneTimer, ControlPlaneTimer> timers;

    FrequentTimers(VirtualTimeScheduler clock, Predicate<ControlPlaneTimer> quietly, BiConsumer<ControlPlaneTimer, Long> send) {
        this.clock = clock;
        this.quietly = quietly;
        this.send = send;
        this.timers = new KeyedTimers<>(clock, this::fired);
    }

    void start(ControlPlaneTimer timer, long delayNanos) {
        timers.start(timer, timer, delayNanos);
    }

    void cancel(ControlPlaneTimer timer) {
        timers.cancel(timer);
    }

    /** Whether the manager should act on a fired timer's message: its start is the latest. */
    boolean delivered(ControlPlaneTimer timer, long generation) {
        return timers.delivered(timer, generation).isPresent();
    }

    private void fired(ControlPlaneTimer timer, long generation) {
        if (clock.quiescent() && timers.takeNow(timer, quietly)) {
            return;
        }
        send.accept(timer, generation);
    }
}
