/**
 * The Swarm control plane as plain objects: the manager's store, the dispatcher (heartbeats and
 * node status), the replicated and global orchestrators, the restart supervisor, the rolling
 * updater and the scheduler loop. They run inside the {@code Manager} actor and act on the world
 * only through {@link io.flotilla.sim.control.ControlPlaneEffects}: time, timers, messages to nodes and the event log.
 */
package io.flotilla.sim.swarm;
