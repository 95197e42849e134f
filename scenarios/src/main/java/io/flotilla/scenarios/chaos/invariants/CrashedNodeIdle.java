package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A crashed node runs nothing: from the instant after its crash until it boots, no task is on it
 * (accepted up to running), and none gets there. The crash's own instant is left to the events
 * that fail its tasks, which the log writes at the same virtual time.
 */
public final class CrashedNodeIdle implements Invariant {

    public static final String NAME = "crashed-node-idle";

    private final Map<String, Long> crashedAt = new TreeMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (last.event() instanceof NodeCrashed e) {
            crashedAt.put(e.node(), last.time());
        } else if (last.event() instanceof NodeBooted e) {
            crashedAt.remove(e.node());
        } else if (last.event() instanceof TaskStateChanged e && e.node() != null && ChaosState.holds(e.state())
                && crashedAt.containsKey(e.node())) {
            return Optional.of(e.task() + " became " + e.state().lowerName() + " on " + e.node() + ", which is crashed");
        }
        for (Map.Entry<String, Long> c : crashedAt.entrySet()) {
            if (c.getValue() < last.time()) {
                for (TaskView t : state.heldOn(c.getKey())) {
                    return Optional.of(c.getKey() + " is crashed but " + t.id + " is still " + t.state().lowerName() + " on it");
                }
            }
        }
        return Optional.empty();
    }
}
