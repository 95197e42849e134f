package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.scheduler.storage.VolumeSpec;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A compose named volume (top-level {@code volumes}). Driver {@code local}: one volume of this name
 * on each node, made where a task first mounts it. Any other driver is a volume plugin: one copy on
 * network storage, attachable from any node that lists the plugin. {@code sizeBytes} is how much of
 * its node's disk a local volume takes (an extension; 0 by default). {@code labels} are compose's,
 * for tracking: {@code docker stack deploy} puts them in each mount's {@code VolumeOptions.Labels},
 * and a {@code volume_prune}'s label filter picks volumes by them.
 */
public record VolumeDecl(String name, String driver, long sizeBytes, SourcePos pos, SortedMap<String, String> labels) {

    public VolumeDecl {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** A volume without labels. */
    public VolumeDecl(String name, String driver, long sizeBytes, SourcePos pos) {
        this(name, driver, sizeBytes, pos, new TreeMap<>());
    }

    /**
     * Whether a {@code --filter label=KEY} or {@code label=KEY=VALUE} (as {@code filter} writes it)
     * picks this volume: it has the key, with that value when one is given.
     */
    public boolean matches(String filter) {
        int eq = filter.indexOf('=');
        String key = eq < 0 ? filter : filter.substring(0, eq);
        return labels.containsKey(key) && (eq < 0 || labels.get(key).equals(filter.substring(eq + 1)));
    }

    public boolean local() {
        return driver.equals(VolumeMount.LOCAL);
    }

    /** The volume as the storage model declares it. */
    public VolumeSpec spec() {
        return (local() ? VolumeSpec.local(name) : VolumeSpec.network(name, driver)).withSize(sizeBytes);
    }
}
