package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.placement.kubernetes.Pod;

/**
 * A ReplicaSet of a deployment (or a revision of a DaemonSet, upstream's ControllerRevision): its
 * pod template, its revision, {@code spec.replicas} and the deployment controller's
 * {@code desired-replicas} and {@code max-replicas} annotations. It is named
 * {@code <deployment>-<hash>}, the hash of its template ({@link DeploymentState#newTemplateHash}),
 * which its pods carry as their {@code pod-template-hash} (a DaemonSet's, {@code
 * controller-revision-hash}) label.
 */
final class ReplicaSetState {

    /** What makes two ReplicaSets the same: the task, the pod inputs, a restart stamp. */
    record Template(TaskSpec task, KubernetesPodSpec inputs, int restartedAt) {}

    final String name;
    final String hash;
    final Template template;
    final long created;
    int revision;
    int replicas;
    int desiredAnnotation;
    int maxAnnotation;
    /** Pod creations refused in a row (the work queue's failure count), and when it may try again. */
    int failedCreates;
    long retryCreatesAt;
    /**
     * Its pods in the store that are not Terminating ({@code status.replicas}), and those of them
     * that are Ready ({@code status.availableReplicas}, minReadySeconds being 0); the
     * {@link ApiStore} keeps both as pods and nodes change.
     */
    int activePods;
    int readyPods;
    /** Its pods as admission completes them, made at the first: each pod is this one under its own name. */
    Pod pod;

    ReplicaSetState(String name, String hash, Template template, long created, int revision) {
        this.name = name;
        this.hash = hash;
        this.template = template;
        this.created = created;
        this.revision = revision;
    }
}
