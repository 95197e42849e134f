package io.flotilla.scheduler.placement.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Kubernetes scheduler reads of a pod. {@code nodeName} is {@code spec.nodeName} ("" when
 * unset); {@code volumeClaims} are the names of the PersistentVolumeClaims it mounts, which only the
 * {@link io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder} interprets. {@code ownerSelector} is the merged selector of the Services,
 * ReplicaSets and StatefulSets that select the pod (upstream {@code helper.DefaultSelector}); the
 * system default spread constraints apply only when it is present and not empty.
 *
 * <p>Build one with {@link #builder}; the model's tasks become pods through {@link ModelTranslation}.
 */
public record Pod(
        String namespace,
        String name,
        SortedMap<String, String> labels,
        int priority,
        PreemptionPolicy preemptionPolicy,
        String nodeName,
        SortedMap<String, String> nodeSelector,
        NodeAffinity nodeAffinity,
        PodAffinity podAffinity,
        PodAffinity podAntiAffinity,
        List<Toleration> tolerations,
        List<TopologySpreadConstraint> topologySpreadConstraints,
        List<Container> containers,
        List<Container> initContainers,
        List<HostPort> hostPorts,
        List<String> volumeClaims,
        Optional<LabelSelector> ownerSelector) {

    public static final String DEFAULT_NAMESPACE = "default";

    /** {@code spec.preemptionPolicy}. */
    public enum PreemptionPolicy {
        PREEMPT_LOWER_PRIORITY,
        NEVER
    }

    public Pod {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        // most pods have none: one shared empty map instead of two objects a pod
        nodeSelector = nodeSelector.isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(nodeSelector));
        tolerations = List.copyOf(tolerations);
        topologySpreadConstraints = List.copyOf(topologySpreadConstraints);
        containers = List.copyOf(containers);
        initContainers = List.copyOf(initContainers);
        hostPorts = List.copyOf(hostPorts);
        volumeClaims = List.copyOf(volumeClaims);
    }

    /**
     * Upstream {@code GetRequiredNodeAffinity(pod).Match(node)}: whether the node carries every
     * {@code nodeSelector} label and the required node affinity lets it in.
     */
    public boolean requiredNodeAffinityMatches(String nodeName, Map<String, String> nodeLabels) {
        for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
            if (!e.getValue().equals(nodeLabels.get(e.getKey()))) {
                return false;
            }
        }
        return nodeAffinity.requiredMatches(nodeName, nodeLabels);
    }

    /** The same pod under another name, as a controller's template makes each of its pods. */
    public Pod withName(String name) {
        return new Pod(namespace, name, labels, priority, preemptionPolicy, nodeName, nodeSelector, nodeAffinity,
                podAffinity, podAntiAffinity, tolerations, topologySpreadConstraints, containers, initContainers,
                hostPorts, volumeClaims, ownerSelector);
    }

    /** {@code namespace/name}, unique in a cluster. */
    public String key() {
        return namespace + "/" + name;
    }

    public static Builder builder(String name) {
        return new Builder(DEFAULT_NAMESPACE, name);
    }

    public static Builder builder(String namespace, String name) {
        return new Builder(namespace, name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(namespace, name);
        b.labels.putAll(labels);
        b.priority = priority;
        b.preemptionPolicy = preemptionPolicy;
        b.nodeName = nodeName;
        b.nodeSelector.putAll(nodeSelector);
        b.nodeAffinity = nodeAffinity;
        b.podAffinity = podAffinity;
        b.podAntiAffinity = podAntiAffinity;
        b.tolerations.addAll(tolerations);
        b.spread.addAll(topologySpreadConstraints);
        b.containers.addAll(containers);
        b.initContainers.addAll(initContainers);
        b.hostPorts.addAll(hostPorts);
        b.volumeClaims.addAll(volumeClaims);
        b.ownerSelector = ownerSelector;
        return b;
    }

    /** Fluent construction; every field starts as the API default (no containers, priority 0). */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private final TreeMap<String, String> labels = new TreeMap<>();
        private int priority;
        private PreemptionPolicy preemptionPolicy = PreemptionPolicy.PREEMPT_LOWER_PRIORITY;
        private String nodeName = "";
        private final TreeMap<String, String> nodeSelector = new TreeMap<>();
        private NodeAffinity nodeAffinity = NodeAffinity.NONE;
        private PodAffinity podAffinity = PodAffinity.NONE;
        private PodAffinity podAntiAffinity = PodAffinity.NONE;
        private final List<Toleration> tolerations = new ArrayList<>();
        private final List<TopologySpreadConstraint> spread = new ArrayList<>();
        private final List<Container> containers = new ArrayList<>();
        private final List<Container> initContainers = new ArrayList<>();
        private final List<HostPort> hostPorts = new ArrayList<>();
        private final List<String> volumeClaims = new ArrayList<>();
        private Optional<LabelSelector> ownerSelector = Optional.empty();

        private Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder priority(int value) {
            priority = value;
            return this;
        }

        public Builder preemptionPolicy(PreemptionPolicy value) {
            preemptionPolicy = value;
            return this;
        }

        public Builder nodeName(String value) {
            nodeName = value;
            return this;
        }

        public Builder nodeSelector(String key, String value) {
            nodeSelector.put(key, value);
            return this;
        }

        public Builder nodeAffinity(NodeAffinity value) {
            nodeAffinity = value;
            return this;
        }

        public Builder podAffinity(PodAffinity value) {
            podAffinity = value;
            return this;
        }

        public Builder podAntiAffinity(PodAffinity value) {
            podAntiAffinity = value;
            return this;
        }

        public Builder toleration(Toleration value) {
            tolerations.add(value);
            return this;
        }

        public Builder spread(TopologySpreadConstraint value) {
            spread.add(value);
            return this;
        }

        public Builder container(Container value) {
            containers.add(value);
            return this;
        }

        public Builder initContainer(Container value) {
            initContainers.add(value);
            return this;
        }

        /** Adds a container of {@code image} requesting {@code milliCpu} and {@code memoryBytes}. */
        public Builder request(long milliCpu, long memoryBytes) {
            containers.add(Container.of("c" + containers.size(), "")
                    .withRequest(ResourceNames.CPU, milliCpu)
                    .withRequest(ResourceNames.MEMORY, memoryBytes));
            return this;
        }

        public Builder hostPort(HostPort value) {
            hostPorts.add(value);
            return this;
        }

        public Builder volumeClaim(String claim) {
            volumeClaims.add(claim);
            return this;
        }

        public Builder ownerSelector(LabelSelector value) {
            ownerSelector = Optional.of(value);
            return this;
        }

        public Pod build() {
            return new Pod(namespace, name, labels, priority, preemptionPolicy, nodeName, nodeSelector, nodeAffinity,
                    podAffinity, podAntiAffinity, tolerations, spread, containers, initContainers, hostPorts,
                    volumeClaims, ownerSelector);
        }
    }
}
