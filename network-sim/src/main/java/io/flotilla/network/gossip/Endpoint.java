package io.flotilla.network.gossip;

import java.util.List;
import java.util.Optional;

/**
 * The value of an {@code endpoint_table} entry: a task's endpoint on one network, as its node
 * publishes it (libnetwork {@code EndpointRecord}).
 *
 * @param network the network the endpoint is on
 * @param task the task's name ({@code web.2}), also its DNS name on the network
 * @param service the service it belongs to
 * @param address the task's address on the network
 * @param vip the service's virtual IP on the network; empty for dnsrr
 * @param ingressPorts ports the service publishes through the routing mesh (only meaningful on ingress)
 * @param disabled {@code ServiceDisabled}: the task is being stopped or is unhealthy; it leaves DNS and
 *     gets weight 0 in IPVS, but still keeps the service's VIP record alive
 */
public record Endpoint(String network, String task, String service, String address, Optional<String> vip,
        List<Integer> ingressPorts, boolean disabled) {

    public Endpoint {
        ingressPorts = List.copyOf(ingressPorts);
    }

    public static Endpoint vip(String network, String task, String service, String address, String vip) {
        return new Endpoint(network, task, service, address, Optional.of(vip), List.of(), false);
    }

    public static Endpoint dnsrr(String network, String task, String service, String address) {
        return new Endpoint(network, task, service, address, Optional.empty(), List.of(), false);
    }

    public Endpoint withIngressPorts(List<Integer> ports) {
        return new Endpoint(network, task, service, address, vip, ports, disabled);
    }

    /** The same endpoint de-weighted: {@code deactivateServiceBinding}. */
    public Endpoint disable() {
        return new Endpoint(network, task, service, address, vip, ingressPorts, true);
    }

    public Endpoint enable() {
        return new Endpoint(network, task, service, address, vip, ingressPorts, false);
    }
}
