/**
 * DNS answers as clients see them: the addresses, their TTL, NXDOMAIN, and the random order of a
 * multi-address answer. Which names exist where is the business of each data plane (the Swarm
 * embedded DNS per node view, cluster DNS for Kubernetes).
 */
package io.flotilla.network.dns;
