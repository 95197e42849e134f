package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * One request, followed: the client on {@code node} asked for {@code name} and got {@code resolved}
 * (empty: NXDOMAIN); the balancer chose {@code backend} (a task, or empty); the request was
 * {@code outcome} ({@code served} or a failure reason) because of {@code why}.
 */
public record RequestExplained(
        String client,
        String node,
        String network,
        String name,
        List<String> resolved,
        String backend,
        String outcome,
        String why) implements Event {

    public RequestExplained {
        resolved = List.copyOf(resolved);
    }

    @Override
    public String type() {
        return "request.explain";
    }
}
