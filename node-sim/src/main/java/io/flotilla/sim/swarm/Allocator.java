package io.flotilla.sim.swarm;

import io.flotilla.network.driver.Driver;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.overlay.Allocation;
import io.flotilla.network.overlay.OverlayNetwork;
import io.flotilla.network.overlay.OverlayNetworks;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.control.NetworkSetup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Swarmkit's network allocator: a service in VIP mode gets one virtual IP on each of its overlay
 * networks when it is created, and every task an address on each of its overlay networks before it
 * is scheduled; a task's addresses return to the pool when the manager sees it end. Services that
 * publish a port through the routing mesh are also on the ingress network. Addresses are handed
 * out in order from each subnet (see {@link OverlayNetwork}). Bridge and macvlan networks are the
 * nodes' own business: the daemon that starts a container gives it its address there.
 *
 * <p>A task gets all its overlay addresses or none: when a subnet is full, swarmkit's
 * {@code cnmallocator} gives back what it took for the task's other networks and fails with
 * {@code failed to allocate network IP for task T network N: could not find an available IP}. The
 * task then stays new, unscheduled, and the allocator tries it again later; here that is whenever
 * an address is given back, waiting tasks oldest first.
 */
final class Allocator {

    private final Networks networks;
    private final Map<String, SortedMap<String, String>> serviceVips = new HashMap<>();
    private final Map<String, SortedMap<String, String>> taskAddresses = new HashMap<>();
    /** Tasks whose addresses could not be had yet, oldest first. */
    private final Map<String, TaskSpec> waiting = new LinkedHashMap<>();

    /** The user networks, created in the order given ({@code subnet} empty: the next free /24). */
    Allocator(List<NetworkSetup> declared) {
        this.networks = new Networks(declared.stream().map(NetworkSetup::spec).toList());
    }

    void serviceCreated(ServiceSpec spec) {
        if (spec.endpointMode() != EndpointMode.VIP || serviceVips.containsKey(spec.name())) {
            return;
        }
        serviceVips.put(spec.name(), allocate(attachments(spec.task())));
    }

    SortedMap<String, String> vips(String service) {
        return serviceVips.getOrDefault(service, new TreeMap<>());
    }

    /**
     * Gives a new task its addresses (then {@link #addressesOf} has them), or the allocator's
     * error when a network is full; the task then waits for {@link #retryWaiting}.
     */
    Optional<String> taskCreated(String taskId, TaskSpec spec) {
        Optional<String> failure = allocateTask(taskId, spec);
        if (failure.isPresent()) {
            waiting.put(taskId, spec);
        }
        return failure;
    }

    /** Whether the task waits for an address. */
    boolean isWaiting(String taskId) {
        return waiting.containsKey(taskId);
    }

    /** Tries the waiting tasks again, oldest first: the ones that got their addresses now. */
    List<String> retryWaiting() {
        List<String> allocated = new ArrayList<>();
        for (Iterator<Map.Entry<String, TaskSpec>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, TaskSpec> entry = it.next();
            if (allocateTask(entry.getKey(), entry.getValue()).isEmpty()) {
                it.remove();
                allocated.add(entry.getKey());
            }
        }
        return allocated;
    }

    private Optional<String> allocateTask(String taskId, TaskSpec spec) {
        SortedMap<String, String> addresses = new TreeMap<>();
        for (String name : overlayAttachments(spec)) {
            Optional<OverlayNetwork> network = networks.overlays().get(name);
            if (network.isEmpty()) {
                continue;
            }
            Allocation allocation = network.get().allocateFor(taskId);
            if (allocation instanceof Allocation.Failed failed) {
                release(addresses);
                return Optional.of(failed.error());
            }
            addresses.put(name, ((Allocation.Address) allocation).address());
        }
        if (!addresses.isEmpty()) {
            taskAddresses.put(taskId, addresses);
        }
        return Optional.empty();
    }

    /** The task's addresses by network, while it holds them. */
    SortedMap<String, String> addressesOf(String taskId) {
        return taskAddresses.getOrDefault(taskId, Collections.emptySortedMap());
    }

    /** The task no longer needs addresses; true when it gave some back. */
    boolean taskEnded(String taskId) {
        waiting.remove(taskId);
        SortedMap<String, String> addresses = taskAddresses.remove(taskId);
        if (addresses == null) {
            return false;
        }
        release(addresses);
        return true;
    }

    private void release(SortedMap<String, String> addresses) {
        addresses.forEach((network, address) -> networks.overlays().get(network).ifPresent(n -> n.release(address)));
    }

    private static List<String> attachments(TaskSpec spec) {
        List<String> names = new ArrayList<>();
        for (PortConfig port : spec.ports()) {
            if (port.mode() == PublishMode.INGRESS) {
                names.add(OverlayNetworks.INGRESS);
                break;
            }
        }
        names.addAll(spec.networks());
        return names;
    }

    /** Loops rather than streams: every task placed asks. */
    private List<String> overlayAttachments(TaskSpec spec) {
        List<String> overlays = new ArrayList<>();
        for (String name : attachments(spec)) {
            if (networks.driver(name).orElse(Driver.OVERLAY) == Driver.OVERLAY) {
                overlays.add(name);
            }
        }
        return overlays;
    }

    private SortedMap<String, String> allocate(List<String> names) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String name : names) {
            if (networks.driver(name).orElse(Driver.OVERLAY) == Driver.OVERLAY) {
                networks.overlays().get(name).flatMap(OverlayNetwork::allocate).ifPresent(address -> out.put(name, address));
            }
        }
        return out;
    }
}
