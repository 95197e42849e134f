package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * No host-mode port is bound twice on one node: of the tasks whose containers are starting or
 * running on a node, no two publish the same protocol and port in {@code mode: host}.
 */
public final class HostPorts implements Invariant {

    public static final String NAME = "host-ports";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (!(last.event() instanceof TaskStateChanged e) || e.node() == null || !binds(e.state())) {
            return Optional.empty();
        }
        Map<String, String> bound = new HashMap<>();
        for (TaskView t : state.heldOn(e.node())) {
            if (!binds(t.state())) {
                continue;
            }
            for (PortConfig p : state.spec(t.id).map(s -> s.ports()).orElse(java.util.List.of())) {
                if (p.mode() != PublishMode.HOST || p.published() == 0) {
                    continue;
                }
                String port = p.published() + "/" + p.protocol();
                String other = bound.putIfAbsent(port, t.id);
                if (other != null) {
                    return Optional.of("host port " + port + " is bound twice on " + e.node() + ": by " + other + " and " + t.id);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean binds(TaskState s) {
        return s == TaskState.STARTING || s == TaskState.RUNNING;
    }
}
