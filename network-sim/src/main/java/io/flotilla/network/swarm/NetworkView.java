package io.flotilla.network.swarm;

import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.lb.IpvsService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node's service records and load balancers for one network, derived from that node's view of
 * the network's endpoint table, the way libnetwork's {@code addServiceBinding} / {@code
 * rmServiceBinding} keep them:
 * <ul>
 *   <li>an enabled endpoint adds its task name and {@code tasks.<service>} records and an IPVS
 *       destination of weight 1;
 *   <li>a disabled one ({@code ServiceDisabled}) loses its records and drops to weight 0, but still
 *       counts for the service;
 *   <li>when the last endpoint of a service leaves the view (full removal), the IPVS service and the
 *       service's VIP record go with it ({@code rmService}): the name stops resolving on this node.
 * </ul>
 */
final class NetworkView {

    /** One service's backends as this node sees them. */
    static final class ServiceBackends {
        /** Endpoints in the view, enabled or not: the VIP record lives while this is above 0. */
        int entries;
        Optional<String> vip = Optional.empty();
        final IpvsService ipvs = new IpvsService();
        /** Enabled backends in the order they were enabled: the {@code tasks.} and dnsrr answer. */
        int[] enabled = new int[4];
        int enabledCount;

        void enable(int backend) {
            if (enabledCount == enabled.length) {
                enabled = java.util.Arrays.copyOf(enabled, enabledCount * 2);
            }
            enabled[enabledCount++] = backend;
        }

        void disable(int backend) {
            for (int i = 0; i < enabledCount; i++) {
                if (enabled[i] == backend) {
                    System.arraycopy(enabled, i + 1, enabled, i, enabledCount - i - 1);
                    enabledCount--;
                    return;
                }
            }
        }
    }

    /** What the view holds for one endpoint key. */
    record Slot(int service, int backend, Endpoint endpoint) {}

    ServiceBackends[] services = new ServiceBackends[0];
    final Map<String, Slot> byKey = new HashMap<>();
    /** Enabled endpoints by task name. */
    final Map<String, Integer> tasks = new HashMap<>();
    /** Addresses on this network, by backend id. */
    final Map<Integer, String> addresses = new HashMap<>();

    Optional<ServiceBackends> service(int id) {
        return id < services.length ? Optional.ofNullable(services[id]) : Optional.empty();
    }

    /** The hot-path form of {@link #service}: null when the service has no endpoint in this view. */
    ServiceBackends serviceOrNull(int id) {
        return id < services.length ? services[id] : null;
    }

    void added(String key, int serviceId, int backend, Endpoint e) {
        byKey.put(key, new Slot(serviceId, backend, e));
        addresses.put(backend, e.address());
        if (serviceId >= services.length) {
            services = java.util.Arrays.copyOf(services, Math.max(serviceId + 1, services.length * 2));
        }
        ServiceBackends s = services[serviceId];
        if (s == null) {
            s = new ServiceBackends();
            services[serviceId] = s;
        }
        s.entries++;
        if (e.vip().isPresent()) {
            s.vip = e.vip();
        }
        s.ipvs.add(backend, e.disabled() ? 0 : 1);
        if (!e.disabled()) {
            s.enable(backend);
            tasks.put(e.task(), backend);
        }
    }

    void updated(String key, Endpoint e) {
        Slot slot = byKey.get(key);
        if (slot == null) {
            return;
        }
        ServiceBackends s = services[slot.service()];
        boolean was = !slot.endpoint().disabled();
        boolean now = !e.disabled();
        byKey.put(key, new Slot(slot.service(), slot.backend(), e));
        addresses.put(slot.backend(), e.address());
        if (was && !now) {
            s.ipvs.setWeight(slot.backend(), 0);
            s.disable(slot.backend());
            tasks.remove(e.task(), slot.backend());
        } else if (!was && now) {
            s.ipvs.setWeight(slot.backend(), 1);
            s.enable(slot.backend());
            tasks.put(e.task(), slot.backend());
        }
    }

    void removed(String key) {
        Slot slot = byKey.remove(key);
        if (slot == null) {
            return;
        }
        ServiceBackends s = services[slot.service()];
        s.ipvs.remove(slot.backend());
        s.disable(slot.backend());
        tasks.remove(slot.endpoint().task(), slot.backend());
        addresses.remove(slot.backend());
        if (--s.entries == 0) {
            services[slot.service()] = null;
        }
    }

    /** Addresses of the enabled backends of a service, in the order they were enabled. */
    List<String> enabledAddresses(int serviceId) {
        List<String> out = new ArrayList<>();
        service(serviceId).ifPresent(s -> {
            for (int i = 0; i < s.enabledCount; i++) {
                out.add(addresses.get(s.enabled[i]));
            }
        });
        return out;
    }
}
