package io.flotilla.network.dns;

import java.util.List;

/**
 * The records behind a DNS answer before the server orders them: the addresses, and for each the
 * key of the endpoint it belongs to (a task or pod id), in the same order; {@code keys} is empty
 * for a virtual IP, which belongs to no endpoint. Reading records draws nothing from the answer
 * shuffle's random stream, so watching what a node would answer never changes what it answers.
 */
public record DnsRecords(List<String> addresses, List<String> keys) {

    public static final DnsRecords NONE = new DnsRecords(List.of(), List.of());

    public DnsRecords {
        addresses = List.copyOf(addresses);
        keys = List.copyOf(keys);
    }

    public static DnsRecords virtualIp(String vip) {
        return new DnsRecords(List.of(vip), List.of());
    }

    public boolean isNxdomain() {
        return addresses.isEmpty();
    }
}
