package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * Belief of one node: from now on, a container on {@code node} asking for {@code name} on
 * {@code network} gets {@code addresses} (sorted in numeric address order; empty is NXDOMAIN).
 * {@code tasks} names the task (its id: {@code web.2#1}, or the pod's name) behind each address, in
 * the same order, or is empty for a virtual IP. A node of {@code "*"} is the cluster DNS that answers
 * every node alike (the kubernetes strategy). Logged only where the node takes part in the network
 * (a task or a traffic client of it is there); see docs/network.md, "In the simulation".
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
