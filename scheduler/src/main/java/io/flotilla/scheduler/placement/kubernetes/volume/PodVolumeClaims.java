package io.flotilla.scheduler.placement.kubernetes.volume;

import java.util.List;

/**
 * A pod's claims as upstream's {@code GetPodVolumeClaims} sorts them: bound (fully bound to a
 * volume), unbound with delayed binding (WaitForFirstConsumer, no volume named: the scheduler's to
 * bind or provision), and unbound immediate (Immediate binding, or pre-bound to a volume the PV
 * controller has not bound yet), which keep the pod from being scheduled at all.
 */
public record PodVolumeClaims(List<PersistentVolumeClaim> bound, List<PersistentVolumeClaim> unboundDelayBinding,
        List<PersistentVolumeClaim> unboundImmediate) {

    public PodVolumeClaims {
        bound = List.copyOf(bound);
        unboundDelayBinding = List.copyOf(unboundDelayBinding);
        unboundImmediate = List.copyOf(unboundImmediate);
    }
}
