package io.flotilla.sim.kubernetes;

import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final Comparator<PodState> STORE_ORDER = Comparator.comparingLong(p -> p.storeOrder);

    private final ApiStore store;
    private final BiConsumer<String, List<ServiceEndpoint>> writer;
    /** The workloads to sync, in the order they were first touched, which is the order slices are written in. */
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Those of them whose endpoints may really differ; the others are synced for nothing and skipped. */
    private final Set<String> stale = new HashSet<>();
    /**
     * Per stale workload, the pods whose endpoint may differ, as the changes named them; a stale
     * workload without an entry may differ at any pod (node readiness), and is listed afresh.
     */
    private final Map<String, List<PodState>> changedPods = new HashMap<>();
    /**
     * Workloads to list afresh at their next sync whatever changes name them: a Node object was
     * replaced or deleted, which changes the node their pods read without naming the pods.
     */
    private final Set<String> relist = new HashSet<>();
    private long nodeObjectsSeen;
    private final Map<String, EndpointList> written = new HashMap<>();

    EndpointSliceController(ApiStore store, BiConsumer<String, List<ServiceEndpoint>> writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Something about the pod changed (its deletion, its removal, its readiness probe). */
    void podChanged(PodState p) {
        dirty.add(p.service);
        stale(p);
    }

    /**
     * A kubelet reported the pod; {@code endpointChanged} when the report changed what its endpoint
     * reads (its container ran, its Ready condition). A report that did not is still a sync of the
     * service, as upstream's pod update is, but one that finds nothing to write.
     */
    void podReported(PodState p, boolean endpointChanged) {
        dirty.add(p.service);
        if (endpointChanged) {
            stale(p);
        }
    }

    private void stale(PodState p) {
        if (stale.add(p.service)) {
            changedPods.put(p.service, new ArrayList<>());
        }
        List<PodState> changed = changedPods.get(p.service);
        if (changed != null) {
            changed.add(p);
        }
    }

    /** Nodes changed readiness: every pod's conditions may have. */
    void allChanged() {
        List<String> all = store.workloads();
        dirty.addAll(all);
        stale.addAll(all);
        all.forEach(changedPods::remove);
    }

    /** Whether {@link #sync} has nothing to do. */
    boolean idle() {
        return dirty.isEmpty();
    }

    /** Writes the slices that changed. */
    void sync() {
        if (dirty.isEmpty()) {
            return;
        }
        if (store.nodeObjectChanges() != nodeObjectsSeen) {
            nodeObjectsSeen = store.nodeObjectChanges();
            relist.addAll(store.workloads());
        }
        List<String> batch = new ArrayList<>(dirty);
        dirty.clear();
        for (String workload : batch) {
            if (!stale.remove(workload)) {
                continue; // nothing its endpoints read changed since they were last written
            }
            List<PodState> changed = changedPods.remove(workload);
            EndpointList before = written.getOrDefault(workload, EndpointList.EMPTY);
            Optional<EndpointList> now = relist.remove(workload) || changed == null
                    ? endpointsOf(workload, before)
                    : patched(before, changed);
            if (now.isPresent()) {
                written.put(workload, now.get());
                StatefulSetState set = store.statefulSets.get(workload);
                writer.accept(set == null ? workload : set.spec.service(), now.get());
            }
        }
    }

    /**
     * The workload's endpoints, when they differ from {@code before}, listed afresh from its pods.
     * Most syncs change nothing or little: the pods are compared with what was written first, and a
     * list is made only from the first difference on, sharing what lies before it. An endpoint that
     * reads as the one written for its pod is that same object, so that whoever reads the lists may
     * know an unchanged endpoint by identity.
     */
    private Optional<EndpointList> endpointsOf(String workload, EndpointList before) {
        EndpointList.Builder out = null;
        int i = 0;
        for (PodState p : store.podsOf(workload)) {
            if (p.node != null && p.ran) {
                boolean serving = p.isServing(store.nodeOf(p));
                boolean ready = serving && !p.deleting;
                if (out == null) {
                    if (i < before.size() && before.pod(i) == p && same(before.get(i), p, ready, serving)) {
                        i++;
                        continue;
                    }
                    out = before.startingWith(i);
                }
                // the endpoint written next, past those of pods no longer listed, may still be this pod's
                while (i < before.size() && before.pod(i) != p && !listed(before.pod(i))) {
                    i++;
                }
                if (i < before.size() && before.pod(i) == p && same(before.get(i), p, ready, serving)) {
                    out.add(before.get(i++), p);
                } else {
                    out.add(endpoint(p, ready, serving), p);
                    if (i < before.size() && before.pod(i) == p) {
                        i++;
                    }
                }
            }
        }
        if (out == null) {
            return i == before.size() ? Optional.empty() : Optional.of(before.startingWith(i).build());
        }
        return Optional.of(out.build()); // it differs from before where it was first made
    }

    /**
     * What {@link #endpointsOf} finds, when only the {@code changed} pods' endpoints may differ from
     * {@code before}: the others are taken as written, and only the changed pods are looked at, each
     * where store order puts it.
     */
    private Optional<EndpointList> patched(EndpointList before, List<PodState> changed) {
        changed.sort(STORE_ORDER);
        int i = before.firstFrom(changed.get(0).storeOrder);
        EndpointList.Builder out = before.startingWith(i);
        boolean differs = false;
        PodState last = null;
        for (PodState p : changed) {
            if (p == last) {
                continue;
            }
            last = p;
            while (i < before.size() && before.pod(i).storeOrder < p.storeOrder) {
                out.add(before.get(i), before.pod(i));
                i++;
            }
            ServiceEndpoint written = i < before.size() && before.pod(i) == p ? before.get(i++) : null;
            if (listed(p)) {
                boolean serving = p.isServing(store.nodeOf(p));
                boolean ready = serving && !p.deleting;
                if (written != null && same(written, p, ready, serving)) {
                    out.add(written, p);
                } else {
                    out.add(endpoint(p, ready, serving), p);
                    differs = true;
                }
            } else if (written != null) {
                differs = true;
            }
        }
        if (!differs) {
            return Optional.empty();
        }
        for (; i < before.size(); i++) {
            out.add(before.get(i), before.pod(i));
        }
        return Optional.of(out.build());
    }

    /** Whether the controller lists the pod: it is in the store, bound, and its container ran. */
    private boolean listed(PodState p) {
        return store.pods.get(p.id) == p && p.node != null && p.ran;
    }

    private static ServiceEndpoint endpoint(PodState p, boolean ready, boolean serving) {
        return new ServiceEndpoint(p.id, p.node, ready, serving, p.deleting,
                p.statefulSet == null ? Optional.empty() : Optional.of(p.slotName));
    }

    /** Whether the endpoint written is the pod's as it is now. */
    private static boolean same(ServiceEndpoint e, PodState p, boolean ready, boolean serving) {
        return e.pod().equals(p.id) && e.node().equals(p.node) && e.ready() == ready && e.serving() == serving
                && e.terminating() == p.deleting
                && e.hostname().equals(p.statefulSet == null ? Optional.empty() : Optional.of(p.slotName));
    }
}
