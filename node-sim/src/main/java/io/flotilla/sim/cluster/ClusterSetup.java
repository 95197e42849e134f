package io.flotilla.sim.cluster;

import io.flotilla.sim.swarm.SwarmSettings;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything needed to build a simulated cluster: its nodes in scenario order, its overlay
 * networks, the images it knows, the Swarm timings, and the task names whose scheduling decisions
 * should be explained.
 */
public record ClusterSetup(
        List<NodeSetup> nodes,
        List<NetworkSetup> networks,
        Function<String, Image> images,
        SwarmSettings swarm,
        Set<String> explainTasks) {}
