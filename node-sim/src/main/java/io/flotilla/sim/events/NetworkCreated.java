package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * A declared network was created when the run began (Swarm): its {@code driver} (an ipvlan network's
 * with its mode: {@code ipvlan l2}, {@code ipvlan l3}), the VXLAN
 * {@code vni} an overlay got from the allocator (0 for a bridge, macvlan or ipvlan network, which has none),
 * its {@code subnet} (a bridge network's is each host's own copy of it), the {@code mtu} its
 * containers see (an encrypted overlay's is smaller: IPsec takes room from every packet), and
 * whether its traffic is {@code encrypted}. The ingress network is the routing mesh's own, not a
 * declared one, and is not logged.
 */
public record NetworkCreated(String network, String driver, int vni, String subnet, int mtu, boolean encrypted)
        implements Event {
    @Override
    public String type() {
        return "network.create";
    }
}
