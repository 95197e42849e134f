package io.flotilla.network.driver;

import io.flotilla.network.ipam.AddressPool;
import io.flotilla.network.ipam.IpamError;
import io.flotilla.network.overlay.Allocation;
import io.flotilla.network.overlay.Mtu;
import io.flotilla.network.overlay.OverlayNetwork;
import io.flotilla.network.overlay.OverlayNetworks;
import io.flotilla.network.overlay.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every network of a cluster, whatever its driver, in the order they were declared after
 * {@code ingress}, and the addresses handed out on them.
 *
 * <ul>
 *   <li>overlay: one cluster-wide {@link OverlayNetwork} (VNI from 4096, a /24 of 10.0.0.0/8 unless
 *       a subnet is given, serial IPAM);
 *   <li>bridge: the subnet is the same on every host (each host's daemon picks the first free local
 *       pool, and they all see the same pools), but every host keeps its own addresses, so two hosts
 *       hand out the same address to two different tasks, which can never meet;
 *   <li>macvlan and ipvlan: the given subnet is the hosts' physical segment (ipvlan L3: the subnet the
 *       hosts route for), one pool for the whole cluster so that no two tasks on it share an address.
 * </ul>
 * A network that runs out of addresses answers with Docker's words: the swarm allocator's for an
 * overlay, the local endpoint code's ({@code no available IPv4 addresses on this network's address
 * pools: NAME (ID)}) for bridge, macvlan and ipvlan.
 */
public final class Networks {

    private final OverlayNetworks overlays = new OverlayNetworks();
    private final Map<String, NetworkSpec> specs = new LinkedHashMap<>();
    private final Map<String, Subnet> localSubnets = new HashMap<>();
    private final Map<String, Map<String, AddressPool>> bridgePools = new HashMap<>();
    private final Map<String, AddressPool> macvlanPools = new HashMap<>();

    public Networks(List<NetworkSpec> declared) {
        specs.put(OverlayNetworks.INGRESS, NetworkSpec.overlay(OverlayNetworks.INGRESS));
        declared.forEach(this::create);
    }

    /** Creates a network; empty when its driver needed a local pool and none was left. */
    public Optional<String> create(NetworkSpec spec) {
        if (spec.driver() == Driver.OVERLAY) {
            overlays.create(spec.name(), spec.subnet(), spec.encrypted(), spec.underlayMtu());
        } else {
            List<Subnet> taken = new ArrayList<>(localSubnets.values());
            Optional<Subnet> subnet = spec.subnet().or(() -> LocalPools.next(taken));
            if (subnet.isEmpty()) {
                return Optional.of("could not find an available, non-overlapping IPv4 address pool among the defaults"
                        + " to assign to the network");
            }
            localSubnets.put(spec.name(), subnet.get());
            if (spec.driver().onParentInterface()) {
                macvlanPools.put(spec.name(), new AddressPool(subnet.get()));
            } else {
                bridgePools.put(spec.name(), new LinkedHashMap<>());
            }
        }
        specs.put(spec.name(), spec);
        return Optional.empty();
    }

    public List<String> names() {
        return new ArrayList<>(specs.keySet());
    }

    public Optional<NetworkSpec> spec(String network) {
        return Optional.ofNullable(specs.get(network));
    }

    public Optional<Driver> driver(String network) {
        return spec(network).map(NetworkSpec::driver);
    }

    public OverlayNetworks overlays() {
        return overlays;
    }

    public Optional<Subnet> subnet(String network) {
        return overlays.get(network).map(OverlayNetwork::subnet).or(() -> Optional.ofNullable(localSubnets.get(network)));
    }

    /** The MTU a container sees on the network: the overlay's, or the underlay's for local drivers. */
    public int mtu(String network) {
        return overlays.get(network).map(OverlayNetwork::mtu)
                .orElseGet(() -> spec(network).map(NetworkSpec::underlayMtu).orElse(Mtu.UNDERLAY_DEFAULT));
    }

    /** An address for a task running (or about to run) on {@code host}. */
    public Allocation allocate(String network, String taskId, String host) {
        NetworkSpec spec = specs.get(network);
        if (spec == null) {
            return new Allocation.Failed("network " + network + " not found");
        }
        if (spec.driver() == Driver.OVERLAY) {
            return overlays.get(network).orElseThrow().allocateFor(taskId);
        }
        AddressPool pool = pool(spec, host);
        return pool.allocate()
                .<Allocation>map(Allocation.Address::new)
                .orElseGet(() -> new Allocation.Failed(IpamError.NO_LOCAL_ADDRESS.forNetwork(network, network)));
    }

    /** A cluster-wide address that belongs to no host: a service's VIP (overlays only). */
    public Optional<String> allocateVip(String network) {
        return overlays.get(network).flatMap(OverlayNetwork::allocate);
    }

    public void release(String network, String host, String address) {
        NetworkSpec spec = specs.get(network);
        if (spec == null) {
            return;
        }
        if (spec.driver() == Driver.OVERLAY) {
            overlays.get(network).ifPresent(n -> n.release(address));
        } else {
            pool(spec, host).release(address);
        }
    }

    private AddressPool pool(NetworkSpec spec, String host) {
        if (spec.driver().onParentInterface()) {
            return macvlanPools.get(spec.name());
        }
        return bridgePools.get(spec.name()).computeIfAbsent(host, h -> new AddressPool(localSubnets.get(spec.name())));
    }
}
