package io.flotilla.sim.dataplane;

import io.flotilla.sim.control.NetworkSetup;
import java.util.List;
import java.util.Optional;

/**
 * What the data plane of a run is built from: the hosts in scenario order, the node whose API
 * server the kube-proxies watch when the run is Kubernetes' (empty: Swarm's, with the declared
 * networks and gossip), the clients that send requests, and how it is simulated.
 */
public record DataPlaneSetup(
        List<String> hosts,
        Optional<String> kubernetesApiServer,
        List<NetworkSetup> networks,
        List<TrafficClient> traffic,
        DataPlaneSettings settings) {

    public DataPlaneSetup {
        hosts = List.copyOf(hosts);
        networks = List.copyOf(networks);
        traffic = List.copyOf(traffic);
    }
}
