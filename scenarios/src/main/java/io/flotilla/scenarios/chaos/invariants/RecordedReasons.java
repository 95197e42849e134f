package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ZoneStateChanged;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import java.util.Optional;

/**
 * Why a service may rightly be short of its desired count at a moment, as the log records it: no
 * raft leader; no node that is up, ready and active; a task of it waiting with the scheduler's or
 * the allocator's error (no room, no address); an image whose containers exit by themselves (its
 * {@code crash_after}, or memory use past the limit); a plugin volume held by a task on another
 * node; a controller's refused creations; a rolling update that paused or rolls back, or waits for
 * a task on a node that is not ready; a zone whose evictions stopped (kubernetes); a restart policy
 * that may give up; a pod of an OrderedReady statefulset that is not ready (kubernetes); a
 * statefulset's ordinal whose pod is on a node that is down or not ready (it is never run twice,
 * so it waits for that node, or for its pod to be gone). Empty when none holds, and the service
 * should be whole.
 */
final class RecordedReasons {

    private RecordedReasons() {}

    static Optional<String> why(ChaosState state, String service) {
        if (!state.hasLeader()) {
            return Optional.of("no raft leader");
        }
        boolean room = false;
        for (NodeView n : state.view().nodes()) {
            room |= n.isUp() && n.believed().equals("ready") && n.availability() == Availability.ACTIVE;
        }
        if (!room) {
            return Optional.of("no node is up, ready and active");
        }
        if (state.isStatefulSet(service)) {
            // an ordinal is never run twice: its pod waits for a node that is gone (its local volume's)
            for (TaskView t : state.view().newestTasks()) {
                Optional<NodeView> node = t.node().flatMap(n -> state.view().node(n));
                if (t.service.equals(service) && node.isPresent()
                        && !(node.get().isUp() && node.get().believed().equals("ready"))) {
                    return Optional.of(t.name + " waits for its node " + node.get().name + ", which is " + node.get().state());
                }
            }
        }
        if (state.isStatefulSet(service) && state.strategy() == Strategy.KUBERNETES && state.orderedReady(service)) {
            // OrderedReady: the controller creates or deletes no pod while one of the set's is not ready
            for (TaskView t : state.view().newestTasks()) {
                if (t.service.equals(service) && t.isRunning() && t.health().filter("unhealthy"::equals).isPresent()) {
                    return Optional.of(t.name + " is not ready, and statefulset " + service + " is OrderedReady");
                }
            }
        }
        ServiceSpec spec = state.specOf(service, state.time());
        RestartPolicy restart = spec.task().restartPolicy();
        if (restart.condition() != RestartPolicy.Condition.ANY || restart.maxAttempts() > 0) {
            return Optional.of("its restart policy may leave a stopped task stopped");
        }
        Optional<String> failsOnItsOwn = exitsOnItsOwn(state, service).or(() -> volumeHeldElsewhere(state, service));
        if (failsOnItsOwn.isPresent()) {
            return failsOnItsOwn;
        }
        for (TaskView t : state.view().pending(service)) {
            if (t.error().isPresent()) {
                return Optional.of(t.name + " waits: " + t.error().get());
            }
        }
        if (state.view().failedCreates().containsKey(service)) {
            return Optional.of("its controller's pod creations were refused");
        }
        Optional<String> update = state.updateState(service);
        if (update.isPresent() && (update.get().contains("paused") || update.get().contains("rollback"))) {
            return Optional.of("its update is " + update.get());
        }
        if (update.isPresent() && update.get().equals("updating")) {
            Optional<String> waits = updateWaits(state, service);
            if (waits.isPresent()) {
                return waits;
            }
        }
        for (ZoneStateChanged z : state.zones().values()) {
            if (!z.state().equals("normal") && z.evictionRate() == 0) {
                return Optional.of("zone '" + z.zone() + "' is in " + z.state() + ": evictions stopped");
            }
        }
        return Optional.empty();
    }

    /**
     * A task of the service runs an image whose container exits by itself, after its {@code
     * crash_after} or when its memory use goes past the task's limit: its slot restarts, backs off
     * or rolls back for as long as that image is the service's.
     */
    private static Optional<String> exitsOnItsOwn(ChaosState state, String service) {
        for (TaskView t : state.view().newestTasks()) {
            ImageDecl image = t.service.equals(service) ? state.scenario().images().get(t.image) : null;
            if (image == null) {
                continue;
            }
            if (image.crashAfterNanos().isPresent()) {
                return Optional.of(t.name + " runs " + t.image + ", which exits by itself after "
                        + Durations.format(image.crashAfterNanos().getAsLong()));
            }
            long limit = state.spec(t.id).map(s -> s.limits().memoryBytes()).orElse(0L);
            if (image.app().memoryUse().oomAfter(limit).isPresent()) {
                return Optional.of(t.name + " runs " + t.image + ", whose memory use goes past its limit");
            }
        }
        return Optional.empty();
    }

    /**
     * An update in progress whose new task went to a node that was then marked down: the manager
     * shut the task down, but only the node can report it stopped, and until it does (swarmkit
     * orphans such tasks after a day) the updater waits, the slot's old task still running.
     */
    private static Optional<String> updateWaits(ChaosState state, String service) {
        for (TaskView t : state.view().allTasks()) {
            Optional<NodeView> node = t.node().flatMap(n -> state.view().node(n));
            if (t.service.equals(service) && t.desired().compareTo(TaskState.RUNNING) > 0
                    && !t.believed().isTerminal() && node.isPresent() && !node.get().believed().equals("ready")) {
                return Optional.of("its update waits for " + t.name + " to be reported stopped by "
                        + node.get().name + ", which is " + node.get().believed());
            }
        }
        return Optional.empty();
    }

    /**
     * The service's last task to end could not mount a plugin volume that a task on another node
     * still uses (one node at a time): its slot fails and restarts until that task stops, which a
     * node cut off from the manager never reports.
     */
    private static Optional<String> volumeHeldElsewhere(ChaosState state, String service) {
        TaskView last = null;
        for (TaskView t : state.view().allTasks()) {
            if (t.service.equals(service) && t.state().isTerminal()) {
                last = t;
            }
        }
        if (last != null && last.error().filter(e -> e.contains("error while mounting volume")
                && e.contains(" is attached to ")).isPresent()) {
            return Optional.of(last.name + " could not start: " + last.error().get());
        }
        return Optional.empty();
    }

    static boolean replicated(ChaosState state, String service) {
        return state.specOf(service, state.time()).mode() == ServiceMode.REPLICATED;
    }
}
