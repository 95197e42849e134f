package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import io.flotilla.scheduler.placement.kubernetes.volume.BindingMode;
import io.flotilla.scheduler.placement.kubernetes.volume.ClaimBinder;
import io.flotilla.scheduler.placement.kubernetes.volume.FakeVolumes;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.placement.kubernetes.volume.StorageClass;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeBinder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go}
 * (TestVolumeBinding), by name, with the same PreFilter and Filter statuses. The capacity-scoring
 * cases ("local volumes with close capacity are preferred" and the like) need the alpha
 * VolumeCapacityPriority gate and are left out.
 */
class VolumeBindingTest {

    static final String WAIT_SC = "wait-sc";
    static final String IMMEDIATE_SC = "immediate-sc";

    static PersistentVolumeClaim pvc(String name, String cls) {
        return PersistentVolumeClaim.pending(Pod.DEFAULT_NAMESPACE, name, cls, 0);
    }

    static PersistentVolume pv(String name, String cls) {
        return PersistentVolume.available(name, cls, 0, Optional.empty());
    }

    record Case(String name, Pod pod, KubeNode node, List<PersistentVolumeClaim> pvcs, List<PersistentVolume> pvs,
            Status wantPreFilter, Status wantFilter) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        KubeNode nodeA = node("node-a").build();
        Pod podA = Pod.builder("pod-a").volumeClaim("pvc-a").build();
        Status ok = Status.SUCCESS;
        return Stream.of(
                new Case("pod has not pvcs", Pod.builder("pod-a").build(), nodeA, List.of(), List.of(), ok, ok),
                new Case("all bound", podA, nodeA, List.of(pvc("pvc-a", WAIT_SC).boundTo("pv-a")),
                        List.of(pv("pv-a", WAIT_SC)), ok, ok),
                new Case("PVC does not exist", podA, nodeA, List.of(), List.of(),
                        Status.unresolvable("persistentvolumeclaim \"pvc-a\" not found"), null),
                new Case("Part of PVCs do not exist", Pod.builder("pod-a").volumeClaim("pvc-a").volumeClaim("pvc-b").build(),
                        nodeA, List.of(pvc("pvc-a", WAIT_SC).boundTo("pv-a")), List.of(),
                        Status.unresolvable("persistentvolumeclaim \"pvc-b\" not found"), null),
                new Case("immediate claims not bound", podA, nodeA, List.of(pvc("pvc-a", IMMEDIATE_SC)), List.of(),
                        Status.unresolvable(VolumeBinder.ERR_REASON_UNBOUND_IMMEDIATE), null),
                new Case("unbound claims no matches", podA, nodeA, List.of(pvc("pvc-a", WAIT_SC)), List.of(), ok,
                        Status.unresolvable(VolumeBinder.ERR_REASON_BIND_CONFLICT)),
                new Case("bound and unbound unsatisfied", Pod.builder("pod-a").volumeClaim("pvc-a").volumeClaim("pvc-b").build(),
                        node("node-a").label("foo", "barbar").build(),
                        List.of(pvc("pvc-a", WAIT_SC).boundTo("pv-a"), pvc("pvc-b", WAIT_SC)),
                        List.of(PersistentVolume.available("pv-a", WAIT_SC, 0,
                                Optional.of(List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in("foo", "bar")))))),
                        ok, Status.unresolvable(VolumeBinder.ERR_REASON_NODE_CONFLICT, VolumeBinder.ERR_REASON_BIND_CONFLICT)),
                new Case("pvc not found", podA, nodeA, List.of(), List.of(),
                        Status.unresolvable("persistentvolumeclaim \"pvc-a\" not found"), null),
                new Case("pv not found", podA, nodeA, List.of(pvc("pvc-a", WAIT_SC).boundTo("pv-a")), List.of(), ok,
                        Status.unresolvable(VolumeBinder.ERR_REASON_PV_NOT_EXIST)),
                new Case("pv not found claim lost", podA, nodeA,
                        List.of(pvc("pvc-a", WAIT_SC).boundTo("pv-a").withPhase(PersistentVolumeClaim.Phase.LOST)), List.of(),
                        Status.unresolvable("persistentvolumeclaim \"pvc-a\" bound to non-existent persistentvolume \"pv-a\""),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void volumeBinding(Case c) {
        FakeVolumes api = new FakeVolumes()
                .add(new StorageClass(IMMEDIATE_SC, "", BindingMode.IMMEDIATE, List.of()))
                .add(new StorageClass(WAIT_SC, "", BindingMode.WAIT_FOR_FIRST_CONSUMER, List.of()));
        c.pvcs.forEach(api::add);
        c.pvs.forEach(api::add);
        VolumeBinding plugin = new VolumeBinding(new ClaimBinder(api, api));
        Cache cluster = Harness.cluster(List.of(c.node), List.of());
        Status got = Harness.filter(plugin, cluster, c.pod, c.node.name());
        assertEquals(c.wantFilter == null ? c.wantPreFilter : c.wantFilter, got);
    }
}
