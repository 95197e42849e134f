/**
 * The simulated cluster's actors: a {@link io.flotilla.sim.cluster.NodeAgent} per node (Swarm's
 * agent or a kubelet, as its {@link io.flotilla.sim.cluster.AgentKind} says), the
 * {@link io.flotilla.sim.cluster.Fabric} that owns the network and the raft leader and keeps the
 * {@link io.flotilla.sim.cluster.Wire} that carries every message between nodes and the manager
 * (and drops what the network would drop), and the {@link io.flotilla.sim.cluster.Manager}, one
 * actor shell around either strategy's control plane ({@code io.flotilla.sim.swarm},
 * {@code io.flotilla.sim.kubernetes}), which it drives through {@code io.flotilla.sim.control}.
 * {@link io.flotilla.sim.cluster.Cluster} builds them all and takes the scenario's timeline, an
 * operator's {@code docker VERB} on a container ({@link io.flotilla.sim.cluster.ContainerVerb}) among
 * it; the agent holds each of its containers ({@code NodeContainer}) to its cgroup's limits. Each
 * agent keeps its node's disk ({@link io.flotilla.sim.cluster.NodeImages}: the layers and images
 * it has, and its pulls), pulls as {@code io.flotilla.scheduler.image} plans, and hears from the
 * cluster when a registry goes down or comes back.
 */
package io.flotilla.sim.cluster;
