/**
 * The simulated cluster's data plane: the {@link io.flotilla.sim.dataplane.DataPlane} actor owns the
 * network model of {@code network-sim} for the run, Swarm's (gossip-fed DNS and IPVS on every node,
 * the routing mesh, host-mode ports) or Kubernetes' (pod IPs, Services, EndpointSlices, kube-proxy
 * with its sync lag, NodePorts), fed in virtual time by the node agents, the fabric and the control
 * plane. It runs the traffic clients through the model and logs what it decides: addresses, DNS
 * answers, load-balancer backends, traffic per second and explained requests. The pure decisions
 * stay in {@code network-sim}; this package carries time, inputs and the log.
 */
package io.flotilla.sim.dataplane;
