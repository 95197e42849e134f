package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.admission.kubernetes.ComposeSecurityContext;
import io.flotilla.scheduler.admission.kubernetes.PodSecurityAdmission;
import io.flotilla.scheduler.admission.kubernetes.PodSecurityLevel;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.scheduler.orchestrator.kubernetes.GeneratedNames;
import io.flotilla.scheduler.orchestrator.kubernetes.PodFromTemplate;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetNames;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The API server's pod writes: creation (a name, admission, the scheduling queue), binding, graceful
 * deletion, eviction and removal. Each write is logged as the shared task events and told to the
 * {@link PodWatch}, which the control plane passes on to the parts that react.
 *
 * <p>Admission at creation is Pod Security, at the namespace's level ({@link #admit}), and
 * DefaultTolerationSeconds ({@link PodFromTemplate}). A refused pod gets a name, as the API server
 * gives one before admission runs, and nothing else: it is never stored, logged or scheduled;
 * its controller reports the error.
 */
final class PodApi implements PodControl, Eviction, Binding {

    /** The label a ReplicaSet's pods carry its template's hash in. */
    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    /** The label a DaemonSet's and a StatefulSet's pods carry their revision's hash in. */
    static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";
    /** The labels a StatefulSet's pods carry their name and their ordinal in. */
    static final String STATEFULSET_POD_NAME = "statefulset.kubernetes.io/pod-name";
    static final String POD_INDEX = "apps.kubernetes.io/pod-index";

    private final ApiStore store;
    private final ControllerEffects io;
    private final long defaultTolerationSeconds;
    private final PodSecurityLevel podSecurity;
    private final SplittableRandom uids;
    private final SplittableRandom names;
    private final PodWatch watch;

    /**
     * @param defaultTolerationSeconds the DefaultTolerationSeconds admission plugin's setting
     * @param podSecurity the Pod Security level the namespace enforces
     * @param uids the stream the pods' UIDs are drawn from
     * @param names the stream the random part of the pods' names is drawn from
     */
    PodApi(ApiStore store, ControllerEffects io, long defaultTolerationSeconds, PodSecurityLevel podSecurity,
            SplittableRandom uids, SplittableRandom names, PodWatch watch) {
        this.store = store;
        this.io = io;
        this.defaultTolerationSeconds = defaultTolerationSeconds;
        this.podSecurity = podSecurity;
        this.uids = uids;
        this.names = names;
        this.watch = watch;
    }

    @Override
    public Optional<String> createPod(DeploymentState d, ReplicaSetState rs) {
        return create(d, rs, store.lowestFreeSlot(d.name()), null);
    }

    @Override
    public Optional<String> createDaemonPod(DeploymentState d, ReplicaSetState revision, String node) {
        return create(d, revision, 0, node);
    }

    /**
     * Pod Security admission of a pod of the workload (its one container is named after it): the
     * API server's error when the namespace's level forbids it. Every controller's creation goes
     * through here.
     */
    Optional<String> admit(String podName, String workload, TaskSpec spec) {
        return PodSecurityAdmission.forbidden(podSecurity, ComposeSecurityContext.pod(podName, workload, spec));
    }

    @Override
    public Pod daemonPod(DeploymentState d, ReplicaSetState revision, String node) {
        return podFor(d, revision, d.name() + "." + node, node);
    }

    /** The pod as the controller creates it and admission completes it, before it exists. */
    private Pod podFor(DeploymentState d, ReplicaSetState rs, String name, String daemonNode) {
        if (daemonNode != null) {
            return build(d, rs, name, daemonNode);
        }
        // a ReplicaSet's pods differ only in their names: its template is translated and completed once
        if (rs.pod == null) {
            rs.pod = build(d, rs, name, null);
        }
        return rs.pod.withName(name);
    }

    private Pod build(DeploymentState d, ReplicaSetState rs, String name, String daemonNode) {
        String hashLabel = d.isDaemonSet() ? CONTROLLER_REVISION_HASH : POD_TEMPLATE_HASH;
        Pod base = ModelTranslation.pod(d.name(), name, rs.template.task()).toBuilder()
                .label(hashLabel, rs.hash)
                .ownerSelector(LabelSelector.of(ModelTranslation.APP_LABEL, d.name()).and(hashLabel, rs.hash))
                .build();
        return daemonNode == null
                ? PodFromTemplate.pod(base, rs.template.inputs(), defaultTolerationSeconds)
                : PodFromTemplate.daemonPod(base, rs.template.inputs(), defaultTolerationSeconds, daemonNode);
    }

    private Optional<String> create(DeploymentState d, ReplicaSetState rs, int slot, String daemonNode) {
        String slotName = d.name() + "." + (daemonNode == null ? Integer.toString(slot) : daemonNode);
        String name = generateName((daemonNode == null ? rs.name : d.name()) + "-");
        Optional<String> refused = admit(name, d.name(), rs.template.task());
        if (refused.isPresent()) {
            return refused;
        }
        PodState p = new PodState(name, slotName, d.name(), slot, daemonNode, rs, podFor(d, rs, name, daemonNode),
                io.now(), uids.nextLong());
        store.add(p);
        io.log(new TaskCreated(name, slotName, d.name(), slot, daemonNode, rs.revision, rs.template.task().image(),
                TaskState.RUNNING, Collections.emptySortedMap()));
        advance(p, TaskState.NEW, "created by " + (daemonNode == null ? "replica set " : "daemon set ") + rs.name);
        TaskSecrets.of(name, rs.template.task()).ifPresent(io::log);
        advance(p, TaskState.PENDING, "waiting for the scheduler");
        watch.created(p);
        return Optional.empty();
    }

