package io.flotilla.network.ipam;

/**
 * Why an address could not be had, in the words Docker uses. The swarm allocator and the local
 * (per-host) endpoint code word an exhausted network differently, so each driver picks its own.
 */
public enum IpamError {

    /** libnetwork {@code ipamapi.ErrIPAlreadyAllocated}. */
    ALREADY_IN_USE("Address already in use"),
    /** libnetwork {@code ipamapi.ErrIPOutOfRange}. */
    OUT_OF_RANGE("requested address is out of range"),
    /**
     * An overlay network without a free address, as the swarm allocator says it
     * ({@code cnmallocator} {@code allocateNetworkIPs}); {@link #forTask} prefixes the task's words.
     */
    NO_SWARM_ADDRESS("could not find an available IP"),
    /**
     * A local network (bridge, macvlan) without a free address: libnetwork {@code endpoint.go}
     * {@code "no available IPv%d addresses on this network's address pools: %s (%s)"}, with the
     * network's name and id; {@link #forNetwork} fills them in.
     */
    NO_LOCAL_ADDRESS("no available IPv4 addresses on this network's address pools");

    private final String words;

    IpamError(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The local endpoint's full message: {@code ...: NAME (ID)}. */
    public String forNetwork(String network, String networkId) {
        return words + ": " + network + " (" + networkId + ")";
    }

    /** The swarm allocator's full message for a task's attachment. */
    public String forTask(String taskId, String networkId) {
        return "failed to allocate network IP for task " + taskId + " network " + networkId + ": " + words;
    }
}
