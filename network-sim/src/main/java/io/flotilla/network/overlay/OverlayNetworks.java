package io.flotilla.network.overlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swarm's overlay networks. The ingress network is created first and takes VNI 4096 and the
 * pool's first subnet (10.0.0.0/24); user networks get VNIs from 4097 and, unless they name a
 * subnet, the next /24 of 10.0.0.0/8 that no other network overlaps.
 */
public final class OverlayNetworks {

    public static final String INGRESS = "ingress";
    static final int FIRST_VNI = 4096;
    private static final Subnet DEFAULT_POOL = new Subnet(10 << 24, 8);
    private static final int POOL_MASK = 24;

    private final Map<String, OverlayNetwork> networks = new LinkedHashMap<>();
    private int nextVni = FIRST_VNI;

    public OverlayNetworks() {
        create(INGRESS, Optional.empty());
    }

    /** Creates a network with the given subnet, or the next free one from the default pool. */
    public OverlayNetwork create(String name, Optional<Subnet> subnet) {
        Subnet chosen = subnet.orElseGet(this::nextFreeSubnet);
        OverlayNetwork network = new OverlayNetwork(name, nextVni++, chosen);
        networks.put(name, network);
        return network;
    }

    public Optional<OverlayNetwork> get(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    public List<OverlayNetwork> all() {
        return new ArrayList<>(networks.values());
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
