package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.ServiceSpec;
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

    /** swarmkit's {@code isTaskDirty}: the task runs another spec than the service's, or predates a forced update. */
    boolean isDirty(io.flotilla.scheduler.model.Task task) {
        return !task.spec().equals(spec.task()) || task.specVersion() < forcedAt;
    }
}
