package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * One request, followed: the client on {@code node} asked for {@code name} and got {@code resolved}
 * (empty: NXDOMAIN); the balancer chose {@code backend} (a task, or empty); the request was
 * {@code outcome} ({@code served} or a failure reason) because of {@code why}. It is logged when its
 * fate is known, which is not always when the client sees it: the client sent it at {@code sent}
 * and saw its end at {@code ended} (virtual nanoseconds): the answer, the reset, its own timeout
 * ({@code sent} plus the client's timeout, however early the model knew it would come to that), or
 * at once for a failure the client's node decides when sending ({@code nxdomain}, {@code no_route},
 * {@code refused}).
 */
public record RequestExplained(
        String client,
        String node,
        String network,
        String name,
        List<String> resolved,
        String backend,
        String outcome,
        String why,
        long sent,
        long ended) implements Event {

    public RequestExplained {
        resolved = List.copyOf(resolved);
    }

    @Override
    public String type() {
        return "request.explain";
    }
}
