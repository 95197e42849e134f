package io.flotilla.sim.swarm;

import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.kernel.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Virtual time for the control plane's parts, without actors: actions run in time order (equal
 * times in the order they were scheduled), a fired {@link ControlTimer} goes to {@link #onTimer},
 * and what an action sends ({@link #later}) is delivered as soon as the action returns, taking no
 * time. The log keeps every event with the time it was logged.
 */
final class VirtualClock implements Timers, EventSink {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final long HOUR = 3_600 * S;

    record Logged(long time, Event event) {}

    private record Due(long at, long seq, Runnable action) {}

    final List<Logged> log = new ArrayList<>();
    private long now;
    private long seq;
    private final TreeSet<Due> queue = new TreeSet<>(Comparator.comparingLong(Due::at).thenComparingLong(Due::seq));
    private final Map<ControlTimer, Due> armed = new HashMap<>();
    private final Deque<Runnable> deliveries = new ArrayDeque<>();
    private Consumer<ControlTimer> onTimer = t -> { };
    private Runnable afterEachStep = () -> { };
    /** How many starts replaced a timer still armed: each leaves a cancelled one in the real clock's queue. */
    int replaced;

    /** Where fired timers go: the part (or control plane) under test. */
    void onTimer(Consumer<ControlTimer> handler) {
        this.onTimer = handler;
    }

    /** Runs after every action and every delivery, to watch an invariant. */
    void afterEachStep(Runnable check) {
        this.afterEachStep = check;
    }

    /** Runs {@code action} at virtual {@code time}. */
    void at(long time, Runnable action) {
        queue.add(new Due(time, ++seq, action));
    }

    /** Runs {@code action} once the current action has returned, at the same instant. */
    void later(Runnable action) {
        deliveries.add(action);
    }

    /** Runs everything due up to {@code until} and leaves the clock there. */
    void runUntil(long until) {
        deliver();
        while (!queue.isEmpty() && queue.first().at() <= until) {
            Due due = queue.pollFirst();
            now = due.at();
            armed.values().remove(due);
            due.action().run();
            afterEachStep.run();
            deliver();
        }
        now = until;
    }

    private void deliver() {
        while (!deliveries.isEmpty()) {
            deliveries.pollFirst().run();
            afterEachStep.run();
        }
    }

    /** When {@code timer} fires, if it is armed. */
    Optional<Long> armedAt(ControlTimer timer) {
        return Optional.ofNullable(armed.get(timer)).map(Due::at);
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public void start(ControlTimer timer, long delayNanos) {
        if (armed.containsKey(timer)) {
            replaced++;
        }
        cancel(timer);
        Due due = new Due(now + delayNanos, ++seq, () -> onTimer.accept(timer));
        armed.put(timer, due);
        queue.add(due);
    }

    @Override
    public void cancel(ControlTimer timer) {
        Due due = armed.remove(timer);
        if (due != null) {
            queue.remove(due);
        }
    }

    @Override
    public void log(Event event) {
        log.add(new Logged(now, event));
    }

    /** The events of the given types, one line each: {@code "15.000 web.1#1 desired shutdown (node down)"}. */
    @SafeVarargs
    final List<String> trace(Class<? extends Event>... types) {
        List<String> out = new ArrayList<>();
        for (Logged l : log) {
            for (Class<? extends Event> type : types) {
                if (type.isInstance(l.event())) {
                    out.add(time(l.time()) + " " + describe(l.event()));
                }
            }
        }
        return out;
    }

    /** Seconds with milliseconds: {@code 15.000}. */
    static String time(long nanos) {
        return nanos / S + "." + String.format("%03d", nanos % S / MS);
    }

    private static String describe(Event e) {
        if (e instanceof NodeStatusChanged n) {
            return n.node() + " " + n.status().name().toLowerCase() + " (" + n.message() + ")";
        } else if (e instanceof TaskCreated c) {
            return c.task() + " created " + c.image() + " desired " + c.desired().lowerName();
        } else if (e instanceof TaskDesired d) {
            return d.task() + " desired " + d.desired().lowerName() + " (" + d.reason() + ")";
        } else if (e instanceof TaskObserved o) {
            return o.task() + " " + o.state().lowerName();
        } else if (e instanceof UpdateStatusChanged u) {
            return u.service() + " " + u.state();
        } else if (e instanceof ServiceChanged s) {
            return s.service() + " " + s.change() + " v" + s.version() + " " + s.image();
        }
        return e.toString();
    }
}
