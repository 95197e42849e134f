package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/**
 * Kubernetes strategy: the provisioner made a PersistentVolume for a claim ({@code ProvisioningSucceeded}),
 * on {@code node} for a local class, or for network storage usable where {@code topology} says
 * ({@code zone in [a]}, or {@code any node}); {@code binding} is the class's binding mode, which
 * decided when (at once for Immediate, at the first pod's scheduling for WaitForFirstConsumer).
 */
public record VolumeProvisioned(String volume, String claim, String storageClass, String binding, String node,
        String topology, String message) implements Event {
    @Override
    public String type() {
        return "volume.provision";
    }
}
