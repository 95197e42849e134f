package io.flotilla.network.overlay;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swarm's overlay networks. The ingress network is created first and takes VNI 4096 and the
 * pool's first subnet (10.0.0.0/24); user networks get VNIs from 4097 and, unless they name a
 * subnet, the next /24 of 10.0.0.0/8 that no other network overlaps.
 *
 * <p>VNIs are serial like the overlay manager's bitmap ({@code ovmanager.go}: {@code vxlanIDStart =
 * 4096}, below which Windows' 802.1Q VLAN ids lie, up to {@code (1 << 24) - 1}): the scan starts after
 * the VNI handed out last, so a removed network's VNI is not reused until the range wraps. Subnets,
 * by contrast, come back at once: the lowest free /24 is taken ("reused as they are deallocated").
 */
public final class OverlayNetworks {

    public static final String INGRESS = "ingress";
    static final int FIRST_VNI = 4096;
    static final int LAST_VNI = (1 << 24) - 1;
    private static final Subnet DEFAULT_POOL = new Subnet(10 << 24, 8);
    private static final int POOL_MASK = 24;

    private final Map<String, OverlayNetwork> networks = new LinkedHashMap<>();
    private final BitSet vnis = new BitSet();
    private int lastVni = FIRST_VNI - 1;

    public OverlayNetworks() {
        create(INGRESS, Optional.empty());
    }

    /** Creates a network with the given subnet, or the next free one from the default pool. */
    public OverlayNetwork create(String name, Optional<Subnet> subnet) {
        return create(name, subnet, false, Mtu.UNDERLAY_DEFAULT);
    }

    /**
     * Creates a network; {@code underlayMtu} is the {@code com.docker.network.driver.mtu} option, or
     * {@link Mtu#UNDERLAY_DEFAULT}. A name already taken is replaced by the new network.
     */
    public OverlayNetwork create(String name, Optional<Subnet> subnet, boolean encrypted, int underlayMtu) {
        Subnet chosen = subnet.orElseGet(this::nextFreeSubnet);
        OverlayNetwork network = new OverlayNetwork(name, nextVni(), chosen, encrypted, underlayMtu);
        networks.put(name, network);
        return network;
    }

    /** Removes a network: its subnet is free at once, its VNI only once the range wraps. */
    public void remove(String name) {
        OverlayNetwork gone = networks.remove(name);
        if (gone != null) {
            vnis.clear(gone.vni());
        }
    }

    public Optional<OverlayNetwork> get(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    public List<OverlayNetwork> all() {
        return new ArrayList<>(networks.values());
    }

    private int nextVni() {
        int candidate = vnis.nextClearBit(lastVni + 1);
        if (candidate > LAST_VNI) {
            candidate = vnis.nextClearBit(FIRST_VNI);
        }
        if (candidate > LAST_VNI) {
            throw new IllegalStateException("no VXLAN id left in " + FIRST_VNI + ".." + LAST_VNI);
        }
        vnis.set(candidate);
        lastVni = candidate;
        return candidate;
    }

    private Subnet nextFreeSubnet() {
        int count = 1 << (POOL_MASK - DEFAULT_POOL.prefix());
        for (int i = 0; i < count; i++) {
            Subnet candidate = new Subnet(DEFAULT_POOL.base() + (i << (32 - POOL_MASK)), POOL_MASK);
            if (networks.values().stream().noneMatch(n -> n.subnet().overlaps(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the default address pool 10.0.0.0/8 is exhausted");
    }
}
