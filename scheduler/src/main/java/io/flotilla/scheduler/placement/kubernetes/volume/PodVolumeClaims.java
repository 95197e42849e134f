package io.flotilla.scheduler.placement.kubernetes.volume;

import java.util.List;
import java.util.Map;

/**
 * A pod's claims as upstream's {@code GetPodVolumeClaims} sorts them: bound (fully bound to a
 * volume), unbound with delayed binding (WaitForFirstConsumer, no volume named: the scheduler's to
 * bind or provision), and unbound immediate (Immediate binding, or pre-bound to a volume the PV
 * controller has not bound yet), which keep the pod from being scheduled at all. With them, as
 * upstream lists them once per pod ({@code unboundVolumesDelayBinding}), the volumes the delayed
 * claims may take, by storage class, in name order.
 */
public record PodVolumeClaims(List<PersistentVolumeClaim> bound, List<PersistentVolumeClaim> unboundDelayBinding,
        List<PersistentVolumeClaim> unboundImmediate, Map<String, List<PersistentVolume>> unboundVolumesDelayBinding) {

    public static final PodVolumeClaims NONE = new PodVolumeClaims(List.of(), List.of(), List.of(), Map.of());

    public PodVolumeClaims {
        bound = List.copyOf(bound);
        unboundDelayBinding = List.copyOf(unboundDelayBinding);
        unboundImmediate = List.copyOf(unboundImmediate);
        unboundVolumesDelayBinding = Map.copyOf(unboundVolumesDelayBinding);
    }
}
