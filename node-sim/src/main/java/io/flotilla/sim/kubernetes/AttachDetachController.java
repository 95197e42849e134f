package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.VolumeOperation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attach/detach controller (upstream {@code pkg/controller/volume/attachdetach}) for network
 * volumes; a local volume is never attached, its pod mounts it on its own node. Its desired state:
 * every volume of a pod bound to a node whose containers may still run (a Terminating pod whose
 * kubelet has not confirmed counts, since nobody knows its containers stopped). Its reconciler:
 *
 * <ul>
 *   <li>attaches a desired volume to its node, which takes the class's attach time; a volume
 *       attached to another node is not attached a second time (ReadWriteOnce): {@code Multi-Attach
 *       error}, until it is detached there;
 *   <li>detaches a volume no pod on its node needs any more: at once (taking the class's detach
 *       time) when the node is Ready, since its kubelet has unmounted it; when the node is not Ready
 *       its kubelet cannot say, so the controller waits {@value #MAX_WAIT_FOR_UNMOUNT_TEXT}
 *       ({@code maxWaitForUnmountDuration}) from the detach request and then detaches by force; the
 *       {@code node.kubernetes.io/out-of-service} taint lets it detach at once.
 * </ul>
 *
 * A pod with network volumes is sent to its kubelet only once they are attached to its node, as a
 * kubelet waits for them ({@code WaitForAttach}) before it starts the pod's containers.
 */
final class AttachDetachController {

    /** Upstream {@code reconcilerMaxWaitForUnmountDuration}: 6 minutes. */
    static final long MAX_WAIT_FOR_UNMOUNT_NANOS = 6 * Durations.MINUTE;
    static final String MAX_WAIT_FOR_UNMOUNT_TEXT = "6m";
    static final String OUT_OF_SERVICE_KEY = "node.kubernetes.io/out-of-service";

    private enum Phase {
        ATTACHING,
        ATTACHED,
        DETACHING
    }

    /** A volume's attachment to a node (upstream's VolumeAttachment and actual state of the world). */
    private static final class Attachment {
        final String node;
        /** Its place among the attachments made: the order a pass walks them in. */
        final long made;
        Phase phase;
        /** When a detach was first wanted; -1 while the volume is desired. */
        long detachRequested = -1;
        boolean forced;

        Attachment(String node, long made, Phase phase) {
            this.node = node;
            this.made = made;
            this.phase = phase;
        }
    }

    /** What the attachments tell the rest of the control plane and the storage. */
    interface AttachWatch {
        /** The volume is attached to the node: the storage has it there, and pods waiting for it may start. */
        void attached(String claim, String node);

        /** The volume is detached from the node. */
        void detached(String claim, String node);
    }

    private final ApiStore store;
    private final ControllerEffects io;
    private final AttachWatch watch;
    /** By claim name (the volume's name in the run's storage). */
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();
    /** Pods told of a multi-attach error, so that it is logged once per pod and volume. */
    private final Set<String> multiAttachReported = new HashSet<>();
    private long attachmentsMade;
    /** Claims whose attachment waits to detach: the time and its node decide when, so every pass reads them. */
    private final Set<String> waiting = new HashSet<>();
    /** Claims whose volume was detached since the last pass: it may be attached again, and anew. */
    private final Set<String> detached = new HashSet<>();

    AttachDetachController(ApiStore store, ControllerEffects io, AttachWatch watch) {
        this.store = store;
        this.io = io;
        this.watch = watch;
    }

    /** Whether the claim's volume is attached or being attached or detached somewhere. */
    boolean holds(String claim) {
        return attachments.containsKey(claim);
    }

    /** Whether every network volume of the pod is attached to its node: its kubelet may start it. */
    boolean volumesReady(PodState p) {
        for (String claim : attachableClaims(p)) {
            Attachment a = attachments.get(claim);
            if (a == null || a.phase != Phase.ATTACHED || !a.node.equals(p.node)) {
                return false;
            }
        }
        return true;
    }

    /** The pod's claims whose volumes are bound and attachable (network storage). */
    List<String> attachableClaims(PodState p) {
        return p.claims().stream().filter(this::attachable).toList();
    }

    private boolean attachable(String claimName) {
        PersistentVolumeClaim claim = store.claims.get(claimName);
        if (claim == null || !claim.fullyBound()) {
            return false;
        }
        StorageClassSpec sc = store.storageClasses.get(claim.storageClass());
        return sc != null && sc.attachable();
    }

    /** Whether {@link #reconcile} has nothing to look at: no claim and no attachment. */
    boolean idle() {
        return store.claims.isEmpty() && attachments.isEmpty();
    }

    /**
     * Upstream's desired state of the world and one reconciler pass over it, for the claims whose part
     * of either may have changed since the last pass (see {@link ApiStore#takeChangedClaims}) and
     * those waiting to detach: the pass over every claim would find the others as it left them, and
     * do nothing with them. What it does, it does in the order that pass would: the multi-attach
     * errors of the desired state by pod (oldest first) and claim, then the detaches by attachment
     * (oldest first), then the attaches in the desired state's order.
     */
    void reconcile() {
        Set<String> claims = store.takeChangedClaims();
        if (idle()) {
            return; // no storage in this cluster: nothing to look at
        }
        claims.addAll(waiting);
        claims.addAll(detached);
        detached.clear();
        if (claims.isEmpty()) {
            return;
        }
        // the desired state: each claim wanted on the node of its oldest running pod
        Map<String, PodState> wantedBy = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (String claim : claims) {
            if (!attachable(claim)) {
                continue;
            }
            for (PodState p : store.podsWithClaim(claim)) {
                if (p.node == null || terminated(p)) {
                    continue;
                }
                PodState first = wantedBy.putIfAbsent(claim, p);
                if (first != null && !first.node.equals(p.node)) {
                    conflicts.add(new Conflict(p, claim, first.node));
                }
            }
        }
        conflicts.sort(Comparator.comparingLong((Conflict c) -> c.pod.storeOrder).thenComparingInt(Conflict::index));
        conflicts.forEach(c -> reportMultiAttach(c.claim, c.pod, c.wantedOn));
        long now = io.now();
        // detach what is no longer desired where it is
        List<String> attached = claims.stream().filter(attachments::containsKey)
                .sorted(Comparator.comparingLong(claim -> attachments.get(claim).made)).toList();
        for (String claim : attached) {
            Attachment a = attachments.get(claim);
            PodState wanted = wantedBy.get(claim);
            if (wanted != null && a.node.equals(wanted.node)) {
                if (a.detachRequested >= 0) {
                    a.detachRequested = -1;
                    io.cancelTimer(new KubeTimer.ForceDetach(claim));
                }
            } else if (a.phase != Phase.DETACHING) {
                detachOrWait(claim, a, now);
            }
            if (a.detachRequested >= 0 && a.phase != Phase.DETACHING) {
                waiting.add(claim);
            } else {
                waiting.remove(claim);
            }
        }
        // attach what is desired and not attached anywhere
        List<String> desired = wantedBy.keySet().stream()
                .sorted(Comparator.comparingLong((String claim) -> wantedBy.get(claim).storeOrder)
                        .thenComparingInt(claim -> wantedBy.get(claim).claims().indexOf(claim)))
                .toList();
        for (String claim : desired) {
            String node = wantedBy.get(claim).node;
            Attachment a = attachments.get(claim);
            if (a == null) {
                StorageClassSpec sc = classOf(claim);
                attachments.put(claim, new Attachment(node, ++attachmentsMade, Phase.ATTACHING));
                io.log(new VolumeOperation(claim, volumeOf(claim), node, "attach",
                        "attaching volume \"" + volumeOf(claim) + "\" to node \"" + node + "\""));
                io.startTimer(new KubeTimer.AttachDone(claim), sc.attachNanos());
            } else if (!a.node.equals(node)) {
                reportMultiAttach(claim, wantedBy.get(claim), a.node);
            }
        }
    }

    /** A pod that wants a claim on another node than the oldest pod that wants it. */
    private record Conflict(PodState pod, String claim, String wantedOn) {
        int index() {
            return pod.claims().indexOf(claim);
        }
    }

    /** Detaches the volume now if its node lets it go, else waits for the node or the time. */
    private void detachOrWait(String claim, Attachment a, long now) {
        if (a.detachRequested < 0) {
            a.detachRequested = now;
        }
        NodeState node = store.nodes.get(a.node);
        boolean healthy = node != null && node.isReady();
        boolean outOfService = node != null && node.taints().stream().anyMatch(t -> t.key().equals(OUT_OF_SERVICE_KEY));
        boolean timedOut = now - a.detachRequested >= MAX_WAIT_FOR_UNMOUNT_NANOS;
        if (healthy || node == null) {
            startDetach(claim, a, false, "DetachVolume.Detach succeeded for volume \"" + volumeOf(claim) + "\" from node \""
                    + a.node + "\"");
        } else if (outOfService) {
            startDetach(claim, a, true, "node \"" + a.node + "\" has the out-of-service taint: detaching volume \""
                    + volumeOf(claim) + "\" without waiting for it to be unmounted");
        } else if (timedOut) {
            startDetach(claim, a, true, "attacherDetacher.DetachVolume started: this volume is not safe to detach, but "
                    + "maxWaitForUnmountDuration " + MAX_WAIT_FOR_UNMOUNT_TEXT + " expired, force detaching");
        } else {
            io.startTimer(new KubeTimer.ForceDetach(claim), a.detachRequested + MAX_WAIT_FOR_UNMOUNT_NANOS - now);
        }
    }

    private void reportMultiAttach(String claim, PodState p, String elsewhere) {
        if (p != null && multiAttachReported.add(p.id + " " + claim)) {
            io.log(new VolumeOperation(claim, volumeOf(claim), p.node, "multi_attach_error",
                    "Multi-Attach error for volume \"" + volumeOf(claim) + "\" Volume is already exclusively attached to one "
                            + "node (" + elsewhere + ") and can't be attached to another"));
        }
    }

    private void startDetach(String claim, Attachment a, boolean forced, String message) {
        io.cancelTimer(new KubeTimer.ForceDetach(claim));
        a.phase = Phase.DETACHING;
        a.forced = forced;
        io.log(new VolumeOperation(claim, volumeOf(claim), a.node, forced ? "force_detach" : "detach", message));
        StorageClassSpec sc = classOf(claim);
        io.startTimer(new KubeTimer.DetachDone(claim), sc == null ? 0 : sc.detachNanos());
    }

    /** The attach took its time: the volume is attached. */
    void attachDone(String claim) {
        Attachment a = attachments.get(claim);
        if (a == null || a.phase != Phase.ATTACHING) {
            return;
        }
        a.phase = Phase.ATTACHED;
        watch.attached(claim, a.node);
    }

    /** The detach took its time: the volume is free. */
    void detachDone(String claim) {
        Attachment a = attachments.get(claim);
        if (a == null || a.phase != Phase.DETACHING) {
            return;
        }
        attachments.remove(claim);
        waiting.remove(claim);
        detached.add(claim);
        multiAttachReported.removeIf(k -> k.endsWith(" " + claim));
        watch.detached(claim, a.node);
    }

    /**
     * Upstream {@code IsPodTerminated} for the desired state: a Terminating pod whose containers are
     * known to have stopped (its kubelet reported them ended).
     */
    private static boolean terminated(PodState p) {
        return p.deleting && p.state.isTerminal();
    }

    private StorageClassSpec classOf(String claim) {
        PersistentVolumeClaim c = store.claims.get(claim);
        if (c != null) {
            return store.storageClasses.get(c.storageClass());
        }
        for (PersistentVolume v : store.volumes.values()) {
            if (VolumeController.claimName(v).equals(claim)) {
                return store.storageClasses.get(v.storageClass());
            }
        }
        return null;
    }

    private String volumeOf(String claim) {
        PersistentVolumeClaim c = store.claims.get(claim);
        if (c != null && !c.volumeName().isEmpty()) {
            return c.volumeName();
        }
        for (PersistentVolume v : store.volumes.values()) {
            if (VolumeController.claimName(v).equals(claim)) {
                return v.name();
            }
        }
        return claim;
    }
}
