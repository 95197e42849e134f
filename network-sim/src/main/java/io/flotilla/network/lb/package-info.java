/**
 * Load balancers as the kernel runs them for Swarm: an IPVS virtual service with the round-robin
 * scheduler per service, per network, per node, its ring order, its pointer and what weight 0 means.
 * Kubernetes' kube-proxy choice (uniform random over ready endpoints) lives with the Kubernetes model.
 */
package io.flotilla.network.lb;
