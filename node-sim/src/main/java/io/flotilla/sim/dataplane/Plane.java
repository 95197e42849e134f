package io.flotilla.sim.dataplane;

import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.lb.Destination;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.swarm.SwarmDataPlane.ViewRecords;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * One strategy's data plane as the {@link DataPlane} actor drives it: Swarm's ({@link SwarmPlane},
 * gossip-fed per-node DNS and IPVS) or Kubernetes' ({@link KubernetesPlane}, Services,
 * EndpointSlices and kube-proxy). Inputs come stamped with virtual now, never earlier than the last;
 * the actor runs the model's own actions ({@link #advanceTo}) before each input and asks when the next
 * one is due.
 */
interface Plane {

    // ---- what the control plane decides ---------------------------------------------------

    /** A service was created, with the virtual IP the allocator gave it on each network (Swarm). */
    void serviceDeclared(ServiceSpec spec, SortedMap<String, String> vips, long now);

    /** The Swarm allocator's addresses for a new task. */
    void taskAddressed(String taskId, SortedMap<String, String> addresses);

    /** Kubernetes: a Service's endpoints as the EndpointSlice controller wrote them. */
    void endpointsChanged(String service, List<ServiceEndpoint> endpoints, long now);

    // ---- what a node's daemon does ---------------------------------------------------------

    /** The task's container started on the node: its sandbox is on the task's networks. */
    void containerStarted(String node, Task task, long now);

    /** Swarm: the task's service binding is activated ({@code enabled}) or deactivated (de-weighted). */
    void bindingChanged(String node, String taskId, boolean enabled, long now);

    /**
     * The container is gone; {@code removed}: its sandbox too (always for Swarm; for a pod, when the pod
     * is deleted rather than waiting to restart in place).
     */
    void containerStopped(String node, String taskId, boolean removed, long now);

    // ---- the underlay ------------------------------------------------------------------------

    void hostDown(String node, long now);

    void hostUp(String node, long now);

    /**
     * Why nothing this strategy sends ever matches {@code rule} (the other strategy's VXLAN or
     * control-plane port, or ESP where nothing is encrypted); empty when something may.
     */
    Optional<String> neverCarries(FirewallRule rule);

    /** A firewall changed these rules: what depends on what they drop follows. */
    void firewallChanged(List<FirewallRule> rules, long now);

    /** The topology changed (partition, heal, link down or up). */
    void underlayChanged(long now);

    boolean isUp(String node);

    // ---- clock -------------------------------------------------------------------------------

    OptionalLong nextEventTime();

    void advanceTo(long now);

    // ---- requests ----------------------------------------------------------------------------

    Backends backends();

    /** The client's network as the logs name it. */
    String networkOf(TrafficClient client);

    /** The client's request path; unknown nodes and networks make requests that go nowhere. */
    Route route(TrafficClient client);

    /** The client's container runs (it started, or its node is up again): its node is on the client's network. */
    void clientAttached(TrafficClient client, long now);

    Result send(Route route, long now, long timeoutNanos, Outcome out);

    // ---- what logs and explanations read ------------------------------------------------------

    /** The names logged per network: each service's name and its other names. */
    List<String> dnsNames(String network);

    /**
     * The logs have read every view that changed since the last time: the plane may tell each view's
     * next change again ({@link Changes#viewChanged} once per view between two reads is enough).
     */
    default void viewsLogged() {}

    /** What {@code node} (the cluster DNS: {@code *}) holds for {@code name} on {@code network}. */
    DnsRecords records(String node, String network, String name);

    /**
     * What {@code node} holds for each of the network's logged names ({@link #dnsNames} order), read at
     * once. {@code orderFree}: the same entries in another order would give the same records.
     */
    default ViewRecords records(String node, String network) {
        List<DnsRecords> out = new ArrayList<>();
        for (String name : dnsNames(network)) {
            out.add(records(node, network, name));
        }
        return new ViewRecords(out, false);
    }

    /**
     * A value equal for two (node, network) views that hold the same entries, perhaps in another order,
     * so that what is worked out of one view serves every view equal to it; empty when the plane cannot
     * tell. It holds until the services change ({@link Changes#everythingChanged}).
     */
    default Optional<Object> viewContent(String node, String network) {
        return Optional.empty();
    }

    /** The load balancer that carries the client's requests: its node, network and service; empty if none. */
    Optional<Balancer> balancerOf(TrafficClient client);

    List<Destination> destinations(Balancer balancer);

    /** Why a request ended as it did, in a sentence (see {@link Explainer}). */
    String why(Route route, Result result, int backend);

    /** A client's request path, built once; the plane's own router route inside. */
    interface Route {}

    /** A node's load balancer for a service on a network. */
    record Balancer(String node, String network, String service) {}
}
