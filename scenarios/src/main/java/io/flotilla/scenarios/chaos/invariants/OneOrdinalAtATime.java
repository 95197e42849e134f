package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A StatefulSet's promise: never two running pods of one ordinal at once ({@code db-0} and a
 * {@code db-0} created again beside it), under either strategy (Swarm runs an ordinal as a service
 * of its own, whose task goes by the ordinal's name). Checked at the end of each instant, as one
 * instant may log a replacement's start before its predecessor's stop. A forced deletion of a pod on
 * a node that is only cut off breaks it, as upstream warns; chaos draws no such fault.
 */
public final class OneOrdinalAtATime implements Invariant {

    public static final String NAME = "one-pod-per-ordinal";

    /** The running tasks of each ordinal, by the ordinal's name; ordinals touched this instant. */
    private final Map<String, Set<String>> running = new TreeMap<>();
    private final Set<String> touched = new TreeSet<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> before(ChaosState state, LoggedEvent next) {
        return next.time() > state.time() ? check(state) : Optional.empty();
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (last.event() instanceof TaskStateChanged e) {
            state.view().task(e.task()).filter(t -> state.isStatefulSet(t.service)).ifPresent(t -> {
                Set<String> ids = running.computeIfAbsent(t.name, n -> new TreeSet<>());
                if (t.isRunning()) {
                    ids.add(t.id);
                } else {
                    ids.remove(t.id);
                }
                touched.add(t.name);
            });
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> atEnd(ChaosState state, long end) {
        return check(state);
    }

    private Optional<String> check(ChaosState state) {
        for (String ordinal : touched) {
            List<String> ids = new ArrayList<>(running.getOrDefault(ordinal, Set.of()));
            if (ids.size() > 1) {
                return Optional.of("two pods of " + ordinal + " run at once: " + String.join(", ", ids));
            }
        }
        touched.clear();
        return Optional.empty();
    }
}
