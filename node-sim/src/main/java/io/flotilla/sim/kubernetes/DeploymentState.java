package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.orchestrator.kubernetes.PodTemplateHash;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A Deployment: the service's spec, its pod inputs, its ReplicaSets oldest first, and rollout
 * bookkeeping. A global service is a DaemonSet, whose "ReplicaSets" are its revisions (templates).
 */
final class DeploymentState {

    ServiceSpec spec;
    KubernetesPodSpec inputs;
    /** Bumped by a forced update, as {@code kubectl rollout restart} stamps the template. */
    int restartedAt;
    /** The deployment's generation as events show it (1 at creation, +1 per template change). */
    int version = 1;
    boolean rollingOut;
    /** {@code status.collisionCount}: raised when the template's hash is another template's; empty until then. */
    OptionalInt collisionCount = OptionalInt.empty();
    final List<ReplicaSetState> replicaSets = new ArrayList<>();

    DeploymentState(ServiceSpec spec, KubernetesPodSpec inputs) {
        this.spec = spec;
        this.inputs = inputs;
    }

    String name() {
        return spec.name();
    }

    boolean isDaemonSet() {
        return spec.mode() == ServiceMode.GLOBAL;
    }

    int replicas() {
        return spec.replicas();
    }

    ReplicaSetState.Template template() {
        return new ReplicaSetState.Template(spec.task(), inputs, restartedAt);
    }

    /**
     * The hash a new ReplicaSet (or DaemonSet revision) of the current template is named and
     * labelled with, one no other ReplicaSet of the deployment has ({@link PodTemplateHash#unique}).
     * The template is printed whole, as upstream's {@code DeepHashObject} prints its Go struct, with
     * the {@code app} label every pod of the workload carries.
     */
    String newTemplateHash() {
        PodTemplateHash.Unique unique = PodTemplateHash.unique(
                ModelTranslation.APP_LABEL + "=" + name() + " " + template(), collisionCount, this::hashTaken);
        collisionCount = unique.collisionCount();
        return unique.hash();
    }

    private boolean hashTaken(String hash) {
        for (ReplicaSetState rs : replicaSets) {
            if (rs.hash.equals(hash)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The RollingUpdate strategy the service's {@code update_config} maps to: only parallelism and
     * order have an equivalent. Swarmkit's defaults (parallelism 1, stop-first), written or not, get
     * Kubernetes' default 25%/25%; otherwise start-first surges {@code parallelism} pods and
     * stop-first takes {@code parallelism} down (parallelism 0, all at once, is 100%).
     */
    RolloutMath.Strategy strategy() {
        UpdateConfig c = spec.update();
        if (c.parallelism() == UpdateConfig.DEFAULT.parallelism() && c.order() == UpdateConfig.DEFAULT.order()) {
            return RolloutMath.Strategy.DEFAULT;
        }
        RolloutMath.IntOrPercent batch = c.parallelism() == 0
                ? RolloutMath.IntOrPercent.percent(100)
                : RolloutMath.IntOrPercent.of(c.parallelism());
        RolloutMath.IntOrPercent none = RolloutMath.IntOrPercent.of(0);
        return c.order() == UpdateConfig.Order.START_FIRST
                ? new RolloutMath.Strategy(batch, none)
                : new RolloutMath.Strategy(none, batch);
    }

    int maxSurge() {
        return RolloutMath.maxSurge(strategy(), replicas());
    }
}
