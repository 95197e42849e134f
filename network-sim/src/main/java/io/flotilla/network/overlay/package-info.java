/**
 * Overlay networks as Docker Swarm allocates them: subnets taken in order from the default
 * address pool (10.0.0.0/8 in /24s, the first going to the ingress network), VXLAN network ids
 * serial from 4096, the MTU the VXLAN (and IPsec) overhead leaves, and addresses handed out serially
 * within each subnet (gateway first, then service VIPs and task addresses in the order they are asked
 * for).
 */
package io.flotilla.network.overlay;
