package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.SecretChange;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.storage.VolumeSpec;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneEffects;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.control.FoundByHost;
import io.flotilla.sim.control.Outbox;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.CommandRejected;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeTaintChanged;
import io.flotilla.sim.events.PodForceDeleted;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.kernel.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The Kubernetes control plane as plain objects: the API server's store of nodes, deployments,
 * ReplicaSets, StatefulSets, pods, storage classes, claims and volumes, and the controllers that act
 * on it (deployment, ReplicaSet, DaemonSet and StatefulSet controllers, the PersistentVolume
 * controller with its provisioners, the attach/detach controller, node lifecycle controller, taint
 * eviction controller, the pod garbage collector, kube-scheduler). Each entry point handles
 * one input (a kubelet's status post or pod statuses, a timer, an operator command), lets the
 * controllers react until nothing changes, and then sends each kubelet the pods that changed for
 * it. It acts on the world only through {@link ControlPlaneEffects}.
 *
 * <p>The parts never call one another. Each gets the store and only the writes it makes: the
 * workload controllers {@link PodControl}, kube-scheduler {@link Binding} and {@link Eviction}
 * (preemption), the taint eviction controller {@link Eviction}, all served by {@link PodApi}. What
 * a write means for the other parts travels, as through the API server's watches, by the
 * {@link PodWatch} and {@link NodeWatch} this class implements: it alone knows who reacts to what,
 * and in which order.
 */
public final class ControlPlane implements ControlPlaneInputs {

    final ApiStore store = new ApiStore();
    final ControlPlaneEffects effects;
    final KubernetesSettings settings;
    final PodApi pods;
    final NodeLifecycleController lifecycle;
    final TaintEvictionController evictions;
    final DeploymentController deployments;
    final DaemonSetController daemonSets;
    final Scheduler scheduler;
    final EndpointSliceController endpoints;
    final VolumeController volumes;
    final AttachDetachController attachDetach;
    final StatefulSetController statefulSets;
    final PodGarbageCollector podGc;

    private final ToLongFunction<String> imageSizes;
    private final Outbox outbox;
    private final Set<String> dirty = new LinkedHashSet<>();
    /** The Nodes by their host index on the wire; a Node deleted or replaced is marked gone. */
    private final FoundByHost<NodeState> byHost = new FoundByHost<>(store.nodes::get, node -> node.gone);

    /**
     * @param random the run's named random streams ({@code kube-scheduler} breaks score ties,
     *     {@code pod-uids} draws the pods' UIDs, {@code pod-names} the random part of their names)
     * @param imageSizes the size in bytes of each image, for the node status the scheduler's
     *     ImageLocality reads
     * @param explainTasks the slots ({@code web.3}) whose pods' scheduling decisions are logged in full
     */
    public ControlPlane(ControlPlaneEffects effects, KubernetesSettings settings, Function<String, SplittableRandom> random,
            ToLongFunction<String> imageSizes, Set<String> explainTasks) {
        this.effects = effects;
        this.outbox = new Outbox(effects, this::nextAssignmentsVersion);
        this.settings = settings;
        this.imageSizes = imageSizes;
        ControllerEffects io = controllerEffects(effects);
        this.pods = new PodApi(store, io, settings.defaultTolerationSeconds(), settings.podSecurity(), random.apply("pod-uids"),
                random.apply("pod-names"), new PodEvents());
        this.lifecycle = new NodeLifecycleController(settings, store, io, new NodeEvents());
        this.evictions = new TaintEvictionController(store, io, pods);
        this.deployments = new DeploymentController(store, io, pods);
        this.daemonSets = new DaemonSetController(store, io, pods);
        this.volumes = new VolumeController(store, io, new StorageEffects(), random.apply("claim-uids"), new VolumeEvents());
        this.attachDetach = new AttachDetachController(store, io, new AttachEvents());
        this.statefulSets = new StatefulSetController(store, io, pods, volumes);
        this.podGc = new PodGarbageCollector(store, io, pods);
        this.scheduler = new Scheduler(store, io, pods, pods, random.apply("kube-scheduler"), explainTasks, volumes);
        this.endpoints = new EndpointSliceController(store, effects::endpointsChanged);
    }

    /** The clock, log and timers of {@code effects}, which is all the parts may use of it. */
    private static ControllerEffects controllerEffects(ControlPlaneEffects effects) {
        return new ControllerEffects() {
            @Override
            public long now() {
                return effects.now();
            }

            @Override
            public void log(Event event) {
                effects.log(event);
            }

            @Override
            public void startTimer(KubeTimer timer, long delayNanos) {
                effects.startTimer(timer, delayNanos);
            }

            @Override
            public void cancelTimer(KubeTimer timer) {
                effects.cancelTimer(timer);
            }
        };
    }

    /** The pod watch: who reacts to each pod write, in order. */
    private final class PodEvents implements PodWatch {
        @Override
        public void created(PodState p) {
            scheduler.enqueue(p);
        }

        @Override
        public void bound(PodState p) {
            if (attachDetach.volumesReady(p)) {
                sendLater(p); // a pod whose network volumes are not attached yet waits for them (WaitForAttach)
            }
            evictions.podBound(p);
        }

        @Override
        public void terminating(PodState p) {
            evictions.cancel(p);
            endpoints.podChanged(p);
            dirty.add(p.service);
            if (p.node != null) {
                sendLater(p);
            }
        }

        @Override
        public void removed(PodState p) {
            evictions.cancel(p);
            endpoints.podChanged(p);
            scheduler.podRemoved(p);
            volumes.podRemoved(p);
            volumes.ownerGone("pod " + p.id);
            dirty.add(p.service);
        }
    }

    /** The storage backend: what the provisioners and the attach/detach controller do to the run's volumes. */
    private final class StorageEffects implements VolumeController.StorageOps {
        @Override
        public void provisioned(VolumeSpec spec, Optional<String> node) {
            effects.volumeProvisioned(spec, node);
        }

        @Override
        public void deleted(String volume) {
            effects.volumeDeleted(volume);
        }
    }

    /** A claim's binding: the pods waiting for it may be scheduled, their StatefulSet may go on. */
    private final class VolumeEvents implements VolumeController.VolumeWatch {
        @Override
        public void claimBound(PersistentVolumeClaim claim) {
            scheduler.clusterEvent();
            dirty.addAll(store.statefulSets.keySet());
        }
    }

    /** An attach or a detach is done: the storage has it so, waiting pods may start, other attaches may go. */
    private final class AttachEvents implements AttachDetachController.AttachWatch {
        @Override
        public void attached(String claim, String node) {
            effects.volumeAttached(claim, node);
            for (PodState p : store.podsOn(node)) {
                if (!p.deleting && p.claims().contains(claim) && attachDetach.volumesReady(p)) {
                    sendLater(p);
                }
            }
        }

        @Override
        public void detached(String claim, String node) {
            effects.volumeDetached(claim);
        }
    }

    /** The node watch: who reacts to the node lifecycle controller's writes, in order. */
    private final class NodeEvents implements NodeWatch {
        @Override
        public void updated(NodeState node) {
            scheduler.nodeChanged(node, true);
        }

        @Override
        public void noExecuteTaintsChanged(NodeState node) {
            evictions.nodeTaintsChanged(node);
        }

        @Override
        public void readinessChanged() {
            endpoints.allChanged();
            dirtyAll();
        }
    }

    // ---- inputs -------------------------------------------------------------------------

    /** Starts the node lifecycle controller's periodic pass. */
    public void start() {
        lifecycle.start();
    }

    @Override
    public void addNode(NodeSpec spec, Availability availability) {
        NodeState node = new NodeState(spec, availability);
        node.probeTimestamp = effects.now();
        store.putNode(node);
        lifecycle.nodeAdded(node);
        scheduler.addNode(node);
        settle();
    }

    /** The Node object is deleted: PodGC force-deletes its pods and their controllers replace them. */
    public void removeNode(String name) {
        Optional<NodeState> removed = store.removeNode(name);
        if (removed.isEmpty()) {
            return;
        }
        NodeState node = removed.get();
        for (PodState p : store.podsOn(name)) {
            pods.forceDelete(p, "node deleted", "deleted with its node");
        }
        scheduler.removeNode(name);
        lifecycle.nodeRemoved(node);
        dirtyAll();
        settle();
    }

    /** A kubelet renews its lease and posts its node status. */
    @Override
    public void heartbeat(String name, long reportsSent, long assignmentsSeen) {
        NodeState node = store.nodes.get(name);
        if (node == null) {
            return;
        }
        lifecycle.statusPosted(node);
        if (assignmentsSeen >= 0 && assignmentsSeen != node.assignmentsVersion) {
            sendFull(node);
        }
        effects.ackHeartbeat(name, settings.nodeStatusUpdateFrequency(), reportsSent != node.reportsReceived);
        settle();
    }

    /**
     * A status post from a Ready kubelet in step with the API server (no statuses to resend, no
     * assignments missed), while nothing is left to settle: all {@link #heartbeat} does then is renew
     * the lease and answer, so that is all this does. Anything else is {@link #NOT_QUIET}, unchanged.
     */
    @Override
    public long quietHeartbeat(int host, String name, long reportsSent, long assignmentsSeen) {
        NodeState node = byHost.get(host, name);
        if (node == null || node.ready != NodeState.Ready.TRUE || reportsSent != node.reportsReceived
                || (assignmentsSeen >= 0 && assignmentsSeen != node.assignmentsVersion) || !settled()) {
            return NOT_QUIET;
        }
        lifecycle.statusPosted(node);
        return settings.nodeStatusUpdateFrequency();
    }

    /**
     * Whether {@link #settle} would do nothing now: no workload to sync, no pod to schedule or waiting
     * (nor the scheduler's wake armed), no storage to reconcile, no slice or assignment to send.
     */
    private boolean settled() {
        return dirty.isEmpty() && scheduler.idle() && attachDetach.idle() && volumes.nothingToReclaim()
                && endpoints.idle() && outbox.isEmpty();
    }

    /** A kubelet posts pod statuses. */
    @Override
    public void reports(String name, List<TaskReport> reports, long reportsSent) {
        reports(store.nodes.get(name), reports, reportsSent);
    }

    @Override
    public void reports(int host, String name, List<TaskReport> reports, long reportsSent) {
        reports(byHost.get(host, name), reports, reportsSent);
    }

    private void reports(NodeState node, List<TaskReport> reports, long reportsSent) {
        if (node == null) {
            return;
        }
        reports.forEach(r -> observe(node, r));
        // a batch that skips one comes after lost statuses: the gap shows at the next status post,
        // whose answer then asks the kubelet for every status again
        if (reportsSent == node.reportsReceived + 1) {
            node.reportsReceived = reportsSent;
        }
        settle();
    }

    /**
     * A kubelet (re)starts its session: after a boot it has no containers and starts the pods still
     * bound to its node again, in place; either way it gets all its pods and resends every status.
     */
    @Override
    public void register(String name, boolean booted, List<TaskReport> reports, long reportsSent) {
        NodeState node = store.nodes.get(name);
        if (node == null) {
            return;
        }
        lifecycle.statusPosted(node);
        reports.forEach(r -> observe(node, r));
        node.reportsReceived = reportsSent;
        sendFull(node);
        effects.ackHeartbeat(name, settings.nodeStatusUpdateFrequency(), false);
        settle();
    }

    /**
     * A kubelet's word on a container's readiness probe: the pod's Ready condition follows, and with
     * it the Deployment's available pods and the Service's ready endpoints.
     */
    @Override
    public void readiness(String name, String taskId, boolean ready) {
        PodState p = store.pods.get(taskId);
        NodeState node = store.nodes.get(name);
        if (p == null || node == null || !name.equals(p.node) || p.probeReady == ready) {
            return;
        }
        boolean wasReady = p.isReady(node);
        p.probeReady = ready;
        store.readinessMayHaveChanged(p);
        if (!wasReady && p.isReady(node)) {
            p.readySince = effects.now();
        }
        endpoints.podChanged(p);
        dirty.add(p.service);
        settle();
    }

    @Override
    public void timer(ControlPlaneTimer timer) {
        if (timer instanceof KubeTimer.MonitorTick) {
            lifecycle.tick();
        } else if (timer instanceof KubeTimer.TaintingPass) {
            lifecycle.taintingPass();
        } else if (timer instanceof KubeTimer.Evict e) {
            evictions.due(e.podId());
        } else if (timer instanceof KubeTimer.AttachDone a) {
            attachDetach.attachDone(a.claim());
        } else if (timer instanceof KubeTimer.DetachDone d) {
            attachDetach.detachDone(d.claim());
        } else if (timer == KubeTimer.PodGcTick.INSTANCE) {
            podGc.tick();
        } else if (timer instanceof KubeTimer.CreateRetry r) {
            dirty.add(r.service()); // the workload's sync tries its creations again
        }
        // a ForceDetach timer needs nothing more: the attach/detach controller's pass in settle acts on it
        settle(); // runs the scheduler, which takes the pods whose wait is over (SchedulerWake)
    }

    /** A new leader: the controllers start over from the store, every node with a fresh grace period. */
    @Override
    public void leaderElected() {
        lifecycle.leaderElected();
        scheduler.clusterEvent();
        dirtyAll();
        settle();
    }

    /** pause is {@code kubectl cordon}, drain is cordon then evict every pod but daemon pods, activate is uncordon. */
    @Override
    public void setAvailability(String name, Availability availability) {
        NodeState node = store.nodes.get(name);
        if (node == null) {
            return;
        }
        if (node.availability == availability) {
            effects.log(ActionIgnored.availabilityUnchanged(name, availability));
            return;
        }
        node.availability = availability;
        effects.log(new NodeAvailabilityChanged(name, availability));
        scheduler.nodeChanged(node, true);
        if (availability == Availability.DRAIN) {
            for (PodState p : store.podsOn(name)) {
                if (p.daemonNode == null) { // kubectl drain --ignore-daemonsets
                    pods.evict(p, "Evicted", "Evicting pod " + p.pod.key() + " (drain)", "node drained");
                }
            }
        }
        dirtyAll();
        settle();
    }

    /**
     * Creates the service's Deployment (a DaemonSet for a global service), or applies a new spec to it
     * (a rollout if the pod template changed).
     */
    @Override
    public void deploy(ServiceSpec spec, KubernetesPodSpec inputs) {
        DeploymentState d = store.deployments.get(spec.name());
        Optional<String> invalid = d != null && d.spec.mode() != spec.mode()
                ? Optional.of(spec.name() + " is a " + (d.isDaemonSet() ? "DaemonSet" : "Deployment")
                        + " already; a service cannot change its mode")
                : untranslatable(spec);
        if (invalid.isPresent()) {
            effects.log(new CommandRejected("deploy " + spec.name(), invalid.get()));
            return;
        }
        if (d == null) {
            d = new DeploymentState(spec, inputs);
            store.deployments.put(spec.name(), d);
            effects.log(new ServiceChanged(spec.name(), "create", d.version, spec.replicas(), spec.task().image()));
            effects.serviceDeclared(spec, new TreeMap<>());
        } else {
            boolean scaled = d.spec.replicas() != spec.replicas();
            ReplicaSetState.Template before = d.template();
            d.spec = spec;
            d.inputs = inputs;
            if (!before.equals(d.template())) {
                startRollout(d);
            } else if (scaled) {
                effects.log(new ServiceChanged(spec.name(), "scale", d.version, spec.replicas(), spec.task().image()));
            }
        }
        dirty.add(spec.name());
        settle();
    }

    @Override
    public void scale(String service, int replicas) {
        StatefulSetState set = store.statefulSets.get(service);
        DeploymentState d = store.deployments.get(service);
        int current = set != null ? set.spec.replicas() : d != null ? d.spec.replicas() : -1;
        if (current == replicas) {
            effects.log(ActionIgnored.scaleUnchanged(service, replicas));
            return;
        }
        if (set != null) {
            set.spec = set.spec.withReplicas(replicas);
            effects.log(new ServiceChanged(service, "scale", set.version, replicas, set.spec.task().image()));
            dirty.add(service);
            settle();
            return;
        }
        if (d == null) {
            return;
        }
        d.spec = d.spec.withReplicas(replicas);
        effects.log(new ServiceChanged(service, "scale", d.version, replicas, d.spec.task().image()));
        dirty.add(service);
        settle();
    }

    /**
     * A StatefulSet's new image or partition ({@code kubectl set image}, {@code kubectl patch}); a
     * Deployment's as {@link #update(String, Optional, Optional, boolean)}.
     */
    @Override
    public void update(String service, Optional<String> image, Optional<UpdateConfig> config, boolean force,
            OptionalInt partition) {
        StatefulSetState set = store.statefulSets.get(service);
        if (set == null) {
            update(service, image, config, force);
            return;
        }
        StatefulSetSpec next = set.spec;
        if (image.isPresent()) {
            next = next.withTask(next.task().withImage(image.get()));
        }
        if (partition.isPresent() && partition.getAsInt() != next.partition()) {
            effects.log(new UpdateStatusChanged(service, "updating", "partition " + next.partition() + " -> "
                    + partition.getAsInt() + (partition.getAsInt() < next.partition() ? ": the update goes on down to ordinal "
                    + partition.getAsInt() : "")));
            next = next.withPartition(partition.getAsInt());
            set.partitionedDone = false;
        }
        ReplicaSetState.Template before = set.template();
        if (force) {
            set.restartedAt++;
        }
        applyStatefulSet(set, before, next, set.inputs);
        dirty.add(service);
        settle();
    }

    /**
     * A new pod template (image, secrets) and update settings; {@code force} restamps the template, as
     * {@code kubectl rollout restart} does.
     */
    @Override
    public void update(String service, Optional<String> image, SecretChange secrets, Optional<UpdateConfig> config,
            boolean force) {
        DeploymentState d = store.deployments.get(service);
        if (d == null) {
            return;
        }
        ReplicaSetState.Template before = d.template();
        d.spec = d.spec.updated(image, config);
        d.spec = d.spec.withTask(secrets.apply(d.spec.task()));
        if (force) {
            d.restartedAt++;
        }
        if (!before.equals(d.template())) {
            startRollout(d);
        }
        dirty.add(service);
        settle();
    }

    /** {@code kubectl apply} of a StorageClass. */
    @Override
    public void createStorageClass(StorageClassSpec spec) {
        store.putStorageClass(spec);
    }

    /**
     * Creates the StatefulSet and its headless Service, or applies a new spec to it (a rolling update if
     * the pod template changed, a scale if only the replicas did).
     */
    @Override
    public void deployStatefulSet(StatefulSetSpec spec, KubernetesPodSpec inputs) {
        StatefulSetState set = store.statefulSets.get(spec.name());
        Optional<String> invalid = store.deployments.containsKey(spec.name())
                ? Optional.of(spec.name() + " is a Deployment already; a service cannot become a StatefulSet")
                : untranslatable(spec.name(), spec.task());
        if (invalid.isPresent()) {
            effects.log(new CommandRejected("deploy " + spec.name(), invalid.get()));
            return;
        }
        if (set == null) {
            set = new StatefulSetState(spec, inputs);
            store.statefulSets.put(spec.name(), set);
            effects.log(new ServiceChanged(spec.name(), "create", set.version, spec.replicas(), spec.task().image()));
            effects.serviceDeclared(new ServiceSpec(spec.service(), ServiceMode.REPLICATED, spec.replicas(), spec.task(),
                    UpdateConfig.DEFAULT, UpdateConfig.DEFAULT, EndpointMode.DNSRR), new TreeMap<>());
        } else {
            applyStatefulSet(set, set.template(), spec, inputs);
        }
        dirty.add(spec.name());
        settle();
    }

    /** A StatefulSet's new spec: a template unlike {@code before} starts a rolling update, new replicas a scale. */
    private void applyStatefulSet(StatefulSetState set, ReplicaSetState.Template before, StatefulSetSpec next,
            KubernetesPodSpec inputs) {
        boolean scaled = set.spec.replicas() != next.replicas();
        set.spec = next;
        set.inputs = inputs;
        set.retryCreatesAt = 0; // a StatefulSet update is synced at once, back-off or not
        if (!before.equals(set.template())) {
            set.version++;
            set.rollingOut = true;
            effects.log(new ServiceChanged(set.name(), "update", set.version, next.replicas(), next.task().image()));
            effects.log(new UpdateStatusChanged(set.name(), "updating", "rolling update: one pod at a time, highest ordinal "
                    + "first" + (next.partition() > 0 ? ", ordinals below " + next.partition() + " kept (partition)" : "")));
        } else if (scaled) {
            effects.log(new ServiceChanged(set.name(), "scale", set.version, next.replicas(), next.task().image()));
        }
    }

    /**
     * {@code kubectl delete pod --force --grace-period=0}: the newest pod of the task name goes at
     * once; kubectl warns that its containers may run on. Its kubelet, if it is reachable, stops them.
     */
    @Override
    public void forceDelete(String task) {
        PodState newest = null;
        for (PodState p : store.pods.values()) {
            if (p.slotName.equals(task)) {
                newest = p;
            }
        }
        if (newest == null) {
            effects.log(new ActionIgnored("force_delete", task, "no pod " + task + " exists"));
            return;
        }
        effects.log(new PodForceDeleted(newest.id, newest.node, "kubectl", "Immediate deletion does not wait for "
                + "confirmation that the running resource has been terminated. The resource may continue to run on the "
                + "cluster indefinitely."));
        String node = newest.node;
        pods.forceDelete(newest, "force deleted (kubectl delete pod --force --grace-period=0)", "deleted without grace");
        if (node != null && store.nodes.containsKey(node)) {
            sendFull(store.nodes.get(node));
        }
        settle();
    }

    /**
     * {@code kubectl taint nodes NODE node.kubernetes.io/out-of-service=nodeshutdown:NoExecute}: pods
     * that do not tolerate it are evicted at once; the pod garbage collector force-deletes those that
     * are Terminating while the node is not Ready; the attach/detach controller detaches its volumes
     * without waiting for them to be unmounted.
     */
    @Override
    public void outOfService(String name) {
        NodeState node = store.nodes.get(name);
        if (node == null || node.operatorTaints.contains(OUT_OF_SERVICE)) {
            effects.log(new ActionIgnored("out_of_service", name, name + " has the out-of-service taint already"));
            return;
        }
        node.operatorTaints.add(OUT_OF_SERVICE);
        effects.log(new NodeTaintChanged(name, OUT_OF_SERVICE.toString(), true, "kubectl taint: the node is shut down"));
        scheduler.nodeChanged(node, true);
        evictions.nodeTaintsChanged(node);
        podGc.outOfService();
        dirtyAll();
        settle();
    }

    /** The taint an operator puts on a node that is shut down for good, so that its workloads may move. */
    static final Taint OUT_OF_SERVICE = new Taint(AttachDetachController.OUT_OF_SERVICE_KEY, "nodeshutdown",
            TaintEffect.NO_EXECUTE);

    // ---- steps of the inputs -------------------------------------------------------------

    private void startRollout(DeploymentState d) {
        d.version++;
        d.rollingOut = true;
        effects.log(new ServiceChanged(d.name(), "update", d.version, d.replicas(), d.spec.task().image()));
        if (d.isDaemonSet()) {
            effects.log(new UpdateStatusChanged(d.name(), "updating", "rolling update: maxSurge 0, maxUnavailable 1"));
            return;
        }
        RolloutMath.Strategy s = d.strategy();
        effects.log(new UpdateStatusChanged(d.name(), "updating", "rolling update: maxSurge " + s.maxSurge()
                + " (" + RolloutMath.maxSurge(s, d.replicas()) + "), maxUnavailable " + s.maxUnavailable() + " ("
                + RolloutMath.maxUnavailable(s, d.replicas()) + ")"));
    }

    /** Why the service's pods cannot be written in Kubernetes' terms, if they cannot. */
    private static Optional<String> untranslatable(ServiceSpec spec) {
        return untranslatable(spec.name(), spec.task());
    }

    private static Optional<String> untranslatable(String workload, io.flotilla.scheduler.model.TaskSpec task) {
        try {
            ModelTranslation.pod(workload, workload, task);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A pod status from its kubelet. */
    private void observe(NodeState node, TaskReport r) {
        PodState p = store.pods.get(r.taskId());
        if (p == null || !node.name().equals(p.node)) {
            return;
        }
        boolean wasReady = p.isReady(node);
        boolean wasListed = p.ran;
        boolean wasServing = p.isServing(node);
        p.state = r.state();
        effects.log(new TaskObserved(p.id, r.state(), r.message()));
        if (r.state() == TaskState.STARTING && p.ran) {
            p.restarts++;
        } else if (r.state() == TaskState.READY || r.state() == TaskState.RUNNING) {
            if (p.imageListedOn != node) {
                String image = p.spec().image();
                if (!node.images.containsKey(image)) {
                    node.images.put(image, imageSizes.applyAsLong(image));
                    scheduler.imagePulled(node, image);
                }
                p.imageListedOn = node;
            }
            if (r.state() == TaskState.RUNNING) {
                p.ran = true;
                // a new container with a readiness probe is not ready until a probe passes
                p.probeReady = !p.hasReadinessProbe();
                if (p.probeReady) {
                    p.readySince = effects.now();
                }
            }
        } else if (r.state() == TaskState.SHUTDOWN && p.deleting) {
            pods.remove(p, "deleted");
        }
        store.readinessMayHaveChanged(p);
        // its endpoint reads whether it ran and its Ready condition whatever the deletion; a removal tells the controller itself
        endpoints.podReported(p, wasListed != p.ran || wasServing != p.isServing(node));
        // The controllers read only readiness and ends; the steps in between change nothing for them.
        if (wasReady != p.isReady(node) || r.state().isTerminal()) {
            dirty.add(p.service);
        }
    }

    void sendLater(PodState p) {
        outbox.later(p.task());
    }

    private void sendFull(NodeState node) {
        List<Assignment> all = new ArrayList<>();
        for (PodState p : store.podsOn(node.name())) {
            if (p.deleting || attachDetach.volumesReady(p)) {
                all.add(new Assignment(p.task(), p.task().desired()));
            }
        }
        outbox.full(node.name(), all);
    }

    private OptionalLong nextAssignmentsVersion(String name) {
        NodeState node = store.nodes.get(name);
        return node == null ? OptionalLong.empty() : OptionalLong.of(++node.assignmentsVersion);
    }

    private void dirtyAll() {
        dirty.addAll(store.workloads());
    }

    /** Let the controllers and the scheduler react until nothing changes, then tell the kubelets. */
    private void settle() {
        do {
            while (!dirty.isEmpty()) {
                List<String> batch = new ArrayList<>(dirty);
                dirty.clear();
                for (String service : batch) {
                    DeploymentState d = store.deployments.get(service);
                    StatefulSetState set = store.statefulSets.get(service);
                    if (d != null && d.isDaemonSet()) {
                        daemonSets.sync(d);
                    } else if (d != null) {
                        deployments.sync(d);
                    } else if (set != null) {
                        statefulSets.sync(set);
                    }
                }
            }
            scheduler.run();
            attachDetach.reconcile();
            volumes.reclaim(attachDetach::holds);
        } while (!dirty.isEmpty());
        endpoints.sync();
        outbox.flush();
    }
}
