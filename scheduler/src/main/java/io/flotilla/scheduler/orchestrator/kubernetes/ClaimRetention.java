package io.flotilla.scheduler.orchestrator.kubernetes;

/**
 * {@code spec.persistentVolumeClaimRetentionPolicy} (GA in 1.32): what becomes of a StatefulSet's
 * claims when the set is deleted ({@code whenDeleted}) or scaled down past their ordinal ({@code
 * whenScaled}). Both default to Retain: claims outlive their pods, and a pod created again for the
 * same ordinal mounts the same claim. The controller expresses Delete through owner references that
 * the garbage collector follows (upstream {@code updateClaimOwnerRefForSetAndPod}).
 */
public record ClaimRetention(Policy whenDeleted, Policy whenScaled) {

    public enum Policy {
        RETAIN,
        DELETE
    }

    public static final ClaimRetention RETAIN = new ClaimRetention(Policy.RETAIN, Policy.RETAIN);

    /** Who owns the claim of a pod, and so takes it along when it is deleted. */
    public enum Owner {
        /** Nobody: the claim stays until deleted by hand. */
        NONE,
        /** The StatefulSet ({@code whenDeleted: Delete} and the pod is in range). */
        SET,
        /** The pod ({@code whenScaled: Delete} and the pod is condemned by a scale-down). */
        POD
    }

    /** Upstream {@code updateClaimOwnerRefForSetAndPod}: the owner of the claims of an ordinal. */
    public Owner owner(int ordinal, int replicas) {
        boolean scaledDown = ordinal >= replicas;
        if (whenScaled == Policy.DELETE && scaledDown) {
            return Owner.POD;
        }
        return whenDeleted == Policy.DELETE ? Owner.SET : Owner.NONE;
    }
}
