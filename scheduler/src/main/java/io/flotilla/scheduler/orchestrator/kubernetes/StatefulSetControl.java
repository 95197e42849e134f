package io.flotilla.scheduler.orchestrator.kubernetes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One sync of the StatefulSet controller (upstream {@code defaultStatefulSetControl.updateStatefulSet},
 * pkg/controller/statefulset/stateful_set_control.go) as a function: the set's spec and revisions and
 * its pods as they are, in; the pods to create and delete, out. The controller applies them and
 * syncs again when anything changes, so each sync does what upstream's does in one pass.
 *
 * <ul>
 *   <li>Pods {@code 0 .. replicas-1} are the set's replicas, higher ordinals are condemned.
 *   <li>A missing replica is created at the current revision below the partition and at the update
 *       revision from it on (upstream {@code newVersionedStatefulSetPod}); a failed one is deleted, to
 *       be created again once its object is gone. A name is never given twice at once: an ordinal
 *       whose pod object still exists, Terminating or not, gets no other.
 *   <li>{@link Policy#ORDERED_READY} (monotonic): replicas in ordinal order, each created only when
 *       every lower one is Running and Ready, and the sync stops at the first that is not; condemned
 *       pods deleted from the highest ordinal, one at a time, each only once the others are Ready and
 *       the one before it is gone. {@link Policy#PARALLEL} (burst): all at once, no waiting.
 *   <li>Then a rolling update (either policy): from the highest ordinal down to the partition, the
 *       first pod not at the update revision is deleted (it comes back at the new one), and the
 *       update waits while a pod above it is not Running and Ready. {@code OnDelete} never deletes for
 *       an update.
 * </ul>
 */
public final class StatefulSetControl {

    private StatefulSetControl() {}

    /** {@code spec.podManagementPolicy}. */
    public enum Policy {
        ORDERED_READY,
        PARALLEL
    }

    /**
     * The set as one sync reads it: {@code partition} is {@code updateStrategy.rollingUpdate.partition}
     * (0 by default), {@code onDelete} the OnDelete update strategy.
     */
    public record Spec(int replicas, Policy policy, int partition, boolean onDelete) {
        public static Spec of(int replicas, Policy policy) {
            return new Spec(replicas, policy, 0, false);
        }

        public boolean monotonic() {
            return policy == Policy.ORDERED_READY;
        }
    }

    /**
     * One pod object of the set: its ordinal, its revision (the {@code controller-revision-hash} label,
     * as a number), whether it is Running and Ready, whether it failed, and whether it is Terminating.
     */
    public record Replica(int ordinal, int revision, boolean runningAndReady, boolean failed, boolean terminating) {
        /** Upstream {@code isUnavailable} with minReadySeconds 0. */
        boolean unavailable() {
            return !runningAndReady || terminating;
        }
    }

    /** What one sync asks for. */
    public sealed interface Action permits Create, Delete {
        int ordinal();
    }

    /** Create the pod of {@code ordinal} at {@code revision} (and its claims, if missing). */
    public record Create(int ordinal, int revision) implements Action {}

    /** Delete the pod of {@code ordinal}, gracefully, for {@code reason}. */
    public record Delete(int ordinal, Reason reason) implements Action {}

    /** Why a pod is deleted: upstream's log lines for each. */
    public enum Reason {
        /** {@code StatefulSet is recreating failed Pod}. */
        FAILED("recreating failed pod"),
        /** {@code Pod of StatefulSet is terminating for scale down}. */
        SCALE_DOWN("terminating for scale down"),
        /** {@code Pod of StatefulSet is terminating for update}. */
        UPDATE("terminating for update");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The sync's actions, in the order upstream makes them, and what it waits for, if anything ("" if nothing). */
    public record Sync(List<Action> actions, String waitingFor) {
        public Sync {
            actions = List.copyOf(actions);
        }
    }

    /** {@code status}: pods that exist, Ready ones, and those (not Terminating) at the current and update revisions. */
    public record Status(int replicas, int readyReplicas, int currentReplicas, int updatedReplicas) {}

    /**
     * One sync. {@code pods} are the set's pod objects, at most one per ordinal; {@code currentRevision}
     * and {@code updateRevision} are equal when no update is in progress.
     */
    public static Sync sync(Spec spec, int currentRevision, int updateRevision, List<Replica> pods) {
        Replica[] replicas = new Replica[spec.replicas()];
        List<Replica> condemned = new ArrayList<>();
        for (Replica p : pods) {
            if (p.ordinal() < spec.replicas()) {
                if (replicas[p.ordinal()] != null) {
                    throw new IllegalArgumentException("two pods of ordinal " + p.ordinal());
                }
                replicas[p.ordinal()] = p;
            } else {
                condemned.add(p);
            }
        }
        condemned.sort(Comparator.comparingInt(Replica::ordinal).reversed());
        boolean monotonic = spec.monotonic();
        List<Action> actions = new ArrayList<>();

        // upstream's first unavailable pod: the lowest replica, else the lowest condemned one
        Replica firstUnavailable = null;
        for (Replica r : replicas) {
            if (firstUnavailable == null && (r == null || r.unavailable())) {
                firstUnavailable = r == null ? new Replica(-1, 0, false, false, false) : r;
            }
        }
        for (int i = condemned.size() - 1; i >= 0 && firstUnavailable == null; i--) {
            if (condemned.get(i).unavailable()) {
                firstUnavailable = condemned.get(i);
            }
        }

        for (int ord = 0; ord < replicas.length; ord++) {
            Replica r = replicas[ord];
            if (r != null && r.failed()) {
                if (!r.terminating()) {
                    actions.add(new Delete(ord, Reason.FAILED));
                }
                if (monotonic) {
                    return new Sync(actions, "pod " + ord + " to be recreated");
                }
                continue; // created again once its object is gone
            }
            if (r == null) {
                actions.add(new Create(ord, ord < spec.partition() && !spec.onDelete() ? currentRevision : updateRevision));
                if (monotonic) {
                    return new Sync(actions, "pod " + ord + " to be Running and Ready");
                }
                continue;
            }
            if (monotonic && r.terminating()) {
                return new Sync(actions, "pod " + ord + " to terminate");
            }
            if (monotonic && !r.runningAndReady()) {
                return new Sync(actions, "pod " + ord + " to be Running and Ready");
            }
        }

        for (Replica c : condemned) {
            if (c.terminating()) {
                if (monotonic) {
                    return new Sync(actions, "pod " + c.ordinal() + " to terminate prior to scale down");
                }
                continue;
            }
            if (monotonic && !c.runningAndReady() && c != firstUnavailable) {
                return new Sync(actions, "pod " + firstUnavailable.ordinal() + " to be Running and Ready prior to scale down");
            }
            actions.add(new Delete(c.ordinal(), Reason.SCALE_DOWN));
            if (monotonic) {
                return new Sync(actions, "pod " + c.ordinal() + " to terminate prior to scale down");
            }
        }

        if (spec.onDelete()) {
            return new Sync(actions, "");
        }
        for (int target = replicas.length - 1; target >= spec.partition(); target--) {
            Replica r = replicas[target];
            if (r == null) {
                return new Sync(actions, "pod " + target + " to update"); // burst: created above, not yet seen
            }
            if (r.revision() != updateRevision && !r.terminating()) {
                actions.add(new Delete(target, Reason.UPDATE));
                return new Sync(actions, "pod " + target + " to update");
            }
            if (r.unavailable()) {
                return new Sync(actions, "pod " + target + " to update");
            }
        }
        return new Sync(actions, "");
    }

    /** {@code status} of the set's pods (upstream {@code computeReplicaStatus} with minReadySeconds 0). */
    public static Status status(int currentRevision, int updateRevision, List<Replica> pods) {
        int replicas = 0;
        int ready = 0;
        int current = 0;
        int updated = 0;
        for (Replica p : pods) {
            replicas++;
            if (p.runningAndReady()) {
                ready++;
            }
            if (!p.terminating()) {
                current += p.revision() == currentRevision ? 1 : 0;
                updated += p.revision() == updateRevision ? 1 : 0;
            }
        }
        return new Status(replicas, ready, current, updated);
    }

    /**
     * Upstream {@code completeRollingUpdate}: a rolling update is complete, and the update revision
     * becomes the current one, when every pod that exists is updated and Ready.
     */
    public static boolean rolloutComplete(Spec spec, Status status) {
        return !spec.onDelete() && status.updatedReplicas() == status.replicas()
                && status.readyReplicas() == status.replicas();
    }
}
