package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A StatefulSet run the way Swarm has to run one, with no such object of its own: one service per
 * ordinal ({@code db-0}, {@code db-1}, ...), each of one replica, mounting its own volume per claim
 * template ({@code data-db-0}). A claim of a {@code local} storage class is a volume of Docker's
 * local driver, made on the node where the ordinal's first task starts; from then on the operator
 * pins the ordinal there ({@code node.hostname == NODE}), since its data is on that node only. A claim
 * of a {@code network} class is a volume plugin of the class's name, attachable from any node that has
 * it, and pins nothing. The ordinal's task goes by the ordinal's name ({@code db-0}, Swarm's
 * {@code db-0.1}) and counts for the statefulset, so checks read alike under both strategies.
 *
 * <p>Everything is at once, as a stack deploy is: pod_management_policy has no Swarm equivalent, and
 * a scale-down scales the highest ordinals' services to 0, keeping their volumes.
 */
final class StatefulSets {

    private final Map<String, StorageClassSpec> classes = new LinkedHashMap<>();
    private final Map<String, StatefulSetSpec> sets = new LinkedHashMap<>();
    /** The ordinal services with a local claim, by name, and the node each is pinned to once its volume exists. */
    private final Map<String, Optional<String>> pins = new LinkedHashMap<>();
    /** Pins learnt from task reports, for the control plane to apply once the reports are in. */
    private final Map<String, String> pending = new LinkedHashMap<>();

    void storageClass(StorageClassSpec spec) {
        classes.put(spec.name(), spec);
    }

    boolean has(String name) {
        return sets.containsKey(name);
    }

    Optional<StatefulSetSpec> get(String name) {
        return Optional.ofNullable(sets.get(name));
    }

    void put(StatefulSetSpec spec) {
        sets.put(spec.name(), spec);
    }

    /** The statefulset an ordinal service belongs to. */
    Optional<String> owner(String service) {
        for (StatefulSetSpec s : sets.values()) {
            int dash = service.lastIndexOf('-');
            if (dash > 0 && service.substring(0, dash).equals(s.name()) && service.substring(dash + 1).matches("0|[1-9][0-9]*")) {
                return Optional.of(s.name());
            }
        }
        return Optional.empty();
    }

    /**
     * The service of ordinal {@code ordinal}: one replica (none above the statefulset's count), the
     * statefulset's task with one volume mount per claim template, pinned if its local volume exists.
     */
    ServiceSpec ordinal(StatefulSetSpec set, int ordinal, int replicas) {
        String name = set.name() + "-" + ordinal;
        List<VolumeMount> mounts = new ArrayList<>(set.task().mounts());
        boolean local = false;
        for (StatefulSetSpec.ClaimTemplate t : set.claimTemplates()) {
            boolean network = Optional.ofNullable(classes.get(t.storageClass())).map(StorageClassSpec::attachable).orElse(false);
            local |= !network;
            mounts.add(VolumeMount.volume(t.name() + "-" + name, "/" + t.name(), false,
                    network ? t.storageClass() : VolumeMount.LOCAL));
        }
        if (local) {
            pins.putIfAbsent(name, Optional.empty());
        }
        TaskSpec task = set.task();
        List<String> constraints = new ArrayList<>(task.placement().constraints());
        Optional.ofNullable(pins.get(name)).flatMap(p -> p).ifPresent(node -> constraints.add(pin(node)));
        Placement placement = new Placement(constraints, task.placement().spreadPreferences(), task.placement().maxReplicas(),
                task.placement().platforms());
        TaskSpec ordinalTask = task.withPlacement(placement).withMounts(mounts);
        return new ServiceSpec(name, ServiceMode.REPLICATED, replicas, ordinalTask, UpdateConfig.DEFAULT, UpdateConfig.DEFAULT,
                EndpointMode.VIP);
    }

    /**
     * A task of an ordinal with a local volume started on {@code node}: its volume is there now, so the
     * ordinal is to be pinned there (once).
     */
    void observed(Task task) {
        Optional<String> pin = pins.get(task.service());
        if (pin != null && pin.isEmpty() && task.isAssigned() && task.state().compareTo(TaskState.STARTING) >= 0
                && task.state().compareTo(TaskState.RUNNING) <= 0) {
            pins.put(task.service(), Optional.of(task.node()));
            pending.put(task.service(), task.node());
        }
    }

    /** The pins learnt since the last call, ordinal service to node. */
    Map<String, String> takePending() {
        Map<String, String> out = new LinkedHashMap<>(pending);
        pending.clear();
        return out;
    }

    static String pin(String node) {
        return "node.hostname == " + node;
    }
}
