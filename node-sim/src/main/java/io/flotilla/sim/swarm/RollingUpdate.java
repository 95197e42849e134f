package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One rolling update (or rollback) in progress: the slots still to do and how it has gone so far. */
final class RollingUpdate {
    final UpdateConfig config;
    final boolean rollback;
    final List<String> slots;
    int next;
    /** Worker number -> the new task it waits for. */
    final Map<Integer, String> inFlight = new HashMap<>();
    /** Tasks this update created, with the slot's tasks each replaces (start-first stops them later). */
    final Map<String, List<Task>> replaces = new HashMap<>();
    final Map<String, Long> runningSince = new HashMap<>();
    final Set<String> counted = new HashSet<>();
    int failures;
    boolean paused;

    RollingUpdate(UpdateConfig config, boolean rollback, List<String> slots) {
        this.config = config;
        this.rollback = rollback;
        this.slots = slots;
    }

    boolean allStarted() {
        return next >= slots.size();
    }

    String name() {
        return rollback ? "rollback" : "update";
    }
}
