package io.flotilla.sim.cluster;

import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.kernel.VirtualTimeScheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.pekko.actor.Cancellable;

/**
 * The manager's {@linkplain ControlPlaneTimer#frequent frequent} timers, armed on the virtual
 * clock directly. They keep a Pekko timer's rules: one timer per key, a new start replacing the
 * armed one, and a fired timer's message ignored when the key was started again or cancelled
 * before the manager took it (each start has its own generation). They wait in the same queue
 * at the same moments, so they fire exactly when Pekko's timers would.
 *
 * <p>When one fires while no actor has work, it is offered to {@code quietly} first: the manager
 * would take its message next, with nothing in between, so handling it there and then is the
 * same run without the message. Otherwise it goes to the manager as a message, through {@code send}.
 */
final class FrequentTimers {

    private record Armed(Cancellable cancellable, long generation) {}

    private final VirtualTimeScheduler clock;
    private final Predicate<ControlPlaneTimer> quietly;
    private final BiConsumer<ControlPlaneTimer, Long> send;
    private final Map<ControlPlaneTimer, Armed> armed = new HashMap<>();
    private long generations;

    FrequentTimers(VirtualTimeScheduler clock, Predicate<ControlPlaneTimer> quietly, BiConsumer<ControlPlaneTimer, Long> send) {
        this.clock = clock;
        this.quietly = quietly;
        this.send = send;
    }

    void start(ControlPlaneTimer timer, long delayNanos) {
        cancel(timer);
        long generation = ++generations;
        armed.put(timer, new Armed(clock.after(delayNanos, () -> fired(timer, generation)), generation));
    }

    void cancel(ControlPlaneTimer timer) {
        Armed old = armed.remove(timer);
        if (old != null) {
            old.cancellable().cancel();
        }
    }

    /** Whether the manager should act on a fired timer's message: its start is the latest. */
    boolean delivered(ControlPlaneTimer timer, long generation) {
        Armed current = armed.get(timer);
        if (current == null || current.generation() != generation) {
            return false;
        }
        armed.remove(timer);
        return true;
    }

    private void fired(ControlPlaneTimer timer, long generation) {
        if (clock.quiescent()) {
            Armed current = armed.remove(timer); // as on delivery: the handler may start it again
            if (quietly.test(timer)) {
                return;
            }
            armed.put(timer, current);
        }
        send.accept(timer, generation);
    }
}
