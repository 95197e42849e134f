package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.scheduler.storage.VolumeSpec;

/**
 * A compose named volume (top-level {@code volumes}). Driver {@code local}: one volume of this name
 * on each node, made where a task first mounts it. Any other driver is a volume plugin: one copy on
 * network storage, attachable from any node that lists the plugin. {@code sizeBytes} is how much of
 * its node's disk a local volume takes (an extension; 0 by default).
 */
public record VolumeDecl(String name, String driver, long sizeBytes, SourcePos pos) {

    public boolean local() {
        return driver.equals(VolumeMount.LOCAL);
    }

    /** The volume as the storage model declares it. */
    public VolumeSpec spec() {
        return (local() ? VolumeSpec.local(name) : VolumeSpec.network(name, driver)).withSize(sizeBytes);
    }
}
