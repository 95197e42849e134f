package io.flotilla.network.overlay;

import java.util.BitSet;
import java.util.Optional;

/**
 * One overlay network: its VXLAN id, its subnet and the addresses handed out in it. The
 * gateway takes the first host address; the rest are allocated serially, as libnetwork's IPAM
 * does for swarm networks: each allocation takes the next free address after the last one,
 * wrapping around, so a released address is not reused at once.
 */
public final class OverlayNetwork {

    private final String name;
    private final int vni;
    private final Subnet subnet;
    private final BitSet used = new BitSet();
    private int last;

    OverlayNetwork(String name, int vni, Subnet subnet) {
        this.name = name;
        this.vni = vni;
        this.subnet = subnet;
        used.set(0); // network address
        used.set(subnet.size() - 1); // broadcast
        used.set(1); // gateway
        last = 1;
    }

    public String name() {
        return name;
    }

    public int vni() {
        return vni;
    }

    public Subnet subnet() {
        return subnet;
    }

    public String gateway() {
        return subnet.address(1);
    }

    /** The next free address, or empty when the subnet is full. */
    public Optional<String> allocate() {
        int size = subnet.size();
        for (int step = 1; step < size; step++) {
            int candidate = (last + step) % size;
            if (!used.get(candidate)) {
                used.set(candidate);
                last = candidate;
                return Optional.of(subnet.address(candidate));
            }
        }
        return Optional.empty();
    }

    public void release(String address) {
        Subnet.parseAddress(address).ifPresent(a -> {
            int offset = a - subnet.base();
            if (offset > 1 && offset < subnet.size() - 1) {
                used.clear(offset);
            }
        });
    }
}
