package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.orchestrator.kubernetes.PodFromTemplate;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.sim.cluster.Assignment;
import io.flotilla.sim.cluster.TaskReport;
import io.flotilla.sim.events.CommandRejected;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The Kubernetes control plane as plain objects: the API server's store of nodes, deployments,
 * ReplicaSets and pods, and the controllers that act on it (deployment and ReplicaSet controllers,
 * node lifecycle controller, taint eviction controller, kube-scheduler). Each entry point handles
 * one input (a kubelet's status post or pod statuses, a timer, an operator command), lets the
 * controllers react until nothing changes, and then sends each kubelet the pods that changed for
 * it. It acts on the world only through {@link KubeEffects}.
 */
public final class ControlPlane {

    static final String POD_TEMPLATE_HASH = "pod-template-hash";

    final ApiStore store = new ApiStore();
    final KubeEffects effects;
    final KubernetesSettings settings;
    final NodeLifecycleController lifecycle;
    final TaintEvictionController evictions;
    final DeploymentController deployments;
    final DaemonSetController daemonSets;
    final Scheduler scheduler;

    private final SplittableRandom uids;
    private final ToLongFunction<String> imageSizes;
    private final Map<String, Map<String, Assignment>> pendingAssignments = new LinkedHashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    /**
     * @param random the run's named random streams ({@code kube-scheduler} breaks score ties,
     *     {@code pod-uids} draws the pods' UIDs)
     * @param imageSizes the size in bytes of each image, for the node status the scheduler's
     *     ImageLocality reads
     * @param explainTasks the pod names ({@code web.3}) whose scheduling decisions are logged in full
     */
    public ControlPlane(KubeEffects effects, KubernetesSettings settings, Function<String, SplittableRandom> random,
            ToLongFunction<String> imageSizes, Set<String> explainTasks) {
        this.effects = effects;
        this.settings = settings;
        this.uids = random.apply("pod-uids");
        this.imageSizes = imageSizes;
        this.lifecycle = new NodeLifecycleController(this);
        this.evictions = new TaintEvictionController(this);
        this.deployments = new DeploymentController(this);
        this.daemonSets = new DaemonSetController(this);
        this.scheduler = new Scheduler(this, random.apply("kube-scheduler"), explainTasks);
    }

    // ---- inputs -------------------------------------------------------------------------

    /** Starts the node lifecycle controller's periodic pass. */
    public void start() {
        lifecycle.start();
    }

    public void addNode(NodeSpec spec, Availability availability) {
        NodeState node = new NodeState(spec, availability);
        node.probeTimestamp = effects.now();
        store.nodes.put(spec.name(), node);
        lifecycle.nodeAdded(node);
        scheduler.addNode(node);
        settle();
    }

    /** The Node object is deleted: PodGC force-deletes its pods and their controllers replace them. */
    public void removeNode(String name) {
        NodeState node = store.nodes.remove(name);
        if (node == null) {
            return;
        }
        for (PodState p : store.podsOn(name)) {
            if (!p.deleting) {
                p.deleting = true;
                effects.log(new TaskDesired(p.id, TaskState.SHUTDOWN, "node deleted"));
            }
            finish(p, "deleted with its node");
        }
        scheduler.removeNode(name);
        lifecycle.nodeRemoved(node);
        dirtyAll();
        settle();
    }

    /** A kubelet renews its lease and posts its node status. */
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

    /** A kubelet posts pod statuses. */
    public void reports(String name, List<TaskReport> reports, long reportsSent) {
        NodeState node = store.nodes.get(name);
        if (node == null) {
            return;
        }
        reports.forEach(r -> observe(node, r));
        node.reportsReceived = reportsSent;
        settle();
    }

    /**
     * A kubelet (re)starts its session: after a boot it has no containers and starts the pods still
     * bound to its node again, in place; either way it gets all its pods and resends every status.
     */
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

    public void timer(KubeTimer timer) {
        if (timer instanceof KubeTimer.MonitorTick) {
            lifecycle.tick();
        } else if (timer instanceof KubeTimer.TaintingPass) {
            lifecycle.taintingPass();
        } else if (timer instanceof KubeTimer.Evict e) {
            evictions.due(e.podId());
        }
        settle(); // runs the scheduler, which takes the pods whose wait is over (SchedulerWake)
    }

    /** A new leader: the controllers start over from the store, every node with a fresh grace period. */
    public void leaderElected() {
        lifecycle.leaderElected();
        scheduler.clusterEvent();
        dirtyAll();
        settle();
    }

    /** pause is {@code kubectl cordon}, drain is cordon then evict every pod but daemon pods, activate is uncordon. */
    public void setAvailability(String name, Availability availability) {
        NodeState node = store.nodes.get(name);
        if (node == null || node.availability == availability) {
            return;
        }
        node.availability = availability;
        effects.log(new NodeAvailabilityChanged(name, availability));
        scheduler.nodeChanged(node, true);
        if (availability == Availability.DRAIN) {
            for (PodState p : store.podsOn(name)) {
                if (p.daemonNode == null) { // kubectl drain --ignore-daemonsets
                    evict(p, "Evicted", "Evicting pod default/" + p.name + " (drain)", "node drained");
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

    public void scale(String service, int replicas) {
        DeploymentState d = store.deployments.get(service);
        if (d == null) {
            return;
        }
        d.spec = d.spec.withReplicas(replicas);
        effects.log(new ServiceChanged(service, "scale", d.version, replicas, d.spec.task().image()));
        dirty.add(service);
        settle();
    }

    /** A new pod template (and update settings); {@code force} restamps the template, as {@code kubectl rollout restart} does. */
    public void update(String service, Optional<String> image, Optional<UpdateConfig> config, boolean force) {
        DeploymentState d = store.deployments.get(service);
        if (d == null) {
            return;
        }
        ReplicaSetState.Template before = d.template();
        d.spec = d.spec.updated(image, config);
        if (force) {
            d.restartedAt++;
        }
        if (!before.equals(d.template())) {
            startRollout(d);
        }
        dirty.add(service);
        settle();
    }

    // ---- shared steps used by the controllers -------------------------------------------

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
        try {
            ModelTranslation.pod(spec, spec.name());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A new pod of the ReplicaSet, in the deployment's lowest free slot, queued for scheduling. */
    void createPod(DeploymentState d, ReplicaSetState rs) {
        Set<Integer> used = new TreeSet<>();
        for (PodState p : store.podsOf(d.name())) {
            if (!p.deleting) {
                used.add(p.slot);
            }
        }
        int slot = 1;
        while (used.contains(slot)) {
            slot++;
        }
        createPod(d, rs, slot, null);
    }

    /** A new pod of the DaemonSet revision for {@code node}, queued for scheduling (pinned there). */
    void createDaemonPod(DeploymentState d, ReplicaSetState revision, String node) {
        createPod(d, revision, 0, node);
    }

    /** The pod as the controller creates it and admission completes it, before it exists. */
    Pod podFor(DeploymentState d, ReplicaSetState rs, String id, String daemonNode) {
        Pod base = ModelTranslation.pod(d.name(), id, rs.template.task()).toBuilder()
                .label(POD_TEMPLATE_HASH, rs.hash)
                .ownerSelector(LabelSelector.of(ModelTranslation.APP_LABEL, d.name()).and(POD_TEMPLATE_HASH, rs.hash))
                .build();
        return daemonNode == null
                ? PodFromTemplate.pod(base, rs.template.inputs(), settings.defaultTolerationSeconds())
                : PodFromTemplate.daemonPod(base, rs.template.inputs(), settings.defaultTolerationSeconds(), daemonNode);
    }

    private void createPod(DeploymentState d, ReplicaSetState rs, int slot, String daemonNode) {
        String name = d.name() + "." + (daemonNode == null ? Integer.toString(slot) : daemonNode);
        String id = store.nextPodId(name);
        PodState p = new PodState(id, name, d.name(), slot, daemonNode, rs, podFor(d, rs, id, daemonNode), effects.now(),
                uids.nextLong());
        store.add(p);
        effects.log(new TaskCreated(id, name, d.name(), slot, daemonNode, rs.revision, rs.template.task().image(),
                TaskState.RUNNING, new TreeMap<>()));
        advance(p, TaskState.NEW, "created by " + (daemonNode == null ? "replica set " : "daemon set ") + rs.name);
        advance(p, TaskState.PENDING, "waiting for the scheduler");
        scheduler.enqueue(p);
    }

    /** A change the control plane itself makes is both the truth and its belief. */
    void advance(PodState p, TaskState state, String message) {
        p.state = state;
        effects.log(new TaskStateChanged(p.id, p.node, state, message, null));
        effects.log(new TaskObserved(p.id, state, message));
    }

    /** The scheduler bound the pod. */
    void bound(PodState p, String node) {
        p.node = node;
        p.error = null;
        advance(p, TaskState.ASSIGNED, "Successfully assigned default/" + p.name + " to " + node);
        sendLater(p);
        evictions.podBound(p);
    }

    /**
     * Graceful deletion: the pod is Terminating and stops counting for its ReplicaSet at once; it
     * is gone when its kubelet confirms its containers stopped (never, while the node is unreachable).
     */
    void delete(PodState p, String reason) {
        if (p.deleting) {
            return;
        }
        p.deleting = true;
        evictions.cancel(p);
        effects.log(new TaskDesired(p.id, TaskState.SHUTDOWN, reason));
        dirty.add(p.service);
        if (p.node == null) {
            advance(p, TaskState.SHUTDOWN, "deleted before it was scheduled");
            finish(p, "deleted");
        } else {
            sendLater(p);
        }
    }

    /** An eviction: the eviction's own event, then a graceful deletion. */
    void evict(PodState p, String reason, String message, String why) {
        if (p.deleting) {
            return;
        }
        effects.log(new PodEvicted(p.id, p.node, reason, message));
        delete(p, why);
    }

    /** The pod object is removed from the store. */
    private void finish(PodState p, String message) {
        if (store.remove(p.id) == null) {
            return;
        }
        if (p.state != TaskState.SHUTDOWN) {
            p.state = TaskState.SHUTDOWN;
            effects.log(new TaskObserved(p.id, TaskState.SHUTDOWN, message));
        }
        evictions.cancel(p);
        scheduler.podRemoved(p);
        dirty.add(p.service);
    }

    /** A pod status from its kubelet. */
    private void observe(NodeState node, TaskReport r) {
        PodState p = store.pods.get(r.taskId());
        if (p == null || !node.name().equals(p.node)) {
            return;
        }
        boolean wasReady = p.isReady(node);
        p.state = r.state();
        effects.log(new TaskObserved(p.id, r.state(), r.message()));
        if (r.state() == TaskState.STARTING && p.ran) {
            p.restarts++;
        } else if (r.state() == TaskState.READY || r.state() == TaskState.RUNNING) {
            String image = p.spec().image();
            if (!node.images.containsKey(image)) {
                node.images.put(image, imageSizes.applyAsLong(image));
                scheduler.nodeChanged(node, false);
            }
            if (r.state() == TaskState.RUNNING) {
                p.ran = true;
                p.readySince = effects.now();
            }
        } else if (r.state() == TaskState.SHUTDOWN && p.deleting) {
            finish(p, "deleted");
        }
        // The controllers read only readiness and ends; the steps in between change nothing for them.
        if (wasReady != p.isReady(node) || r.state().isTerminal()) {
            dirty.add(p.service);
        }
    }

    void sendLater(PodState p) {
        pendingAssignments.computeIfAbsent(p.node, n -> new LinkedHashMap<>()).put(p.id, new Assignment(p.task(), p.task().desired()));
    }

    private void sendFull(NodeState node) {
        pendingAssignments.remove(node.name());
        node.assignmentsVersion++;
        List<Assignment> all = new ArrayList<>();
        for (PodState p : store.podsOn(node.name())) {
            all.add(new Assignment(p.task(), p.task().desired()));
        }
        effects.assign(node.name(), node.assignmentsVersion, true, all);
    }

    void dirty(String service) {
        dirty.add(service);
    }

    void dirtyAll() {
        dirty.addAll(store.deployments.keySet());
    }

    /** Let the controllers and the scheduler react until nothing changes, then tell the kubelets. */
    private void settle() {
        do {
            while (!dirty.isEmpty()) {
                List<String> batch = new ArrayList<>(dirty);
                dirty.clear();
                for (String service : batch) {
                    DeploymentState d = store.deployments.get(service);
                    if (d != null && d.isDaemonSet()) {
                        daemonSets.sync(d);
                    } else if (d != null) {
                        deployments.sync(d);
                    }
                }
            }
            scheduler.run();
        } while (!dirty.isEmpty());
        pendingAssignments.forEach((name, changed) -> {
            NodeState node = store.nodes.get(name);
            if (node != null) {
                node.assignmentsVersion++;
                effects.assign(name, node.assignmentsVersion, false, List.copyOf(changed.values()));
            }
        });
        pendingAssignments.clear();
    }
}
