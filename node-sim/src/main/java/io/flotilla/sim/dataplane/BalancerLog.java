package io.flotilla.sim.dataplane;

import io.flotilla.network.lb.Destination;
import io.flotilla.network.request.Target;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.kernel.EventLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logs {@link LbBackendChanged} for the load balancers that carry a traffic client's requests: the
 * client node's IPVS behind a Swarm VIP, the receiving node's routing mesh for a published port,
 * kube-proxy's rules on the client's (or the receiving) node. Other nodes' balancers are not logged,
 * to keep a large cluster's log small; their DNS answers are (see {@link AnswerLog}).
 *
 * <p>A balancer is read again only when its node's view changed, or everything did: a bulk sync
 * changes one router's view entry by entry, and the others' balancers are not worth reading for it.
 */
final class BalancerLog {

    private final EventLog log;
    private final List<TrafficClient> clients = new ArrayList<>();
    /** The nodes whose balancers carry a client's requests. */
    private final Set<String> nodes = new HashSet<>();
    /** The destinations logged last for each balancer a client goes through: key to weight, in ring order. */
    private final Map<Plane.Balancer, Map<String, Integer>> watched = new LinkedHashMap<>();
    /** Every balancer is to be read again (a service or a client came, or the underlay changed). */
    private boolean allDirty;
    /** The nodes whose views changed since the last flush, among {@link #nodes}. */
    private final Set<String> dirtyNodes = new HashSet<>();
    /** A node with no balancer to log, asked last: a bulk sync asks about the same node again and again. */
    private String lastQuiet;

    BalancerLog(EventLog log) {
        this.log = log;
    }

    /** The balancer the client goes through is logged once there is one (its service may come later). */
    void watch(TrafficClient client) {
        clients.add(client);
        client.from().ifPresent(nodes::add);
        if (Target.parse(client.target()) instanceof Target.NodePort np) {
            nodes.add(np.node());
        }
        allDirty = true;
    }

    /** Some view changed on {@code node}: the balancers are read again at the flush if one is there. */
    void viewChanged(String node) {
        if (!allDirty && node != lastQuiet) {
            if (nodes.contains(node)) {
                dirtyNodes.add(node);
            } else {
                lastQuiet = node;
            }
        }
    }

    void everythingChanged() {
        allDirty = !clients.isEmpty();
    }

    /** Logs what changed in each watched balancer: new and re-weighted destinations in ring order, then the removed. */
    void flush(Plane plane) {
        if (!allDirty && dirtyNodes.isEmpty()) {
            return;
        }
        Set<Plane.Balancer> added = new HashSet<>();
        for (TrafficClient c : clients) {
            plane.balancerOf(c).ifPresent(b -> {
                if (watched.putIfAbsent(b, new LinkedHashMap<>()) == null) {
                    added.add(b);
                }
            });
        }
        for (Map.Entry<Plane.Balancer, Map<String, Integer>> w : watched.entrySet()) {
            Plane.Balancer b = w.getKey();
            if (!allDirty && !dirtyNodes.contains(b.node()) && !added.contains(b)) {
                continue; // nothing its node sees has changed
            }
            Map<String, Integer> before = w.getValue();
            Map<String, Integer> now = new LinkedHashMap<>();
            for (Destination d : plane.destinations(b)) {
                now.put(d.key(), d.weight());
            }
            if (now.equals(before)) {
                continue;
            }
            now.forEach((task, weight) -> {
                if (!weight.equals(before.get(task))) {
                    log.append(new LbBackendChanged(b.node(), b.network(), b.service(), task, weight));
                }
            });
            List<String> removed = new ArrayList<>();
            before.keySet().forEach(task -> {
                if (!now.containsKey(task)) {
                    removed.add(task);
                }
            });
            removed.forEach(task -> log.append(new LbBackendChanged(b.node(), b.network(), b.service(), task, -1)));
            w.setValue(now);
        }
        allDirty = false;
        dirtyNodes.clear();
    }
}
