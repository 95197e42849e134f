package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.SortedMap;

/**
 * The requests one client sent in one window of virtual time [{@code from}, {@code to}), whole
 * seconds, and what became of them: each request counts in the window it was sent in, even if it
 * fails later by timing out. {@code failed} is by reason ({@code nxdomain}, {@code no_route},
 * {@code refused}, {@code timeout}, {@code reset}), {@code servedBy} by task. Logged only for
 * windows in which the client sent something.
 */
public record TrafficCounted(
        String client,
        long from,
        long to,
        long sent,
        long served,
        SortedMap<String, Long> failed,
        SortedMap<String, Long> servedBy) implements Event {
    @Override
    public String type() {
        return "traffic.window";
    }
}
