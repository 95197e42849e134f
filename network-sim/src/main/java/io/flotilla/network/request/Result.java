package io.flotilla.network.request;

import java.util.Locale;

/**
 * How one request ends: served by a task, or failed for exactly one reason. The reasons are the
 * scenario format's words ({@link #key}).
 */
public enum Result {

    /** A task answered. */
    SERVED,
    /**
     * The name did not resolve: it is on the client's network but the client's node has no record for
     * it now (no backend in that node's view, so no VIP record either), or no such name exists at all.
     */
    NXDOMAIN,
    /**
     * Nothing can carry the request: the target is only on networks the client is not on, a bridge
     * network's task on another host, a macvlan task of the client's own host reached from the host
     * itself, or a node the client's host cannot reach (partition, link down).
     */
    NO_ROUTE,
    /**
     * Nothing listens: a host-mode port on a node without a local task, a port nobody publishes, a
     * published port whose service has no backend in the receiving node's view, a Kubernetes Service
     * without endpoints (kube-proxy's REJECT).
     */
    REFUSED,
    /**
     * Sent into a void: the backend the load balancer (or the DNS answer) picked is still listed but its
     * node is down or cut off, or the task is no longer serving (stopped, unhealthy); or the Swarm
     * virtual IP has only de-weighted backends, so IPVS drops the connection. The client gives up after
     * its timeout.
     */
    TIMEOUT,
    /** The task stopped while serving the request (decided when it stops, not when the request is sent). */
    RESET;

    /** The scenario format's word: {@code nxdomain}, {@code no_route}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean failed() {
        return this != SERVED;
    }
}
