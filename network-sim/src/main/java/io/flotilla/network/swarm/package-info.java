/**
 * Swarm's data plane on every node: the embedded DNS records and IPVS load balancers each node
 * derives from its own gossip view, the ingress routing mesh and host-mode ports, and the router
 * that decides a request's fate from the client node's point of view.
 */
package io.flotilla.network.swarm;
