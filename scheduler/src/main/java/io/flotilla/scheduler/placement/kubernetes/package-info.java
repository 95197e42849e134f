/**
 * The Kubernetes scheduler as pure code: {@link
 * io.flotilla.scheduler.placement.kubernetes.KubernetesPlacement#schedule} takes a {@link
 * io.flotilla.scheduler.placement.kubernetes.ClusterState}, a {@link
 * io.flotilla.scheduler.placement.kubernetes.Pod} and a seeded random source and returns the chosen
 * node or the FailedScheduling message exactly as kube-scheduler words it, with preemption's
 * nomination and, on request, every node's verdict and per-plugin scores.
 *
 * <p>This package is what the rest of Flotilla uses: one pod's scheduling cycle (upstream
 * {@code schedule_one.go}: the filter walk from a rotating start, percentageOfNodesToScore, the
 * choice among the top scores, Reserve and the bind), the cluster state it reads, the {@link
 * io.flotilla.scheduler.placement.kubernetes.Profile} and its plugin arguments, the results, and the
 * Kubernetes-only inputs (tolerations, node and pod affinity, topology spread, priority, requests;
 * {@link io.flotilla.scheduler.placement.kubernetes.ModelTranslation} derives them from the model's
 * services and nodes, and {@code io.flotilla.scheduler.orchestrator.kubernetes.PodFromTemplate}
 * lays a workload's own over them, as admission does). VolumeBinding is a hook ({@link
 * io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder}) asks the volume model, {@code volume}.
 *
 * <p>Beneath it, as upstream lays out {@code pkg/scheduler}: {@code framework} (the extension
 * points and the loops that run a profile's plugins), {@code plugins} (the default plugins, one per
 * upstream plugin) and {@code cache} (the nodes and pods the plugins read, and the incremental
 * indexes that let a pod bound now count for the next one without recounting the cluster).
 *
 * <p>Where upstream runs in parallel or iterates Go maps, this code walks nodes in the node tree's
 * order and takes its randomness only from the caller's source, so a seed fixes every decision.
 */
package io.flotilla.scheduler.placement.kubernetes;
