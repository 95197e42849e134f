package io.flotilla.network.kubernetes;

import io.flotilla.network.ipam.AddressPool;
import io.flotilla.network.overlay.Subnet;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Service addresses and node ports. The service CIDR is kubeadm's 10.96.0.0/12; the API server's
 * own {@code kubernetes} Service takes the first address (10.96.0.1) and kubeadm gives {@code kube-dns}
 * 10.96.0.10. Upstream allocates other ClusterIPs and node ports at random; the model hands them out
 * serially (ClusterIPs from 10.96.0.2, skipping .10; node ports from 30000 up to 32767) so that runs read
 * alike.
 */
public final class ClusterIps {

    public static final Subnet SERVICE_CIDR = Subnet.parse("10.96.0.0/12").orElseThrow();
    public static final String KUBERNETES = "10.96.0.1";
    public static final String KUBE_DNS = "10.96.0.10";
    public static final int NODE_PORT_FIRST = 30000;
    public static final int NODE_PORT_LAST = 32767;

    private final AddressPool pool = new AddressPool(SERVICE_CIDR, false);
    private final BitSet nodePorts = new BitSet();

    public ClusterIps() {
        pool.reserve(KUBERNETES);
        pool.reserve(KUBE_DNS);
    }

    public Optional<String> allocate() {
        return pool.allocate();
    }

    public void release(String address) {
        pool.release(address);
    }

    /** The lowest free node port; empty when the range is used up. */
    public OptionalInt allocateNodePort() {
        int p = nodePorts.nextClearBit(NODE_PORT_FIRST);
        if (p > NODE_PORT_LAST) {
            return OptionalInt.empty();
        }
        nodePorts.set(p);
        return OptionalInt.of(p);
    }

    /** Takes a node port asked for by value; false when it is outside the range or taken. */
    public boolean reserveNodePort(int port) {
        if (port < NODE_PORT_FIRST || port > NODE_PORT_LAST || nodePorts.get(port)) {
            return false;
        }
        nodePorts.set(port);
        return true;
    }

    public void releaseNodePort(int port) {
        nodePorts.clear(port);
    }
}
