package io.flotilla.sim.storage;

import io.flotilla.scheduler.storage.VolumeSpec;
import java.util.List;

/** The volumes a run declares at the start, and who attaches network volumes to nodes. */
public record StorageSetup(List<VolumeSpec> volumes, Attachment attachment) {

    /** No volumes; network volumes, if a control plane declares any, attach on mount. */
    public static final StorageSetup NONE = new StorageSetup(List.of(), Attachment.ON_MOUNT);

    public StorageSetup {
        volumes = List.copyOf(volumes);
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
