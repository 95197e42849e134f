/**
 * Kubernetes' controller rules as pure functions, for the simulated Kubernetes control plane: the
 * deployment controller's rolling-update arithmetic ({@link
 * io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath}), the order in which a ReplicaSet
 * deletes surplus pods ({@link io.flotilla.scheduler.orchestrator.kubernetes.PodRanking}), and the
 * node lifecycle controller's judgement of a zone and its tainting rate ({@link
 * io.flotilla.scheduler.orchestrator.kubernetes.ZoneDisruption}). Each follows the upstream function
 * it names; none reads a clock or holds a reference to the simulation, time is an argument.
 */
package io.flotilla.scheduler.orchestrator.kubernetes;
