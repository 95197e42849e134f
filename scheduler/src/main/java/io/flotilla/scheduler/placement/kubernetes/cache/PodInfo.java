package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.PodAffinity;
import io.flotilla.scheduler.placement.kubernetes.PodAffinityTerm;
import io.flotilla.scheduler.placement.kubernetes.ResourceNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pod with what the plugins derive from it once (upstream {@code framework.PodInfo} plus the
 * request helpers): its requests as the Filter counts them, its non-zero requests as scoring counts
 * them, and its affinity terms resolved. While bound it also knows its node and its bind sequence,
 * which stands for its start time; only the {@link Cache} sets those.
 */
public final class PodInfo {

    private final Pod pod;
    private final String key;
    private final Map<String, String> labels;
    /** Real requests: max(sum of containers, largest init container), per resource. */
    private final long milliCpu;
    private final long memory;
    private final long ephemeralStorage;
    private final SortedMap<String, Long> extended;
    private final boolean hasExtended;
    /** The same with 100m / 200Mi for every container that names no cpu / memory request. */
    private final long nonZeroMilliCpu;
    private final long nonZeroMemory;
    private final List<AffinityTerm> requiredAffinity;
    private final List<AffinityTerm> requiredAntiAffinity;
    private final List<AffinityTerm> preferredAffinity;
    private final List<AffinityTerm> preferredAntiAffinity;
    /** Normalised image names of the init and app containers, in that order. */
    private final List<String> images;

    NodeInfo node;
    long sequence;

    public PodInfo(Pod pod) {
        this.pod = pod;
        this.key = pod.key();
        this.labels = Collections.unmodifiableMap(new HashMap<>(pod.labels()));
        this.milliCpu = request(pod, ResourceNames.CPU, -1);
        this.memory = request(pod, ResourceNames.MEMORY, -1);
        this.ephemeralStorage = request(pod, ResourceNames.EPHEMERAL_STORAGE, -1);
        this.nonZeroMilliCpu = request(pod, ResourceNames.CPU, ResourceNames.DEFAULT_MILLI_CPU_REQUEST);
        this.nonZeroMemory = request(pod, ResourceNames.MEMORY, ResourceNames.DEFAULT_MEMORY_REQUEST);
        TreeMap<String, Long> ext = new TreeMap<>();
        for (List<Container> list : List.of(pod.containers(), pod.initContainers())) {
            for (Container c : list) {
                for (String name : c.requests().keySet()) {
                    if (ResourceNames.isExtended(name)) {
                        ext.put(name, request(pod, name, -1));
                    }
                }
            }
        }
        ext.values().removeIf(v -> v == 0);
        this.hasExtended = !ext.isEmpty();
        this.extended = hasExtended ? Collections.unmodifiableSortedMap(ext) : Collections.emptySortedMap();
        String ns = pod.namespace();
        this.requiredAffinity = resolve(pod.podAffinity().required(), ns);
        this.requiredAntiAffinity = resolve(pod.podAntiAffinity().required(), ns);
        this.preferredAffinity = resolveWeighted(pod.podAffinity().preferred(), ns);
        this.preferredAntiAffinity = resolveWeighted(pod.podAntiAffinity().preferred(), ns);
        List<String> imgs = new ArrayList<>();
        pod.initContainers().forEach(c -> imgs.add(KubeNode.normalizedImageName(c.image())));
        pod.containers().forEach(c -> imgs.add(KubeNode.normalizedImageName(c.image())));
        this.images = List.copyOf(imgs);
    }

    /**
     * Upstream {@code resource.PodRequests} for one resource: the sum over the app containers, or the
     * largest init container if that is more. {@code defaultIfMissing} &ge; 0 stands in for a missing
     * request (the non-zero scoring defaults); pod overhead is not modelled.
     */
    private static long request(Pod pod, String resource, long defaultIfMissing) {
        long sum = 0;
        for (Container c : pod.containers()) {
            sum += containerRequest(c, resource, defaultIfMissing);
        }
        long maxInit = 0;
        for (Container c : pod.initContainers()) {
            maxInit = Math.max(maxInit, containerRequest(c, resource, defaultIfMissing));
        }
        return Math.max(sum, maxInit);
    }

    private static long containerRequest(Container c, String resource, long defaultIfMissing) {
        Long v = c.requests().get(resource);
        if (v != null) {
            return v;
        }
        return defaultIfMissing >= 0 ? defaultIfMissing : 0;
    }

    private static List<AffinityTerm> resolve(List<PodAffinityTerm> terms, String ns) {
        List<AffinityTerm> out = new ArrayList<>(terms.size());
        for (PodAffinityTerm t : terms) {
            out.add(AffinityTerm.resolve(t, ns, 0));
        }
        return List.copyOf(out);
    }

    private static List<AffinityTerm> resolveWeighted(List<PodAffinity.Weighted> terms, String ns) {
        List<AffinityTerm> out = new ArrayList<>(terms.size());
        for (PodAffinity.Weighted t : terms) {
            out.add(AffinityTerm.resolve(t.term(), ns, t.weight()));
        }
        return List.copyOf(out);
    }

    public Pod pod() {
        return pod;
    }

    /** {@code namespace/name}. */
    public String key() {
        return key;
    }

    public Map<String, String> labels() {
        return labels;
    }

    /** The real cpu request in millicores: max(sum of containers, largest init container). */
    public long milliCpu() {
        return milliCpu;
    }

    public long memory() {
        return memory;
    }

    public long ephemeralStorage() {
        return ephemeralStorage;
    }

    /** The non-zero extended resource requests, by name. */
    public SortedMap<String, Long> extended() {
        return extended;
    }

    public boolean hasExtended() {
        return hasExtended;
    }

    /** The cpu request as scoring counts it: 100m for every container that names none. */
    public long nonZeroMilliCpu() {
        return nonZeroMilliCpu;
    }

    /** The memory request as scoring counts it: 200 MiB for every container that names none. */
    public long nonZeroMemory() {
        return nonZeroMemory;
    }

    public List<AffinityTerm> requiredAffinity() {
        return requiredAffinity;
    }

    public List<AffinityTerm> requiredAntiAffinity() {
        return requiredAntiAffinity;
    }

    public List<AffinityTerm> preferredAffinity() {
        return preferredAffinity;
    }

    public List<AffinityTerm> preferredAntiAffinity() {
        return preferredAntiAffinity;
    }

    /** Normalised image names of the init and app containers, in that order. */
    public List<String> images() {
        return images;
    }

    /** The node the pod is bound to; empty while it is not. */
    public Optional<NodeInfo> node() {
        return Optional.ofNullable(node);
    }

    public boolean isBound() {
        return node != null;
    }

    /** The bind sequence, which stands for the start time: a pod bound earlier has a smaller one. */
    public long sequence() {
        return sequence;
    }

    /** Real request of one resource by name. */
    public long requestOf(String resource) {
        return switch (resource) {
            case ResourceNames.CPU -> milliCpu;
            case ResourceNames.MEMORY -> memory;
            case ResourceNames.EPHEMERAL_STORAGE -> ephemeralStorage;
            default -> extended.getOrDefault(resource, 0L);
        };
    }

    /** Whether this pod, once bound, can change another pod's InterPodAffinity score. */
    boolean hasScoringTerms() {
        return !requiredAffinity.isEmpty() || !preferredAffinity.isEmpty() || !preferredAntiAffinity.isEmpty();
    }

    @Override
    public String toString() {
        return key;
    }
}
