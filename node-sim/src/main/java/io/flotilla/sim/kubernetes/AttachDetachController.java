package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.StorageClassSpec;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.VolumeOperation;
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
        Phase phase;
        /** When a detach was first wanted; -1 while the volume is desired. */
        long detachRequested = -1;
        boolean forced;

        Attachment(String node, Phase phase) {
            this.node = node;
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

    /** Upstream's desired state of the world and one reconciler pass over it. */
    void reconcile() {
        if (idle()) {
            return; // no storage in this cluster: nothing to look at
        }
        Map<String, String> desired = new LinkedHashMap<>();
        Map<String, PodState> wantedBy = new LinkedHashMap<>();
        for (PodState p : store.podsWithClaims()) {
            if (p.node == null || terminated(p)) {
                continue;
            }
            for (String claim : p.claims()) {
                if (!attachable(claim)) {
                    continue;
                }
                String wantedOn = desired.putIfAbsent(claim, p.node);
                if (wantedOn == null || wantedOn.equals(p.node)) {
                    wantedBy.putIfAbsent(claim, p);
                } else {
                    reportMultiAttach(claim, p, wantedOn);
                }
            }
        }
        long now = io.now();
        // detach what is no longer desired where it is
        for (Map.Entry<String, Attachment> e : List.copyOf(attachments.entrySet())) {
            String claim = e.getKey();
            Attachment a = e.getValue();
            if (a.node.equals(desired.get(claim))) {
                if (a.detachRequested >= 0) {
                    a.detachRequested = -1;
                    io.cancelTimer(new KubeTimer.ForceDetach(claim));
                }
                continue;
            }
            if (a.phase == Phase.DETACHING) {
                continue;
            }
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
        // attach what is desired and not attached anywhere
        for (Map.Entry<String, String> e : desired.entrySet()) {
            String claim = e.getKey();
            String node = e.getValue();
            Attachment a = attachments.get(claim);
            if (a == null) {
                StorageClassSpec sc = classOf(claim);
                Attachment attaching = new Attachment(node, Phase.ATTACHING);
                attachments.put(claim, attaching);
                io.log(new VolumeOperation(claim, volumeOf(claim), node, "attach",
                        "attaching volume \"" + volumeOf(claim) + "\" to node \"" + node + "\""));
                io.startTimer(new KubeTimer.AttachDone(claim), sc.attachNanos());
            } else if (!a.node.equals(node)) {
                reportMultiAttach(claim, wantedBy.get(claim), a.node);
            }
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
