package io.flotilla.scheduler.model;

import java.util.Optional;

/** A service: its mode and replica count, its task template, and how it updates. */
public record ServiceSpec(
        String name,
        ServiceMode mode,
        int replicas,
        TaskSpec task,
        UpdateConfig update,
        UpdateConfig rollback,
        EndpointMode endpointMode) {

    public ServiceSpec withReplicas(int newReplicas) {
        return new ServiceSpec(name, mode, newReplicas, task, update, rollback, endpointMode);
    }

    public ServiceSpec withTask(TaskSpec newTask) {
        return new ServiceSpec(name, mode, replicas, newTask, update, rollback, endpointMode);
    }

    /** {@code docker service update --image --update-*}: what is given replaces, the rest stays. */
    public ServiceSpec updated(Optional<String> image, Optional<UpdateConfig> config) {
        return new ServiceSpec(name, mode, replicas, image.map(task::withImage).orElse(task), config.orElse(update),
                rollback, endpointMode);
    }
}
