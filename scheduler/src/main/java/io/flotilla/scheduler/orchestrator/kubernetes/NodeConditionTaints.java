package io.flotilla.scheduler.orchestrator.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;

/**
 * The taints the node lifecycle controller puts on a node whose Ready condition is not True
 * (upstream {@code v1.TaintNodeNotReady} and {@code v1.TaintNodeUnreachable}, the controller's
 * {@code UnreachableTaintTemplate} and {@code NotReadyTaintTemplate}), which admission and the
 * DaemonSet controller give pods tolerations of.
 */
public final class NodeConditionTaints {

    /** Ready is False. */
    public static final String NOT_READY_KEY = "node.kubernetes.io/not-ready";
    /** Ready is Unknown: the node stopped posting its status. */
    public static final String UNREACHABLE_KEY = "node.kubernetes.io/unreachable";

    public static final Taint UNREACHABLE_NO_SCHEDULE = new Taint(UNREACHABLE_KEY, "", TaintEffect.NO_SCHEDULE);
    public static final Taint UNREACHABLE_NO_EXECUTE = new Taint(UNREACHABLE_KEY, "", TaintEffect.NO_EXECUTE);
    public static final Taint NOT_READY_NO_EXECUTE = new Taint(NOT_READY_KEY, "", TaintEffect.NO_EXECUTE);

    private NodeConditionTaints() {}
}
