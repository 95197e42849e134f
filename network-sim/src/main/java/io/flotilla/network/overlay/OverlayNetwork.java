package io.flotilla.network.overlay;

import io.flotilla.network.ipam.AddressPool;
import io.flotilla.network.ipam.IpamError;
import java.util.Optional;

/**
 * One overlay network: its VXLAN id, its subnet, its MTU and the addresses handed out in it. The
 * gateway takes the first host address; the rest are allocated serially, as libnetwork's IPAM
 * does for swarm networks: each allocation takes the next free address after the last one,
 * wrapping around, so a released address is not reused at once (see {@link AddressPool}).
 */
public final class OverlayNetwork {

    private final String name;
    private final int vni;
    private final Subnet subnet;
    private final boolean encrypted;
    private final int mtu;
    private final AddressPool pool;

    OverlayNetwork(String name, int vni, Subnet subnet) {
        this(name, vni, subnet, false, Mtu.UNDERLAY_DEFAULT);
    }

    OverlayNetwork(String name, int vni, Subnet subnet, boolean encrypted, int underlayMtu) {
        this.name = name;
        this.vni = vni;
        this.subnet = subnet;
        this.encrypted = encrypted;
        this.mtu = Mtu.overlay(underlayMtu, encrypted);
        this.pool = new AddressPool(subnet);
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

    /** IPsec (ESP) between the hosts' VTEPs: {@code --opt encrypted}. */
    public boolean encrypted() {
        return encrypted;
    }

    /** The MTU of the VXLAN device and of every container's interface on this network. */
    public int mtu() {
        return mtu;
    }

    /** The next free address, or empty when the subnet is full. */
    public Optional<String> allocate() {
        return pool.allocate();
    }

    /**
     * An address for a task, or the swarm allocator's error when the subnet is full:
     * {@code failed to allocate network IP for task T network N: could not find an available IP}.
     */
    public Allocation allocateFor(String taskId) {
        return pool.allocate()
                .<Allocation>map(Allocation.Address::new)
                .orElseGet(() -> new Allocation.Failed(IpamError.NO_SWARM_ADDRESS.forTask(taskId, name)));
    }

    /** Takes a given address (a service's requested VIP, say); the error says why not. */
    public Optional<IpamError> reserve(String address) {
        return pool.reserve(address);
    }

    public void release(String address) {
        pool.release(address);
    }

    public boolean isAllocated(String address) {
        return pool.isAllocated(address);
    }

    public int addressesInUse() {
        return pool.inUse();
    }
}
