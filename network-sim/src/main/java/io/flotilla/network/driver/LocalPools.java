package io.flotilla.network.driver;

import io.flotilla.network.overlay.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Docker's default local address pools ({@code ipamutils}): 172.17.0.0/16 to 172.19.0.0/16, then
 * 172.20.0.0/14, 172.24.0.0/14 and 172.28.0.0/14 split into /16s, then 192.168.0.0/16 split into
 * /20s. On a swarm node {@code docker0} holds 172.17.0.0/16 and {@code docker_gwbridge} 172.18.0.0/16,
 * so the first network a scenario declares on a local driver gets 172.19.0.0/16.
 */
final class LocalPools {

    private static final List<Subnet> ORDER = order();
    /** docker0 and docker_gwbridge. */
    private static final int TAKEN_BY_DOCKER = 2;

    private LocalPools() {}

    /** The first pool after Docker's own two that overlaps none of {@code taken}. */
    static Optional<Subnet> next(List<Subnet> taken) {
        for (int i = TAKEN_BY_DOCKER; i < ORDER.size(); i++) {
            Subnet candidate = ORDER.get(i);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Subnet> order() {
        List<Subnet> out = new ArrayList<>();
        int b172 = (172 << 24);
        for (int second = 17; second <= 31; second++) {
            out.add(new Subnet(b172 | (second << 16), 16));
        }
        int b192 = (192 << 24) | (168 << 16);
        for (int i = 0; i < 16; i++) {
            out.add(new Subnet(b192 | (i << 12), 20));
        }
        return out;
    }
}
