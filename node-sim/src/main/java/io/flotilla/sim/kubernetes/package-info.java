/**
 * The Kubernetes control plane as plain objects, for the kubernetes strategy: the API server's store
 * of nodes, deployments, ReplicaSets and pods; the deployment and ReplicaSet controllers (rolling
 * updates within maxSurge and maxUnavailable, {@link io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath}; scale
 * down in {@link io.flotilla.scheduler.orchestrator.kubernetes.PodRanking} order) and the DaemonSet controller for global
 * services; the node lifecycle controller
 * (Ready=Unknown after the grace period, unreachable taints, rate-limited per zone) and the taint
 * eviction controller (pods deleted when their tolerations run out); and kube-scheduler's loop
 * around {@code scheduler}'s {@code KubernetesPlacement}. The {@code KubernetesManager} actor runs it
 * and it acts on the world only through {@link io.flotilla.sim.kubernetes.KubeEffects}. It logs the
 * same events as the Swarm control plane, with pod phases mapped onto the shared task states, and a
 * few of its own (taints, evictions, ReplicaSet scaling, zone states). The kubelet's side, restarts
 * in place after {@link io.flotilla.sim.kubernetes.CrashLoopBackOff}, is the node agent's kubelet mode.
 */
package io.flotilla.sim.kubernetes;
