package io.flotilla.sim.swarm;

import io.flotilla.network.driver.Driver;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.overlay.OverlayNetwork;
import io.flotilla.network.overlay.OverlayNetworks;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.control.NetworkSetup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Swarmkit's network allocator: a service in VIP mode gets one virtual IP on each of its overlay
 * networks when it is created, and every task an address on each of its overlay networks before it
 * is scheduled; a task's addresses return to the pool when the manager sees it end. Services that
 * publish a port through the routing mesh are also on the ingress network. Addresses are handed
 * out in order from each subnet (see {@link OverlayNetwork}). Bridge and macvlan networks are the
 * nodes' own business: the daemon that starts a container gives it its address there.
 */
final class Allocator {

    private final Networks networks;
    private final Map<String, SortedMap<String, String>> serviceVips = new HashMap<>();
    private final Map<String, SortedMap<String, String>> taskAddresses = new HashMap<>();

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

    /** Addresses for a new task, by network name; a network whose subnet is full gives none. */
    SortedMap<String, String> taskCreated(String taskId, TaskSpec spec) {
        SortedMap<String, String> addresses = allocate(attachments(spec));
        if (!addresses.isEmpty()) {
            taskAddresses.put(taskId, addresses);
        }
        return addresses;
    }

    /** The task's addresses by network, while it holds them. */
    SortedMap<String, String> addressesOf(String taskId) {
        return taskAddresses.getOrDefault(taskId, new TreeMap<>());
    }

    void taskEnded(String taskId) {
        SortedMap<String, String> addresses = taskAddresses.remove(taskId);
        if (addresses != null) {
            addresses.forEach((network, address) -> networks.overlays().get(network).ifPresent(n -> n.release(address)));
        }
    }

    private static List<String> attachments(TaskSpec spec) {
        List<String> names = new ArrayList<>();
        if (spec.ports().stream().anyMatch(p -> p.mode() == PublishMode.INGRESS)) {
            names.add(OverlayNetworks.INGRESS);
        }
        names.addAll(spec.networks());
        return names;
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
