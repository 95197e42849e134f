package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which nodes a DaemonSet runs a pod on (upstream {@code pkg/controller/daemon}
 * {@code NodeShouldRunDaemonPod} and its {@code predicates}), and the tolerations its pods get
 * ({@code util.AddOrUpdateDaemonPodTolerations}). A node that does not match the pod's node selector
 * and required node affinity gets none; a node with a NoSchedule or NoExecute taint the pod does not
 * tolerate gets none either, but keeps a pod it has if the pod tolerates its NoExecute taints.
 * {@code spec.unschedulable} (a cordon) does not count: daemon pods tolerate it.
 */
public final class DaemonSetPredicates {

    /** What the daemon controller makes of a node: create a pod there, and keep one that is there. */
    public record Verdict(boolean shouldRun, boolean shouldContinueRunning) {}

    private DaemonSetPredicates() {}

    public static Verdict nodeShouldRunDaemonPod(Pod pod, KubeNode node) {
        if (!pod.requiredNodeAffinityMatches(node.name(), node.labels())) {
            return new Verdict(false, false);
        }
        if (untolerated(node.taints(), pod.tolerations(), true).isPresent()) {
            return new Verdict(false, untolerated(node.taints(), pod.tolerations(), false).isEmpty());
        }
        return new Verdict(true, true);
    }

    /** The tolerations every daemon pod gets beside its own, the ones it already has excepted. */
    public static List<Toleration> tolerations(List<Toleration> own) {
        List<Toleration> out = new ArrayList<>(own);
        add(out, "node.kubernetes.io/not-ready", TaintEffect.NO_EXECUTE);
        add(out, "node.kubernetes.io/unreachable", TaintEffect.NO_EXECUTE);
        add(out, "node.kubernetes.io/disk-pressure", TaintEffect.NO_SCHEDULE);
        add(out, "node.kubernetes.io/memory-pressure", TaintEffect.NO_SCHEDULE);
        add(out, "node.kubernetes.io/pid-pressure", TaintEffect.NO_SCHEDULE);
        add(out, Taint.UNSCHEDULABLE.key(), TaintEffect.NO_SCHEDULE);
        return out;
    }

    private static void add(List<Toleration> tolerations, String key, TaintEffect effect) {
        Toleration t = new Toleration(key, Toleration.Operator.EXISTS, "", Optional.of(effect), OptionalLong.empty());
        if (!tolerations.contains(t)) {
            tolerations.add(t);
        }
    }

    /** Upstream {@code FindMatchingUntoleratedTaint} over NoSchedule and NoExecute taints, or NoExecute only. */
    static Optional<Taint> untolerated(List<Taint> taints, List<Toleration> tolerations, boolean noSchedule) {
        for (Taint taint : taints) {
            boolean considered = taint.effect() == TaintEffect.NO_EXECUTE || noSchedule && taint.effect() == TaintEffect.NO_SCHEDULE;
            if (considered && tolerations.stream().noneMatch(t -> t.tolerates(taint))) {
                return Optional.of(taint);
            }
        }
        return Optional.empty();
    }
}
