package io.flotilla.scenarios.model;

/** How a statefulset creates its pods: one by one in ordinal order, or all at once. */
public enum PodManagementPolicy {
    /** Ordinal n+1 is created only once ordinal n is running (Kubernetes' default). */
    ORDERED_READY,
    PARALLEL
}
