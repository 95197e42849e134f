/**
 * What the cluster and its control planes share, so that neither strategy's control plane
 * ({@code io.flotilla.sim.swarm}, {@code io.flotilla.sim.kubernetes}) needs the actors of
 * {@code io.flotilla.sim.cluster} that run it: the messages between a control plane and the nodes
 * ({@link io.flotilla.sim.control.Assignment}, {@link io.flotilla.sim.control.TaskReport}), what a
 * control plane may do to the world ({@link io.flotilla.sim.control.ControlPlaneEffects}) and the
 * timers it arms through it ({@link io.flotilla.sim.control.ControlPlaneTimer}), and the parts of
 * the cluster's setup a control plane reads ({@link io.flotilla.sim.control.NetworkSetup}).
 * The cluster imports the control planes to build them; they import only this package.
 */
package io.flotilla.sim.control;
