package io.flotilla.sim.storage;

import io.flotilla.scheduler.storage.Replication;
import io.flotilla.scheduler.storage.VolumeSpec;
import java.util.List;

/**
 * The volumes a run declares at the start, who attaches network volumes to nodes, and the
 * statefulsets whose application replicates its data between ordinals.
 */
public record StorageSetup(List<VolumeSpec> volumes, Attachment attachment, List<Replication> replications) {

    /** No volumes; network volumes, if a control plane declares any, attach on mount. */
    public static final StorageSetup NONE = new StorageSetup(List.of(), Attachment.ON_MOUNT);

    public StorageSetup {
        volumes = List.copyOf(volumes);
        replications = List.copyOf(replications);
    }

    /** No replicated statefulsets. */
    public StorageSetup(List<VolumeSpec> volumes, Attachment attachment) {
        this(volumes, attachment, List.of());
    }

    /** How a network volume comes to a node. */
    public enum Attachment {
        /**
         * Docker's volume plugins: the mount attaches the volume, and a volume no task uses any more
         * (its task stopped, or its node died) is taken over by a mount on another node.
         */
        ON_MOUNT,
        /** A controller attaches and detaches (Kubernetes' attach/detach controller); a mount only uses an attached volume or a detached one. */
        CONTROLLER
    }
}
