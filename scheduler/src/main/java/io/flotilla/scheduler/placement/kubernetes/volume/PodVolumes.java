package io.flotilla.scheduler.placement.kubernetes.volume;

import java.util.List;

/**
 * What binding a pod's claims on one node takes (upstream {@code PodVolumes}): claims to bind to
 * existing volumes ({@code staticBindings}) and claims to provision there ({@code dynamicProvisions}).
 */
public record PodVolumes(List<StaticBinding> staticBindings, List<PersistentVolumeClaim> dynamicProvisions) {

    public static final PodVolumes NONE = new PodVolumes(List.of(), List.of());

    /** A claim and the available volume it would bind to (upstream {@code BindingInfo}). */
    public record StaticBinding(PersistentVolumeClaim claim, PersistentVolume volume) {}

    public PodVolumes {
        staticBindings = List.copyOf(staticBindings);
        dynamicProvisions = List.copyOf(dynamicProvisions);
    }

    public boolean isEmpty() {
        return staticBindings.isEmpty() && dynamicProvisions.isEmpty();
    }
}
