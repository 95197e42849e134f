package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Belief of one node: its load balancer for {@code service} on {@code network} (IPVS behind a Swarm
 * VIP or the routing mesh; kube-proxy's rules behind a ClusterIP) now has {@code task} as a backend
 * with {@code weight} (0: de-weighted, kept for its open connections), or no longer has it ({@code
 * weight} -1). {@code task} is the task's id (the pod's name). Logged only for the load balancers that
 * carry a traffic client's requests.
 */
public record LbBackendChanged(String node, String network, String service, String task, int weight)
        implements Event {
    @Override
    public String type() {
        return "lb.backend";
    }
}
