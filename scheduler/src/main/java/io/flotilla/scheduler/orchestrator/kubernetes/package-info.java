/**
 * Kubernetes' controller rules as pure functions, for the simulated Kubernetes control plane: the
 * deployment controller's rolling-update arithmetic ({@link
 * io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath}); the order in which a ReplicaSet
 * deletes surplus pods ({@link io.flotilla.scheduler.orchestrator.kubernetes.PodRanking}); the node
 * lifecycle controller's judgement of a zone and its tainting rate ({@link
 * io.flotilla.scheduler.orchestrator.kubernetes.ZoneDisruption}) and the taints it sets ({@link
 * io.flotilla.scheduler.orchestrator.kubernetes.NodeConditionTaints}); a pod as its controller and
 * admission make it from the template ({@link
 * io.flotilla.scheduler.orchestrator.kubernetes.PodFromTemplate}); one sync of the StatefulSet
 * controller ({@link io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl}), its names
 * ({@link io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetNames}) and its claims' retention
 * ({@link io.flotilla.scheduler.orchestrator.kubernetes.ClaimRetention}); and the names the API server and
 * the controllers give ({@link io.flotilla.scheduler.orchestrator.kubernetes.PodTemplateHash},
 * {@link io.flotilla.scheduler.orchestrator.kubernetes.GeneratedNames}, {@link
 * io.flotilla.scheduler.orchestrator.kubernetes.SafeAlphanumerics}). Each follows the upstream
 * function it names; none reads a clock or holds a reference to the simulation: time and random
 * streams are arguments.
 */
package io.flotilla.scheduler.orchestrator.kubernetes;
