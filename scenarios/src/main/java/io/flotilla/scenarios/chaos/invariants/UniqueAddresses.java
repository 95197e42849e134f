package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.network.driver.Driver;
import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IPAM never hands out an address that is in use: when a task is given an address on a network
 * ({@code task.create}'s addresses, {@code task.address}), no other task holds it there. A task
 * holds its address while its container is on a node, and while the manager still wants it
 * running (it may start again, in place under Kubernetes); a bridge network is each host's own, so
 * there the address is per node.
 */
public final class UniqueAddresses implements Invariant {

    public static final String NAME = "unique-addresses";

    private final Map<String, String> holders = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (last.event() instanceof TaskCreated e) {
            for (Map.Entry<String, String> a : e.addresses().entrySet()) {
                Optional<String> broken = give(state, e.task(), a.getKey(), a.getValue());
                if (broken.isPresent()) {
                    return broken;
                }
            }
        } else if (last.event() instanceof TaskAddressed e) {
            return give(state, e.task(), e.network(), e.address());
        }
        return Optional.empty();
    }

    private Optional<String> give(ChaosState state, String task, String network, String address) {
        Optional<TaskView> t = state.view().task(task);
        NetworkDecl declared = state.scenario().networks().get(network);
        boolean perHost = declared != null && declared.driver() == Driver.BRIDGE;
        String key = network + (perHost ? "@" + t.flatMap(TaskView::node).orElse("?") : "") + " " + address;
        String before = holders.put(key, task);
        if (before != null && !before.equals(task)) {
            Optional<TaskView> other = state.view().task(before);
            if (other.isPresent() && holds(other.get())) {
                return Optional.of(address + " on " + network + " was given to " + task + " while " + before + " holds it ("
                        + other.get().state().lowerName() + ", desired " + other.get().desired().lowerName() + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean holds(TaskView t) {
        return ChaosState.holds(t.state()) || t.desired().compareTo(TaskState.RUNNING) <= 0;
    }
}
