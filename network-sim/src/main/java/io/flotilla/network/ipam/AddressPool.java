package io.flotilla.network.ipam;

import io.flotilla.network.overlay.Subnet;
import java.util.BitSet;
import java.util.Optional;

/**
 * The addresses of one subnet and which of them are taken, as libnetwork's default IPAM keeps them
 * with serial allocation on ({@code com.docker.network.ipam.serial}, which swarm's allocator always
 * sets): the network and broadcast addresses are never handed out, the gateway takes the first host
 * address, and each request takes the next free address after the one handed out last, wrapping at
 * the end, so a released address comes back only after the rest of the subnet has been used (moby
 * {@code ipams/defaultipam} {@code TestSerializeRequestReleaseAddressFromSubPool}).
 *
 * <p>An address asked for by value ({@link #reserve}) must lie inside the subnet and be free, else
 * the request is refused in the upstream words ({@link IpamError}).
 */
public final class AddressPool {

    private final Subnet subnet;
    private final BitSet used = new BitSet();
    private final boolean hasGateway;
    private int last;
    private int inUse;

    /** A pool whose first host address is the gateway. */
    public AddressPool(Subnet subnet) {
        this(subnet, true);
    }

    public AddressPool(Subnet subnet, boolean hasGateway) {
        this.subnet = subnet;
        this.hasGateway = hasGateway;
        used.set(0); // network address
        used.set(subnet.size() - 1); // broadcast
        if (hasGateway) {
            used.set(1);
            last = 1;
        }
    }

    public Subnet subnet() {
        return subnet;
    }

    /** The gateway's address ({@code .1} of the subnet), if the pool has one. */
    public Optional<String> gateway() {
        return hasGateway ? Optional.of(subnet.address(1)) : Optional.empty();
    }

    /** The next free address after the last one handed out; empty when the subnet is full. */
    public Optional<String> allocate() {
        int size = subnet.size();
        for (int step = 1; step < size; step++) {
            int candidate = (last + step) % size;
            if (!used.get(candidate)) {
                used.set(candidate);
                last = candidate;
                inUse++;
                return Optional.of(subnet.address(candidate));
            }
        }
        return Optional.empty();
    }

    /** Takes a given address; the error says why not (outside the subnet, or already taken). */
    public Optional<IpamError> reserve(String address) {
        Optional<Integer> parsed = Subnet.parseAddress(address);
        if (parsed.isEmpty()) {
            return Optional.of(IpamError.OUT_OF_RANGE);
        }
        int offset = parsed.get() - subnet.base();
        if (offset <= 0 || offset >= subnet.size() - 1) {
            return Optional.of(IpamError.OUT_OF_RANGE);
        }
        if (used.get(offset)) {
            return Optional.of(IpamError.ALREADY_IN_USE);
        }
        used.set(offset);
        inUse++;
        return Optional.empty();
    }

    /** Gives an address back; the gateway, addresses outside the subnet and free ones are ignored. */
    public void release(String address) {
        Subnet.parseAddress(address).ifPresent(a -> {
            int offset = a - subnet.base();
            int firstHost = hasGateway ? 2 : 1;
            if (offset >= firstHost && offset < subnet.size() - 1 && used.get(offset)) {
                used.clear(offset);
                inUse--;
            }
        });
    }

    public boolean isAllocated(String address) {
        return Subnet.parseAddress(address)
                .map(a -> a - subnet.base())
                .filter(o -> o > 0 && o < subnet.size() - 1)
                .map(used::get)
                .orElse(false);
    }

    /** Addresses handed out (the gateway not counted). */
    public int inUse() {
        return inUse;
    }

    /** Addresses that can be handed out in all (the gateway, network and broadcast addresses not counted). */
    public int capacity() {
        return subnet.size() - 2 - (hasGateway ? 1 : 0);
    }
}
