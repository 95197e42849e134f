package io.flotilla.network.dns;

import java.util.List;

/**
 * A DNS answer: the addresses (A records) in the order the server put them, and their TTL; no
 * addresses means NXDOMAIN.
 */
public record DnsAnswer(List<String> addresses, int ttlSeconds) {

    /** The embedded DNS's {@code respTTL}. */
    public static final int SWARM_TTL = 600;
    /** kubeadm's Corefile {@code ttl 30}. */
    public static final int KUBEADM_TTL = 30;

    public static DnsAnswer nxdomain() {
        return new DnsAnswer(List.of(), 0);
    }

    public DnsAnswer {
        addresses = List.copyOf(addresses);
    }

    public boolean isNxdomain() {
        return addresses.isEmpty();
    }
}
