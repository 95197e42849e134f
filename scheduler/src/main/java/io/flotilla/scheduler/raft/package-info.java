/**
 * Raft's quorum arithmetic as pure functions: how many managers make a majority, and which group
 * of running managers that reach each other holds one. The simulated fabric asks them after every
 * change to the hosts or the network and elects the leader they name.
 */
package io.flotilla.scheduler.raft;
