/**
 * The Kubernetes control plane as plain objects, for the kubernetes strategy: the API server's store
 * of nodes, deployments, ReplicaSets, StatefulSets, pods, storage classes, claims and volumes
 * ({@link io.flotilla.sim.kubernetes.ApiStore}) and its
 * pod writes ({@link io.flotilla.sim.kubernetes.PodApi}: pods named as upstream names them, bound,
 * deleted, evicted); the deployment and ReplicaSet controllers (rolling updates within maxSurge and
 * maxUnavailable, scale down in upstream's ranking order) and the DaemonSet controller for global
 * services; the node lifecycle controller (Ready=Unknown after the grace period, unreachable taints,
 * rate-limited per zone) and the taint eviction controller (pods deleted when their tolerations run
 * out); the StatefulSet controller ({@link io.flotilla.sim.kubernetes.StatefulSetController}: ordinal
 * pods and their claims); the PersistentVolume controller with its provisioners ({@link
 * io.flotilla.sim.kubernetes.VolumeController}), the attach/detach controller ({@link
 * io.flotilla.sim.kubernetes.AttachDetachController}: attach and detach times, the 6-minute forced
 * detach) and the pod garbage collector's pass for out-of-service nodes ({@link
 * io.flotilla.sim.kubernetes.PodGarbageCollector}); kube-scheduler's loop around {@code scheduler}'s
 * {@code KubernetesPlacement}, whose VolumeBinding reads the claims and volumes; and the
 * EndpointSlice controller ({@link io.flotilla.sim.kubernetes.EndpointSliceController}), which tells
 * the data plane each Service's endpoints with their ready, serving and terminating conditions.
 *
 * <p>The parts do not call one another: each is given the store and the narrow interface of the
 * writes it makes ({@link io.flotilla.sim.kubernetes.PodControl}, {@link
 * io.flotilla.sim.kubernetes.Binding}, {@link io.flotilla.sim.kubernetes.Eviction}), and reacts to
 * the others' writes when {@link io.flotilla.sim.kubernetes.ControlPlane}, through the {@link
 * io.flotilla.sim.kubernetes.PodWatch} and {@link io.flotilla.sim.kubernetes.NodeWatch}, tells it to.
 * Their rules that need no simulation (rollout arithmetic, pod ranking, zone disruption, pod
 * templates and names, a StatefulSet's sync) are pure functions of {@code
 * io.flotilla.scheduler.orchestrator.kubernetes}; the volume binder is {@code scheduler}'s.
 *
 * <p>The cluster's {@code Manager} actor runs the control plane, which acts on the world only
 * through {@link io.flotilla.sim.control.ControlPlaneEffects}. It logs the same events as the Swarm
 * control plane, with pod phases mapped onto the shared task states and each pod's name as its task
 * id, and a few of its own (taints, evictions, ReplicaSet scaling, zone states, claims, provisioning,
 * attach and detach operations, forced deletions); the volumes themselves are the run's storage's,
 * told through {@code ControlPlaneEffects}. The kubelet's side,
 * restarts in place after {@link io.flotilla.sim.kubernetes.CrashLoopBackOff}, is the node agent as a
 * kubelet ({@code io.flotilla.sim.cluster.Kubelet}).
 */
package io.flotilla.sim.kubernetes;
