package io.flotilla.network.kubernetes;

import io.flotilla.network.ipam.AddressPool;
import io.flotilla.network.overlay.Allocation;
import io.flotilla.network.overlay.Subnet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pod addresses: one flat network where every pod reaches every pod. Each node gets a /24 of the
 * cluster's pod CIDR in the order nodes register (the node IPAM controller's {@code podCIDR}; kubeadm
 * with flannel uses 10.244.0.0/16), and hands its pods addresses from it serially after the {@code
 * .1} of its bridge. Upstream's CIDR is an installer choice and its per-node order is the controller's;
 * this is the model's fixed, documented choice.
 */
public final class PodNetwork {

    public static final Subnet DEFAULT_CIDR = Subnet.parse("10.244.0.0/16").orElseThrow();
    private static final int NODE_MASK = 24;

    private final Subnet cidr;
    private final Map<String, AddressPool> nodes = new LinkedHashMap<>();

    public PodNetwork() {
        this(DEFAULT_CIDR);
    }

    public PodNetwork(Subnet cidr) {
        this.cidr = cidr;
    }

    /** The node's pod CIDR, handed out when the node first registers. */
    public Optional<Subnet> registerNode(String node) {
        AddressPool pool = nodes.get(node);
        if (pool == null) {
            int index = nodes.size();
            if (index >= 1 << (NODE_MASK - cidr.prefix())) {
                return Optional.empty();
            }
            pool = new AddressPool(new Subnet(cidr.base() + (index << (32 - NODE_MASK)), NODE_MASK));
            nodes.put(node, pool);
        }
        return Optional.of(pool.subnet());
    }

    /** An address for a pod on the node (the node registers on its first pod). */
    public Allocation allocate(String node, String pod) {
        if (registerNode(node).isEmpty()) {
            return new Allocation.Failed("no remaining CIDRs left to allocate in the cluster's pod range " + cidr);
        }
        return nodes.get(node).allocate()
                .<Allocation>map(Allocation.Address::new)
                .orElseGet(() -> new Allocation.Failed("failed to allocate for range 0: no IP addresses available in range set: "
                        + nodes.get(node).subnet()));
    }

    public void release(String node, String address) {
        AddressPool pool = nodes.get(node);
        if (pool != null) {
            pool.release(address);
        }
    }
}
