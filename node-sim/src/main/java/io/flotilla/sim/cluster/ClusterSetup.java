package io.flotilla.sim.cluster;

import io.flotilla.sim.control.NetworkSetup;
import io.flotilla.sim.dataplane.DataPlaneSettings;
import io.flotilla.sim.dataplane.TrafficClient;
import io.flotilla.sim.kubernetes.KubernetesSettings;
import io.flotilla.sim.storage.StorageSetup;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything needed to build a simulated cluster: its nodes in scenario order, its overlay
 * networks, the images it knows, which orchestrator manages it with that orchestrator's timings,
 * the task names whose scheduling decisions should be explained, the clients that send it
 * requests, how its data plane is simulated, and its volumes.
 */
public record ClusterSetup(
        List<NodeSetup> nodes,
        List<NetworkSetup> networks,
        Function<String, Image> images,
        Orchestrator orchestrator,
        SwarmSettings swarm,
        KubernetesSettings kubernetes,
        Set<String> explainTasks,
        List<TrafficClient> traffic,
        DataPlaneSettings dataPlane,
        StorageSetup storage) {

    public ClusterSetup {
        nodes = List.copyOf(nodes);
        networks = List.copyOf(networks);
        traffic = List.copyOf(traffic);
    }

    /** A cluster without declared volumes. */
    public ClusterSetup(List<NodeSetup> nodes, List<NetworkSetup> networks, Function<String, Image> images,
            Orchestrator orchestrator, SwarmSettings swarm, KubernetesSettings kubernetes, Set<String> explainTasks,
            List<TrafficClient> traffic, DataPlaneSettings dataPlane) {
        this(nodes, networks, images, orchestrator, swarm, kubernetes, explainTasks, traffic, dataPlane, StorageSetup.NONE);
    }

    /** The control plane the {@link Manager} runs: Swarm's or Kubernetes'. */
    public enum Orchestrator {
        SWARM,
        KUBERNETES
    }

    /** A Swarm cluster. */
    public ClusterSetup(List<NodeSetup> nodes, List<NetworkSetup> networks, Function<String, Image> images,
            SwarmSettings swarm, Set<String> explainTasks) {
        this(nodes, networks, images, Orchestrator.SWARM, swarm, KubernetesSettings.DEFAULT, explainTasks, List.of(),
                DataPlaneSettings.DEFAULT, StorageSetup.NONE);
    }
}
