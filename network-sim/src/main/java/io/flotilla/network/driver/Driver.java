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
    MACVLAN;

    /** How a packet from one endpoint gets to another on a network of this driver. */
    public enum Path {
        /** Both ends on one host: the local bridge carries it. */
        LOCAL,
        /** Across hosts: it needs the underlay between them. */
        UNDERLAY,
        /** This driver cannot carry it at all: no route. */
        NONE
    }

    /** The driver's name as the compose file spells it: {@code overlay}, {@code bridge}, {@code macvlan}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
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
            return this == MACVLAN && fromHostNamespace ? Path.NONE : Path.LOCAL;
        }
        return crossesHosts() ? Path.UNDERLAY : Path.NONE;
    }
}
