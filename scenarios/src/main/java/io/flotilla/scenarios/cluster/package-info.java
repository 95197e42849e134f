/**
 * Sweeps over several JVMs: {@code compare --cluster HOST:PORT} hands the independent runs of a
 * sweep to {@code worker} JVMs that joined a Pekko cluster at that address, and merges their
 * metrics exactly as a local sweep does. The cluster's actor system runs in real time and shares
 * nothing with the simulations, each of which keeps its own virtual-time system on its own driver
 * thread. See {@code docs/cluster.md}.
 */
package io.flotilla.scenarios.cluster;
