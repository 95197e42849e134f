package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * Truth: the firewall in front of {@code node} starts dropping ({@code drop}) or lets in again
 * ({@code accept}) inbound packets matching {@code rules} ({@code 4789/udp}, {@code 8080/tcp},
 * {@code esp}): only the rules that changed.
 */
public record FirewallChanged(String node, String action, List<String> rules) implements Event {

    public FirewallChanged {
        rules = List.copyOf(rules);
    }

    @Override
    public String type() {
        return "firewall." + action;
    }
}
