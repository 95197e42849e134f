package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.StatefulSetSpec;
import io.flotilla.scheduler.orchestrator.kubernetes.PodTemplateHash;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetControl;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A StatefulSet: its spec, its pods' Kubernetes inputs, its revisions (upstream's ControllerRevisions,
 * kept as {@link ReplicaSetState}s as a DaemonSet's are, named {@code <set>-<hash>}), the current
 * revision (what pods below the partition run) and the update revision (the template now), and how
 * many pods of each name the run has seen (for their ids).
 */
final class StatefulSetState {

    StatefulSetSpec spec;
    KubernetesPodSpec inputs;
    /** Bumped by a forced update, as {@code kubectl rollout restart} stamps the template. */
    int restartedAt;
    /** The set's generation as events show it (1 at creation, +1 per template change). */
    int version = 1;
    boolean rollingOut;
    /** The rolling update has reached the partition (said once, as {@code kubectl rollout status} says it). */
    boolean partitionedDone;
    OptionalInt collisionCount = OptionalInt.empty();
    final List<ReplicaSetState> revisions = new ArrayList<>();
    ReplicaSetState current;
    ReplicaSetState update;
    /** Pod creations refused in a row (the work queue's failure count for the set), and when it may try again. */
    int failedCreates;
    long retryCreatesAt;
    /** Pods created so far per ordinal. */
    final Map<Integer, Integer> incarnations = new HashMap<>();

    StatefulSetState(StatefulSetSpec spec, KubernetesPodSpec inputs) {
        this.spec = spec;
        this.inputs = inputs;
    }

    String name() {
        return spec.name();
    }

    ReplicaSetState.Template template() {
        return new ReplicaSetState.Template(spec.task(), inputs, restartedAt);
    }

    StatefulSetControl.Spec controlSpec() {
        StatefulSetControl.Policy policy = spec.podManagementPolicy() == StatefulSetSpec.PodManagementPolicy.PARALLEL
                ? StatefulSetControl.Policy.PARALLEL
                : StatefulSetControl.Policy.ORDERED_READY;
        return new StatefulSetControl.Spec(spec.replicas(), policy, spec.partition(), spec.onDelete());
    }

    /**
     * Upstream {@code getStatefulSetRevisions}: the revision of the current template, which becomes the
     * update revision (an older revision of the same template is taken back, renumbered the newest);
     * a new one when no revision has it. The current revision starts as the first update revision.
     */
    ReplicaSetState updateRevision(long now) {
        int newest = revisions.stream().mapToInt(r -> r.revision).max().orElse(0);
        ReplicaSetState found = null;
        for (ReplicaSetState r : revisions) {
            if (r.template.equals(template())) {
                found = r;
            }
        }
        if (found == null) {
            PodTemplateHash.Unique unique = PodTemplateHash.unique(
                    ModelTranslation.APP_LABEL + "=" + name() + " " + template(), collisionCount, this::hashTaken);
            collisionCount = unique.collisionCount();
            found = new ReplicaSetState(name() + "-" + unique.hash(), unique.hash(), template(), now, newest + 1);
            revisions.add(found);
        } else if (found.revision < newest) {
            found.revision = newest + 1;
        }
        update = found;
        if (current == null) {
            current = found;
        }
        return found;
    }

    private boolean hashTaken(String hash) {
        return revisions.stream().anyMatch(r -> r.hash.equals(hash));
    }

    /** The id of the next pod named {@code name} (ordinal {@code ordinal}): the name, then {@code name#2}, ... */
    String nextId(String name, int ordinal) {
        int n = incarnations.merge(ordinal, 1, Integer::sum);
        return n == 1 ? name : name + "#" + n;
    }
}
