package io.flotilla.scheduler.model;

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
}
