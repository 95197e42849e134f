package io.flotilla.scheduler.placement.kubernetes.volume;

/** A StorageClass's {@code volumeBindingMode}. */
public enum BindingMode {
    /** Claims bind (or are provisioned) as soon as they exist, before any pod uses them. */
    IMMEDIATE,
    /** Claims wait for the first pod that uses them; the scheduler picks the node and the volume with it. */
    WAIT_FOR_FIRST_CONSUMER
}
