package io.flotilla.sim.kubernetes;

import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The EndpointSlice controller: every workload has a Service selecting its pods ({@code app:
 * <service>}), and the controller lists each of them that has an address, that is a pod bound to a
 * node whose container has started, with upstream's conditions: {@code serving} is the pod's Ready
 * condition (running, readiness probe passing, node Ready: the node lifecycle controller marks a
 * NotReady or Unknown node's pods not ready), {@code terminating} its deletion, and {@code ready}
 * serving and not terminating. So a dead node's pods leave the ready endpoints only when the node
 * goes Unknown, about 50s after its last status. A pod is dropped from the list when its object is
 * removed. Slices are written only when their content changes, all of a Service's slices as one list.
 * A StatefulSet's pods are listed under its headless Service ({@code service}), each with its name as
 * its hostname, so that the cluster DNS answers {@code db-0.db}.
 */
final class EndpointSliceController {

    private final ApiStore store;
    private final BiConsumer<String, List<ServiceEndpoint>> writer;
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, List<ServiceEndpoint>> written = new HashMap<>();

    EndpointSliceController(ApiStore store, BiConsumer<String, List<ServiceEndpoint>> writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Something about one of the service's pods changed. */
    void podChanged(String service) {
        dirty.add(service);
    }

    /** Nodes changed readiness: every pod's conditions may have. */
    void allChanged() {
        dirty.addAll(store.workloads());
    }

    /** Writes the slices that changed. */
    void sync() {
        if (dirty.isEmpty()) {
            return;
        }
        List<String> batch = new ArrayList<>(dirty);
        dirty.clear();
        for (String workload : batch) {
            List<ServiceEndpoint> now = endpointsOf(workload);
            if (!now.equals(written.getOrDefault(workload, List.of()))) {
                written.put(workload, now);
                StatefulSetState set = store.statefulSets.get(workload);
                writer.accept(set == null ? workload : set.spec.service(), now);
            }
        }
    }

    private List<ServiceEndpoint> endpointsOf(String workload) {
        List<ServiceEndpoint> out = new ArrayList<>();
        for (PodState p : store.podsOf(workload)) {
            if (p.node != null && p.ran) {
                NodeState node = store.nodes.get(p.node);
                boolean serving = p.isServing(node);
                out.add(new ServiceEndpoint(p.id, p.node, serving && !p.deleting, serving, p.deleting,
                        p.statefulSet == null ? Optional.empty() : Optional.of(p.slotName)));
            }
        }
        return out;
    }
}
