package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * One request a container answered: client {@code client} sent it at {@code sent} and had the answer
 * of {@code backend} (a Swarm task's id, a pod) at {@code answered} (virtual nanoseconds). Logged only
 * when a run is asked for its containers' access logs (see {@code DataPlaneSettings#accessLog}), one
 * per served request, which is what a web server writes a line of its access log for; a request the
 * container never answered (reset, timed out, black-holed) has none.
 */
public record RequestServed(String client, String backend, long sent, long answered) implements Event {
    @Override
    public String type() {
        return "request.served";
    }
}