    /**
     * A name from {@code generateName}: a ReplicaSet's pods are named {@code <replicaset>-} and 5
     * random characters, a DaemonSet's {@code <daemonset>-} and 5; drawn again in the unlikely case
     * that a pod of the run had the name already.
     */
    private String generateName(String base) {
        String name;
        do {
            name = GeneratedNames.generate(base, names);
        } while (!store.claimPodName(name));
        return name;
    }

    /**
     * A StatefulSet's pod: named {@code <set>-<ordinal>} (its slot), labelled with its name, its index and
     * its revision's hash as upstream's are, selected by the set's {@code app} label, mounting its
     * claims (each at {@code /<template>}). Admission sees the pod under its name before the name is
     * taken: a refused pod never exists, and the ordinal's next pod has the name it would have had.
     */
    @Override
    public Optional<String> createStatefulPod(StatefulSetState set, ReplicaSetState revision, int ordinal,
            List<String> claims) {
        String name = StatefulSetNames.podName(set.name(), ordinal);
        TaskSpec template = revision.template.task();
        List<VolumeMount> mounts = new ArrayList<>(template.mounts());
        for (StatefulSetSpec.ClaimTemplate t : set.spec.claimTemplates()) {
            mounts.add(VolumeMount.volume(StatefulSetNames.claimName(t.name(), set.name(), ordinal), "/" + t.name(), false,
                    t.storageClass()));
        }
        TaskSpec spec = template.withMounts(mounts);
        Optional<String> refused = admit(name, set.name(), spec);
        if (refused.isPresent()) {
            return refused;
        }
        String id = set.nextId(name, ordinal);
        while (!store.claimPodName(id)) {
            id = set.nextId(name, ordinal);
        }
        Pod.Builder b = ModelTranslation.pod(set.name(), name, template).toBuilder()
                .label(CONTROLLER_REVISION_HASH, revision.hash)
                .label(STATEFULSET_POD_NAME, name)
                .label(POD_INDEX, Integer.toString(ordinal));
        claims.forEach(b::volumeClaim);
        Pod pod = PodFromTemplate.pod(b.build(), revision.template.inputs(), defaultTolerationSeconds);
        PodState p = new PodState(id, name, set.name(), ordinal, null, revision, set, spec, pod, io.now(), uids.nextLong());
        store.add(p);
        io.log(new TaskCreated(id, name, set.name(), ordinal, null, revision.revision, template.image(), TaskState.RUNNING,
                new TreeMap<>()));
        advance(p, TaskState.NEW, "create Pod " + name + " in StatefulSet " + set.name() + " successful");
        TaskSecrets.of(id, spec).ifPresent(io::log);
        advance(p, TaskState.PENDING, "waiting for the scheduler");
        watch.created(p);
        return Optional.empty();
    }

    /** A change the control plane itself makes is both the truth and its belief. */
    private void advance(PodState p, TaskState state, String message) {
        p.state = state;
        store.readinessMayHaveChanged(p);
        io.log(new TaskStateChanged(p.id, p.node, state, message, null));
        io.log(new TaskObserved(p.id, state, message));
    }

    @Override
    public void bind(PodState p, String node) {
        store.bind(p, node);
        p.error = null;
        advance(p, TaskState.ASSIGNED, "Successfully assigned " + p.pod.key() + " to " + node);
        watch.bound(p);
    }

    /**
     * Graceful deletion: the pod is Terminating and stops counting for its ReplicaSet at once; it
     * is gone when its kubelet confirms its containers stopped (never, while the node is unreachable).
     */
    @Override
    public void delete(PodState p, String reason) {
        if (p.deleting) {
            return;
        }
        store.markDeleting(p);
        io.log(new TaskDesired(p.id, TaskState.SHUTDOWN, reason));
        watch.terminating(p);
        if (p.node == null) {
            advance(p, TaskState.SHUTDOWN, "deleted before it was scheduled");
            remove(p, "deleted");
        }
    }

    @Override
    public void evict(PodState p, String reason, String message, String why) {
        if (p.deleting) {
            return;
        }
        io.log(new PodEvicted(p.id, p.node, reason, message));
        delete(p, why);
    }

    /** A deletion without grace (PodGC, when the pod's node object is deleted): the pod is gone at once. */
    void forceDelete(PodState p, String reason, String message) {
        if (!p.deleting) {
            store.markDeleting(p);
            io.log(new TaskDesired(p.id, TaskState.SHUTDOWN, reason));
        }
        remove(p, message);
    }

    /** The pod object is removed from the store (its kubelet confirmed, or it never had a node). */
    void remove(PodState p, String message) {
        if (!store.remove(p)) {
            return;
        }
        if (p.state != TaskState.SHUTDOWN) {
            p.state = TaskState.SHUTDOWN;
            io.log(new TaskObserved(p.id, TaskState.SHUTDOWN, message));
        }
        watch.removed(p);
    }
}
