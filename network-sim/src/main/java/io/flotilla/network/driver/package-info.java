/**
 * The network drivers (overlay, bridge, macvlan, ipvlan in L2 or L3 mode): which pairs of endpoints each can carry traffic
 * between, where each takes its subnet from (the 10.0.0.0/8 pool for overlays, Docker's local pools
 * for the others), and the cluster's catalogue of declared networks with their addresses.
 */
package io.flotilla.network.driver;
