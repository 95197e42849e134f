package io.flotilla.scheduler.placement.kubernetes.framework;

import java.util.concurrent.atomic.AtomicInteger;

/** A typed slot in the {@link CycleState}; each plugin that keeps per-cycle data owns one. */
public final class StateKey<T> {

    static final int MAX = 16;
    private static final AtomicInteger NEXT = new AtomicInteger();

    final int id;
    final String name;

    private StateKey(String name) {
        this.id = NEXT.getAndIncrement();
        this.name = name;
        if (id >= MAX) {
            throw new IllegalStateException("too many cycle state keys");
        }
    }

    public static <T> StateKey<T> create(String name) {
        return new StateKey<>(name);
    }
}
