package io.flotilla.network.topology;

import java.util.Optional;

/**
 * What a firewall rule matches of an inbound packet: a TCP or UDP destination port, or the IPsec
 * ESP protocol (IP protocol 50), which has no port. Written as a scenario writes it: {@code 4789/udp},
 * {@code 8080/tcp} (or {@code 8080}: TCP, as Docker's published ports default to), {@code esp}.
 */
public record FirewallRule(Protocol protocol, int port) implements Comparable<FirewallRule> {

    public enum Protocol { TCP, UDP, ESP }

    /** VXLAN as Docker's overlay networks carry it (IANA's port). */
    public static final FirewallRule SWARM_VXLAN = new FirewallRule(Protocol.UDP, 4789);
    /** VXLAN as flannel's vxlan backend carries the Kubernetes pod network (the Linux kernel's old default port). */
    public static final FirewallRule FLANNEL_VXLAN = new FirewallRule(Protocol.UDP, 8472);
    /** Where Swarm's managers listen: the nodes' sessions with the dispatcher, and raft between managers. */
    public static final FirewallRule SWARM_MANAGER = new FirewallRule(Protocol.TCP, 2377);
    /** Where the Kubernetes API server listens, for the kubelets among others. */
    public static final FirewallRule KUBE_APISERVER = new FirewallRule(Protocol.TCP, 6443);
    /** Gossip: memberlist's probes and NetworkDB's broadcasts (UDP), push/pull and bulk syncs (TCP). */
    public static final FirewallRule GOSSIP_TCP = new FirewallRule(Protocol.TCP, 7946);
    public static final FirewallRule GOSSIP_UDP = new FirewallRule(Protocol.UDP, 7946);
    /** An encrypted overlay's packets: VXLAN inside IPsec ESP, so no UDP port shows. */
    public static final FirewallRule ESP = new FirewallRule(Protocol.ESP, 0);

    public FirewallRule {
        if (protocol == Protocol.ESP ? port != 0 : port < 1 || port > 65535) {
            throw new IllegalArgumentException("no such rule: " + protocol + " " + port);
        }
    }

    public static FirewallRule tcp(int port) {
        return new FirewallRule(Protocol.TCP, port);
    }

    public static FirewallRule udp(int port) {
        return new FirewallRule(Protocol.UDP, port);
    }

    /** Reads {@code PORT/tcp}, {@code PORT/udp}, {@code PORT} (TCP) or {@code esp}; empty when it is none of them. */
    public static Optional<FirewallRule> parse(String text) {
        if (text.equals("esp")) {
            return Optional.of(ESP);
        }
        int slash = text.indexOf('/');
        String number = slash < 0 ? text : text.substring(0, slash);
        String protocol = slash < 0 ? "tcp" : text.substring(slash + 1);
        if (!number.matches("[0-9]{1,5}") || !(protocol.equals("tcp") || protocol.equals("udp"))) {
            return Optional.empty();
        }
        int port = Integer.parseInt(number);
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(protocol.equals("tcp") ? tcp(port) : udp(port));
    }

    @Override
    public int compareTo(FirewallRule o) {
        return protocol != o.protocol ? protocol.compareTo(o.protocol) : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return protocol == Protocol.ESP ? "esp" : port + "/" + protocol.name().toLowerCase(java.util.Locale.ROOT);
    }
}
