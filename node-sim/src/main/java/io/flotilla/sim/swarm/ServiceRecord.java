package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.placement.swarm.Constraint;
import java.util.Optional;

/** A service in the store: its current spec and version, the one before it, and any update in flight. */
final class ServiceRecord {
    ServiceSpec spec;
    int version = 1;
    Optional<ServiceSpec> previous = Optional.empty();
    Optional<RollingUpdate> update = Optional.empty();
    /** The version of the last forced update: tasks older than it are out of date whatever their spec. */
    int forcedAt = 0;
    /** Creation order, so task groups are scheduled in the order services were deployed. */
    final int order;

    ServiceRecord(ServiceSpec spec, int order) {
        this.spec = spec;
        this.order = order;
    }

    String name() {
        return spec.name();
    }

    /**
     * The statefulset this service runs an ordinal of ({@link StatefulSets}): its task goes by the
     * service's name and counts for the statefulset.
     */
    Optional<String> statefulSet = Optional.empty();

    /**
     * swarmkit's {@code isTaskDirty}: the task runs another spec than the service's, or predates a
     * forced update; but not when only the placement constraints changed and the task's node meets
     * the new ones ({@code IsTaskDirtyPlacementConstraintsOnly} and {@code nodeMatches}).
     */
    boolean isDirty(Task task, Optional<NodeSpec> node) {
        if (task.specVersion() < forcedAt) {
            return true;
        }
        if (task.spec().equals(spec.task())) {
            return false;
        }
        TaskSpec wanted = spec.task();
        boolean placementOnly = !task.spec().placement().equals(wanted.placement())
                && task.spec().withPlacement(wanted.placement()).equals(wanted);
        return !(placementOnly && node.isPresent() && Constraint.matchAll(
                Constraint.parse(wanted.placement().constraints()).constraints(), node.get(), node.get().role()));
    }

    /** The name of a new task in {@code slot} (0: a global task on {@code node}). */
    String taskName(int slot, String node) {
        if (statefulSet.isPresent()) {
            return name();
        }
        return slot > 0 ? name() + "." + slot : name() + "." + node;
    }

    /** The workload its tasks count for: the statefulset of an ordinal's service, else the service. */
    String workload() {
        return statefulSet.orElse(name());
    }
}
