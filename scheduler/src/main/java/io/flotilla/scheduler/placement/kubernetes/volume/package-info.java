/**
 * Kubernetes storage as the scheduler and the controllers read it (upstream {@code
 * pkg/scheduler/framework/plugins/volumebinding} and {@code component-helpers/storage/volume}):
 * StorageClasses, PersistentVolumes and PersistentVolumeClaims as plain records, the {@link
 * io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder} the VolumeBinding plugin asks, and
 * {@link io.flotilla.scheduler.placement.kubernetes.volume.ClaimBinder}, upstream's {@code
 * volumeBinder} over a {@link io.flotilla.scheduler.placement.kubernetes.volume.VolumeCatalog} (the
 * API objects) with its assume caches: which bound claims a node can use, which available volume each
 * unbound claim would bind to, which claims would be provisioned there, and the writes that make
 * a decision real in PreBind; and the nodes' attach limits per CSI driver ({@link
 * io.flotilla.scheduler.placement.kubernetes.volume.VolumeLimits}) that NodeVolumeLimits reads.
 */
package io.flotilla.scheduler.placement.kubernetes.volume;
