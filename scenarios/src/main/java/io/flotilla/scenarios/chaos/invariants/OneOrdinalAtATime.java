package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.PodForceDeleted;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
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
 * a node that is only cut off breaks it, as upstream warns: chaos draws no such fault, and a pod the
 * scenario's own timeline force-deletes is left out (its container may run on, as kubectl says).
 * Swarm makes no such promise: a task the manager shuts down, whose node it believes down before
 * the task has stopped, is replaced while it may run on (an ordinal is a service) until its node
 * hears of it, so under the swarm strategy such a task is left out too.
 */
public final class OneOrdinalAtATime implements Invariant {

    public static final String NAME = "one-pod-per-ordinal";

    /** The running tasks of each ordinal, by the ordinal's name; ordinals touched this instant. */
    private final Map<String, Set<String>> running = new TreeMap<>();
    private final Set<String> touched = new TreeSet<>();
    /** Pods deleted with {@code --force}: the promise no longer covers them. */
    private final Set<String> forceDeleted = new TreeSet<>();
    /** Swarm tasks the manager wants stopped, by node, until they end or the node is believed down. */
    private final Map<String, Set<String>> stopping = new TreeMap<>();
    /**
     * Swarm tasks the manager wants stopped whose node it believed down before they ended: their
     * replacements start, and they run on until their node hears of it.
     */
    private final Set<String> shutDownWhileDown = new TreeSet<>();

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
        if (last.event() instanceof PodForceDeleted e) {
            forceDeleted.add(e.task());
        }
        if (last.event() instanceof TaskDesired e && e.desired().compareTo(TaskState.RUNNING) > 0
                && state.strategy() == Strategy.SWARM) {
            state.view().task(e.task()).flatMap(TaskView::node).flatMap(n -> state.view().node(n)).ifPresent(n -> {
                if (n.believed().equals("ready")) {
                    stopping.computeIfAbsent(n.name, k -> new TreeSet<>()).add(e.task());
                } else {
                    shutDownWhileDown.add(e.task());
                }
            });
        }
        if (last.event() instanceof NodeStatusChanged e && e.status() != NodeStatus.READY) {
            Set<String> tasks = stopping.remove(e.node());
            if (tasks != null) {
                tasks.removeIf(id -> state.view().task(id).filter(t -> t.state().isTerminal()).isPresent());
                shutDownWhileDown.addAll(tasks);
            }
        }
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
            ids.removeAll(forceDeleted);
            if (state.strategy() == Strategy.SWARM) {
                ids.removeAll(shutDownWhileDown);
            }
            if (ids.size() > 1) {
                return Optional.of("two pods of " + ordinal + " run at once: " + String.join(", ", ids));
            }
        }
        touched.clear();
        return Optional.empty();
    }
}
