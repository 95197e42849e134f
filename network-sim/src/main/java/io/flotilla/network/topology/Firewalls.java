package io.flotilla.network.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The firewall in front of each host: the inbound packets it drops, by {@link FirewallRule}. It
 * stands off the host, stateless, as a cloud network ACL: it drops every matching packet, the
 * host's published ports included, answers to the host's own connections too. Traffic between two
 * containers of one host never crosses it. A dropped packet gets no answer: the sender waits for
 * its timeout.
 */
public final class Firewalls {

    private final List<Set<FirewallRule>> dropped = new ArrayList<>();
    private int rules;
    private long version;

    /** Whether any host drops anything: the per-request checks are skipped while none does. */
    public boolean any() {
        return rules > 0;
    }

    /** Changes with every rule dropped or accepted: a key for what is derived from the rules. */
    public long version() {
        return version;
    }

    /** Whether host {@code host} drops inbound packets that {@code rule} matches. */
    public boolean drops(int host, FirewallRule rule) {
        return rules > 0 && host >= 0 && host < dropped.size() && dropped.get(host) != null && dropped.get(host).contains(rule);
    }

    /** Whether packets between two hosts, either way, are dropped by either host's firewall. */
    public boolean dropsBetween(int a, int b, FirewallRule rule) {
        return a != b && (drops(a, rule) || drops(b, rule));
    }

    /** Starts dropping {@code rule} at {@code host}; false when it already did. */
    public boolean drop(int host, FirewallRule rule) {
        while (dropped.size() <= host) {
            dropped.add(null);
        }
        if (dropped.get(host) == null) {
            dropped.set(host, new TreeSet<>());
        }
        boolean added = dropped.get(host).add(rule);
        rules += added ? 1 : 0;
        version += added ? 1 : 0;
        return added;
    }

    /** Stops dropping {@code rule} at {@code host}; false when it did not. */
    public boolean accept(int host, FirewallRule rule) {
        boolean removed = host < dropped.size() && dropped.get(host) != null && dropped.get(host).remove(rule);
        rules -= removed ? 1 : 0;
        version += removed ? 1 : 0;
        return removed;
    }
}
