package io.flotilla.network.driver;

import java.util.Locale;
import java.util.Optional;

/**
 * The network drivers the model knows, and the one rule that sets them apart: which pairs of
 * endpoints a network can carry traffic between.
 */
public enum Driver {

    /** VXLAN between the hosts' VTEPs: any two hosts whose underlay connects them. */
    OVERLAY,
    /**
     * A Linux bridge on each host; the same network name on two hosts is two separate networks, so
     * traffic never leaves the host. Published ports reach it through the host.
     */
    BRIDGE,
    /**
     * Sub-interfaces of each host's own NIC: tasks are peers of the hosts on the physical segment
     * and reach other hosts' tasks over the underlay. The parent interface does not switch to its own
     * macvlan children, so a host cannot reach the macvlan tasks it runs (containers on the same
     * host reach each other through the macvlan bridge).
     */
    MACVLAN,
    /**
     * ipvlan in L2 mode (Docker's default {@code ipvlan_mode}): as macvlan, tasks are peers of the hosts
     * on the parent's segment and reach other hosts' tasks over the underlay, and the host cannot reach
     * its own children ("the default namespace is not reachable per ipvlan design", moby's
     * vlan-networks.md). Unlike macvlan every child shares the parent's MAC address, so the switch sees
     * one MAC per host: no promiscuous mode and no per-port MAC limit to meet; nothing the simulation
     * routes depends on that.
     */
    IPVLAN_L2,
    /**
     * ipvlan in L3 mode: the parent routes for its children (no ARP, no broadcast or multicast), so
     * containers on one host reach each other, but a packet for another host's child leaves through
     * the host's routing table towards a network that has no route to the container subnet unless
     * someone distributes one ("the remote host or the physical network in between need to have a
     * route pointing to the host IP address", moby's vlan-networks.md). Docker distributes none and
     * neither does the simulation: such a packet is lost. The host cannot reach its own children here
     * either.
     */
    IPVLAN_L3;

    /** How a packet from one endpoint gets to another on a network of this driver. */
    public enum Path {
        /** Both ends on one host: the local bridge carries it. */
        LOCAL,
        /** Across hosts: it needs the underlay between them. */
        UNDERLAY,
        /** This driver cannot carry it at all: no route. */
        NONE,
        /**
         * It leaves the host towards a network with no route to its destination (ipvlan L3 across
         * hosts): the packet is lost, nothing answers.
         */
        UNROUTED
    }

    /**
     * The driver's name as the compose file spells it: {@code overlay}, {@code bridge}, {@code macvlan},
     * {@code ipvlan} (both modes; {@link #ipvlanMode} tells them apart).
     */
    public String key() {
        return isIpvlan() ? "ipvlan" : name().toLowerCase(Locale.ROOT);
    }

    /** How the logs name the network's driver: its key, and for ipvlan its mode ({@code ipvlan l3}). */
    public String describe() {
        return ipvlanMode().map(m -> key() + " " + m).orElse(key());
    }

    public boolean isIpvlan() {
        return this == IPVLAN_L2 || this == IPVLAN_L3;
    }

    /** {@code l2} or {@code l3}, Docker's {@code ipvlan_mode} option, for an ipvlan driver. */
    public Optional<String> ipvlanMode() {
        return !isIpvlan() ? Optional.empty() : Optional.of(this == IPVLAN_L2 ? "l2" : "l3");
    }

    /**
     * A sub-interface of each host's own NIC (macvlan, ipvlan): tasks take addresses from one
     * cluster-wide pool of the segment's subnet, and the host cannot reach its own children.
     */
    public boolean onParentInterface() {
        return this == MACVLAN || isIpvlan();
    }

    public static Optional<Driver> parse(String key) {
        for (Driver d : values()) {
            if (d.key().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public boolean crossesHosts() {
        return this != BRIDGE;
    }

    /**
     * The path between a client and a server on this network. {@code fromHostNamespace}: the client is
     * the host itself (a published port's DNAT, a process outside any container), not a container
     * attached to the network.
     */
    public Path path(boolean sameHost, boolean fromHostNamespace) {
        if (sameHost) {
            return onParentInterface() && fromHostNamespace ? Path.NONE : Path.LOCAL;
        }
        if (this == IPVLAN_L3) {
            return Path.UNROUTED;
        }
        return crossesHosts() ? Path.UNDERLAY : Path.NONE;
    }
}
