package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.Optional;

/**
 * No node is over-committed: the reservations of the tasks really on a node (accepted up to
 * running) fit in what the node offers. A node without resources offers nothing, so it may hold
 * only tasks that reserve nothing.
 */
public final class ReservedResources implements Invariant {

    public static final String NAME = "reserved-resources";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (!(last.event() instanceof TaskStateChanged e) || e.node() == null || !ChaosState.holds(e.state())) {
            return Optional.empty();
        }
        Optional<NodeDecl> node = state.scenario().node(e.node());
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Resources used = Resources.NONE;
        for (TaskView t : state.heldOn(e.node())) {
            used = used.plus(state.spec(t.id).map(s -> s.reservations()).orElse(Resources.NONE));
        }
        Resources offered = node.get().spec().resources();
        if (!used.fitsIn(offered)) {
            return Optional.of(e.node() + " holds " + state.heldOn(e.node()).size() + " tasks reserving " + words(used)
                    + ", more than its " + words(offered) + " (" + e.task() + " became " + e.state().lowerName() + ")");
        }
        return Optional.empty();
    }

    static String words(Resources r) {
        return String.format("%.2f CPUs, %d MiB%s", r.nanoCpus() / (double) Resources.NANOS_PER_CPU,
                r.memoryBytes() / (1024 * 1024), r.generic().isEmpty() ? "" : ", " + r.generic());
    }
}
