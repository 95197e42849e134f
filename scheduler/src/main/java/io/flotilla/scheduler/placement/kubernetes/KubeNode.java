package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Kubernetes scheduler reads of a node: labels, taints, {@code spec.unschedulable}
 * (cordoned), {@code status.allocatable} keyed by {@link ResourceNames}, and the images already
 * pulled with their sizes in bytes. Image names are normalised as upstream does: a name without a
 * tag gets {@code :latest}.
 */
public record KubeNode(
        String name,
        SortedMap<String, String> labels,
        List<Taint> taints,
        boolean unschedulable,
        SortedMap<String, Long> allocatable,
        SortedMap<String, Long> images) {

    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    public static final String REGION_LABEL = "topology.kubernetes.io/region";

    public KubeNode {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        taints = List.copyOf(taints);
        allocatable = Collections.unmodifiableSortedMap(new TreeMap<>(allocatable));
        TreeMap<String, Long> normalized = new TreeMap<>();
        images.forEach((image, size) -> normalized.put(normalizedImageName(image), size));
        images = Collections.unmodifiableSortedMap(normalized);
    }

    public long allocatable(String resource) {
        return allocatable.getOrDefault(resource, 0L);
    }

    public KubeNode withLabel(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(labels);
        copy.put(key, value);
        return new KubeNode(name, copy, taints, unschedulable, allocatable, images);
    }

    public KubeNode withTaints(List<Taint> newTaints) {
        return new KubeNode(name, labels, newTaints, unschedulable, allocatable, images);
    }

    public KubeNode withUnschedulable(boolean value) {
        return new KubeNode(name, labels, taints, value, allocatable, images);
    }

    /** This node with these images (names normalised) instead of its own. */
    public KubeNode withImages(Map<String, Long> newImages) {
        return new KubeNode(name, labels, taints, unschedulable, allocatable, new TreeMap<>(newImages));
    }

    /** Upstream {@code normalizedImageName}: a name whose last segment has no tag gets {@code :latest}. */
    public static String normalizedImageName(String name) {
        return name.lastIndexOf(':') <= name.lastIndexOf('/') ? name + ":latest" : name;
    }

    /**
     * A node named {@code name} with only the hostname label and {@value ResourceNames#DEFAULT_MAX_PODS}
     * allocatable pods; add the rest fluently.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Fluent construction for tests, benchmarks and the scenario runner. */
    public static final class Builder {
        private final String name;
        private final TreeMap<String, String> labels = new TreeMap<>();
        private final List<Taint> taints = new ArrayList<>();
        private boolean unschedulable;
        private final TreeMap<String, Long> allocatable = new TreeMap<>();
        private final TreeMap<String, Long> images = new TreeMap<>();

        private Builder(String name) {
            this.name = name;
            labels.put(HOSTNAME_LABEL, name);
            allocatable.put(ResourceNames.PODS, ResourceNames.DEFAULT_MAX_PODS);
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** Drops a label, the hostname label included (upstream tests use nodes without it). */
        public Builder withoutLabel(String key) {
            labels.remove(key);
            return this;
        }

        public Builder taint(Taint taint) {
            taints.add(taint);
            return this;
        }

        public Builder unschedulable() {
            unschedulable = true;
            return this;
        }

        public Builder cpu(long milliCpu) {
            allocatable.put(ResourceNames.CPU, milliCpu);
            return this;
        }

        public Builder memory(long bytes) {
            allocatable.put(ResourceNames.MEMORY, bytes);
            return this;
        }

        public Builder allocatable(String resource, long amount) {
            allocatable.put(resource, amount);
            return this;
        }

        public Builder image(String image, long sizeBytes) {
            images.put(image, sizeBytes);
            return this;
        }

        public KubeNode build() {
            return new KubeNode(name, labels, taints, unschedulable, allocatable, images);
        }
    }
}
