package io.flotilla.scheduler.placement.kubernetes.volume;

/**
 * The API writes of the scheduler's PreBind (upstream {@code bindAPIUpdate}): a volume pre-bound to
 * a claim, or a claim annotated with the node selected for provisioning. The PV controller and the
 * provisioner react to them; PreBind then reads the outcome back from the {@link VolumeCatalog}.
 */
public interface VolumeWrites {

    /** Writes the volume with its new {@code claimRef}. */
    void updateVolume(PersistentVolume volume);

    /** Writes the claim with its {@code volume.kubernetes.io/selected-node} annotation. */
    void updateClaim(PersistentVolumeClaim claim);

    /** Writes that go nowhere, for a scheduler that only explains. */
    VolumeWrites NONE = new VolumeWrites() {
        @Override
        public void updateVolume(PersistentVolume volume) {}

        @Override
        public void updateClaim(PersistentVolumeClaim claim) {}
    };
}
