/**
 * The simulated cluster's actors: a {@link NodeAgent} per node, the {@link Fabric} that carries
 * every message between nodes and the manager (and drops what the network would drop), and the
 * {@link Manager}, a thin shell around the Swarm control plane in {@code io.flotilla.sim.swarm}.
 */
package io.flotilla.sim.cluster;
