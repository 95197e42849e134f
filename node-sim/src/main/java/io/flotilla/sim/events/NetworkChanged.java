package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/** Truth: the network was partitioned into groups, healed, or a link went down or up. */
public record NetworkChanged(String change, List<List<String>> groups) implements Event {
    @Override
    public String type() {
        return "network." + change;
    }
}
