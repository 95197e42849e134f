/**
 * The Swarm control plane for service discovery: memberlist's failure detector and NetworkDB's
 * per-network endpoint tables, each node with its own copy that converges by gossip. A pure state
 * machine in virtual time: events in, the times at which each node learns each change out. It owns
 * the suspicion timer arithmetic, the dissemination model, and the choice of what a failed peer's
 * entries become (suspended, the default, or deleted as in Docker up to v29).
 */
package io.flotilla.network.gossip;
