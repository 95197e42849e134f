/**
 * The simulated cluster's storage: the {@link io.flotilla.sim.storage.Storage} actor owns the run's
 * volumes ({@code scheduler}'s pure {@link io.flotilla.scheduler.storage.Volumes}), hears from the
 * node agents when a container mounts its volumes and when it stops, from the cluster when a node
 * goes down or comes back and when the timeline takes a backup or restores one, and from a control
 * plane that attaches, detaches or deletes volumes. It logs every change as an event, with up to when
 * each volume holds every write, so that the view, the checks and the output read storage from the
 * log like everything else.
 */
package io.flotilla.sim.storage;
