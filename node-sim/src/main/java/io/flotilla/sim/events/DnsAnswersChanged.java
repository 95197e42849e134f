package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * Belief of one node: from now on, a container on {@code node} asking for {@code name} on
 * {@code network} gets {@code addresses} (sorted; empty is NXDOMAIN). {@code tasks} names the task
 * behind each address, in the same order, or is empty for a virtual IP. A node of {@code "*"} is
 * the cluster DNS that answers every node alike (the kubernetes strategy).
 */
public record DnsAnswersChanged(String node, String network, String name, List<String> addresses, List<String> tasks)
        implements Event {

    public DnsAnswersChanged {
        addresses = List.copyOf(addresses);
        tasks = List.copyOf(tasks);
    }

    @Override
    public String type() {
        return "dns.answers";
    }
}
