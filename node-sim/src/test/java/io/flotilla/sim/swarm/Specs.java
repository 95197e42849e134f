package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.List;
import java.util.TreeMap;

/** Nodes, services and tasks for the control-plane tests, and a store seeded with them. */
final class Specs {

    private Specs() {}

    static NodeSpec node(String name) {
        return new NodeSpec(name, NodeRole.WORKER, Resources.of(4, 8L << 30), new TreeMap<>(), new TreeMap<>(),
                new Platform("linux", "amd64"), List.of());
    }

    static TaskSpec task(String image, RestartPolicy restart) {
        return new TaskSpec(image, Resources.NONE, Resources.NONE, Placement.NONE, List.of(), List.of(), restart);
    }

    static ServiceSpec replicated(String name, int replicas, String image) {
        return new ServiceSpec(name, ServiceMode.REPLICATED, replicas, task(image, RestartPolicy.DEFAULT),
                UpdateConfig.DEFAULT, UpdateConfig.DEFAULT, EndpointMode.VIP);
    }

    static ServiceSpec global(String name, String image) {
        return new ServiceSpec(name, ServiceMode.GLOBAL, 0, task(image, RestartPolicy.DEFAULT),
                UpdateConfig.DEFAULT, UpdateConfig.DEFAULT, EndpointMode.VIP);
    }

    /** Puts a node in the store as the manager would record it. */
    static NodeRecord addNode(ClusterStore store, String name, NodeStatus status, Availability availability) {
        NodeRecord record = new NodeRecord(node(name), availability);
        store.addNode(record);
        store.setStatus(record, status);
        return record;
    }

    static ServiceRecord addService(ClusterStore store, ServiceSpec spec) {
        ServiceRecord record = new ServiceRecord(spec, store.services.size());
        store.services.put(spec.name(), record);
        return record;
    }

    /**
     * Puts a task of the service in the store as if it had got that far: slot {@code slot}
     * (0 for a global task), on {@code node} (null: not assigned), in {@code state}.
     */
    static Task addTask(ClusterStore store, ServiceRecord service, int slot, String node, TaskState state) {
        String name = slot > 0 ? service.name() + "." + slot : service.name() + "." + node;
        Task task = new Task(store.nextTaskId(name), name, service.name(), slot, service.version, service.spec.task(),
                node, state, TaskState.RUNNING, null);
        store.put(task);
        return task;
    }
}
