/**
 * Who can reach whom. Hosts hang off network segments in a jgrapht graph; a partition splits the
 * segment, a link fault blocks one pair of hosts. Reachability is a pure question of the graph,
 * answered in constant time from cached connected components.
 */
package io.flotilla.network.topology;
