package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.KubernetesPodSpec;
import io.flotilla.scheduler.placement.kubernetes.PodInputs;

/** A workload's {@code kubernetes} key as the simulated control plane takes it. */
public final class KubernetesPods {

    private KubernetesPods() {}

    public static PodInputs of(KubernetesPodSpec spec) {
        if (spec.equals(KubernetesPodSpec.NONE)) {
            return PodInputs.NONE;
        }
        return new PodInputs(spec.labels(), spec.priority(), spec.preemptionPolicy(), spec.nodeSelector(),
                spec.nodeAffinity(), spec.podAffinity(), spec.podAntiAffinity(), spec.tolerations(),
                spec.topologySpreadConstraints());
    }
}
