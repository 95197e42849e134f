package io.flotilla.sim.cluster;

import io.flotilla.sim.kernel.VirtualTimeScheduler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.pekko.actor.Cancellable;

/**
 * An actor's single timers by key, armed on the virtual clock directly rather than through Pekko's
 * timer scheduler, under its rules: a start replaces the timer armed under its key, and a fired
 * timer's message is dropped when its key was started again or cancelled before the actor took it
 * (each start has its own generation). They wait in the clock's queue at the moments Pekko's timers
 * would and are told to the actor at the same instant, so a run is the same; what goes is Pekko's
 * bookkeeping per timer and the interceptor its timers put in front of every message of the actor.
 *
 * @param <K> the keys
 * @param <M> the messages the timers carry
 */
final class KeyedTimers<K, M> {

    /** Tells the actor that the timer of {@code key} started as {@code generation} fired. */
    interface Teller<K> {
        void fired(K key, long generation);
    }

    private record Armed<M>(Cancellable cancellable, long generation, M message) {}

    private final VirtualTimeScheduler clock;
    private final Teller<K> teller;
    private final Map<K, Armed<M>> armed = new HashMap<>();
    private long generations;

    KeyedTimers(VirtualTimeScheduler clock, Teller<K> teller) {
        this.clock = clock;
        this.teller = teller;
    }

    void start(K key, M message, long delayNanos) {
        cancel(key);
        long generation = ++generations;
        armed.put(key, new Armed<>(clock.after(delayNanos, () -> teller.fired(key, generation)), generation, message));
    }

    void cancel(K key) {
        Armed<M> old = armed.remove(key);
        if (old != null) {
            old.cancellable().cancel();
        }
    }

    void cancelAll() {
        armed.values().forEach(a -> a.cancellable().cancel());
        armed.clear();
    }

    /**
     * Takes the timer of {@code key}, which is firing now, there and then if {@code handled} handles
     * its message: as on delivery, the key is free while it does (the handler may start it again).
     * Otherwise the timer stays as it was, for its message.
     */
    boolean takeNow(K key, Predicate<M> handled) {
        Armed<M> current = armed.remove(key);
        if (handled.test(current.message())) {
            return true;
        }
        armed.put(key, current);
        return false;
    }

    /** The message of a timer that fired, if its start is still the latest of its key; the timer is done. */
    Optional<M> delivered(K key, long generation) {
        Armed<M> current = armed.get(key);
        if (current == null || current.generation() != generation) {
            return Optional.empty();
        }
        armed.remove(key);
        return Optional.of(current.message());
    }
}
