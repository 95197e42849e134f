/**
 * The Kubernetes scheduling framework as pure code: {@link
 * io.flotilla.scheduler.placement.kubernetes.KubernetesPlacement#schedule} takes a {@link
 * io.flotilla.scheduler.placement.kubernetes.ClusterState}, a {@link
 * io.flotilla.scheduler.placement.kubernetes.Pod} and a seeded random source and returns the chosen
 * node or the FailedScheduling message exactly as kube-scheduler words it, with preemption's
 * nomination and, on request, every node's verdict and per-plugin scores.
 *
 * <p>It owns the Kubernetes-only inputs (tolerations, node and pod affinity, topology spread,
 * priority, requests; {@link io.flotilla.scheduler.placement.kubernetes.ModelTranslation} derives
 * them from the model's services and nodes, and {@code io.flotilla.scheduler.orchestrator.kubernetes.PodFromTemplate}
 * lays a workload's own over them, as admission does), the extension points (PreFilter, Filter, PostFilter,
 * PreScore, Score, NormalizeScore, Reserve; Bind is the cluster state's {@code bind}), the default
 * plugins with upstream's formulas, integer truncation, normalisation and weights (one list, in
 * {@link io.flotilla.scheduler.placement.kubernetes.Profile}), percentageOfNodesToScore, and the
 * incremental indexes that let a pod bound now count for the next one without recounting the
 * cluster. VolumeBinding is a hook ({@link io.flotilla.scheduler.placement.kubernetes.VolumeBinder})
 * for the volume model to fill.
 *
 * <p>Where upstream runs in parallel or iterates Go maps, this code walks nodes in the node tree's
 * order and takes its randomness only from the caller's source, so a seed fixes every decision.
 */
package io.flotilla.scheduler.placement.kubernetes;
