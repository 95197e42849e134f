package io.flotilla.scheduler.placement.kubernetes.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/volumebinding/binder_test.go}
 * (TestFindPodVolumesWithoutProvisioning, TestFindPodVolumesWithProvisioning, TestAssumePodVolumes,
 * TestRevertAssumedPodVolumes, TestBindPodVolumes), by name, with the same fixtures: claims in
 * namespace {@code testns}, volumes pinned to {@code nodeKey=node1} or {@code node2}, sizes in
 * decimal ({@code 1G}) or binary ({@code 1Gi}) units as upstream writes them. The generic ephemeral,
 * CSI migration and CSIStorageCapacity cases have no counterpart here.
 */
class ClaimBinderTest {

    static final long G = 1_000_000_000L;
    static final long GI = 1L << 30;
    static final String NS = "testns";
    static final String NODE_KEY = "nodeKey";
    static final String WAIT = "waitClass";
    static final String IMMEDIATE = "immediateClass";
    static final String WAIT_PROVISIONER = "waitClassWithProvisioner";
    static final String TOPO_MISMATCH = "topoMismatchClass";

    static PersistentVolumeClaim unbound(String name, long size, String cls) {
        return PersistentVolumeClaim.pending(NS, name, cls, size);
    }

    static final PersistentVolumeClaim UNBOUND_PVC = unbound("unbound-pvc", G, WAIT);
    static final PersistentVolumeClaim UNBOUND_PVC2 = unbound("unbound-pvc2", 5 * G, WAIT);
    static final PersistentVolumeClaim PREBOUND_PVC = unbound("prebound-pvc", G, WAIT).preBoundTo("pv-node1a");
    static final PersistentVolumeClaim BOUND_PVC = unbound("bound-pvc", G, WAIT).boundTo("pv-bound");
    static final PersistentVolumeClaim IMMEDIATE_UNBOUND_PVC = unbound("immediate-unbound-pvc", G, IMMEDIATE);
    static final PersistentVolumeClaim IMMEDIATE_BOUND_PVC = unbound("immediate-bound-pvc", G, IMMEDIATE)
            .boundTo("pv-bound-immediate");
    static final PersistentVolumeClaim PROVISIONED_PVC = unbound("provisioned-pvc", GI, WAIT_PROVISIONER);
    static final PersistentVolumeClaim NO_PROVISIONER_PVC = unbound("no-provisioner-pvc", GI, WAIT);
    static final PersistentVolumeClaim TOPO_MISMATCH_PVC = unbound("topo-mismatch-pvc", GI, TOPO_MISMATCH);
    static final PersistentVolumeClaim SELECTED_NODE_PVC = unbound("provisioned-pvc", GI, WAIT_PROVISIONER)
            .withSelectedNode("node1");

    /** Upstream {@code makeTestPV}: pinned to {@code nodeKey=node}, Available, optionally claimed. */
    static PersistentVolume pv(String name, String node, long size, PersistentVolumeClaim boundTo, String cls) {
        return new PersistentVolume(name, cls, size,
                Optional.of(List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(NODE_KEY, node)))),
                Optional.ofNullable(boundTo).map(PersistentVolumeClaim::key), PersistentVolume.Phase.AVAILABLE);
    }

    static final PersistentVolume PV_NODE1A = pv("pv-node1a", "node1", 5 * G, null, WAIT);
    static final PersistentVolume PV_NODE1B = pv("pv-node1b", "node1", 10 * G, null, WAIT);
    static final PersistentVolume PV_NODE2 = pv("pv-node2", "node2", G, null, WAIT);
    static final PersistentVolume PV_BOUND = pv("pv-bound", "node1", G, BOUND_PVC, WAIT);
    static final PersistentVolume PV_NODE1A_BOUND = pv("pv-node1a", "node1", 5 * G, UNBOUND_PVC, WAIT);
    static final PersistentVolume PV_BOUND_IMMEDIATE = pv("pv-bound-immediate", "node1", G, IMMEDIATE_BOUND_PVC, IMMEDIATE);
    static final PersistentVolume PV_BOUND_IMMEDIATE_NODE2 = pv("pv-bound-immediate", "node2", G, IMMEDIATE_BOUND_PVC,
            IMMEDIATE);

    static final KubeNode NODE1 = KubeNode.builder("node1").label(NODE_KEY, "node1").build();

    /** Upstream {@code newTestBinder}'s storage classes. */
    static FakeVolumes classes() {
        return new FakeVolumes()
                .add(new StorageClass(WAIT_PROVISIONER, "test-provisioner", BindingMode.WAIT_FOR_FIRST_CONSUMER,
                        List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(NODE_KEY, "node1", "reference-value")))))
                .add(new StorageClass(IMMEDIATE, "", BindingMode.IMMEDIATE, List.of()))
                .add(new StorageClass(WAIT, StorageClass.NO_PROVISIONER, BindingMode.WAIT_FOR_FIRST_CONSUMER, List.of()))
                .add(new StorageClass(TOPO_MISMATCH, "test-provisioner", BindingMode.WAIT_FOR_FIRST_CONSUMER,
                        List.of(NodeSelectorTerm.of(NodeSelectorRequirement.in(NODE_KEY, "reference-value")))));
    }

    static Pod pod(List<PersistentVolumeClaim> claims) {
        Pod.Builder b = Pod.builder(NS, "test-pod").nodeName("node1");
        claims.forEach(c -> b.volumeClaim(c.name()));
        return b.build();
    }

    record Case(String name, List<PersistentVolume> pvs, List<PersistentVolumeClaim> podPvcs,
            List<PersistentVolumeClaim> cachePvcs, List<String> bindings, List<String> provisions, List<String> reasons,
            boolean shouldFail) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A case whose cache holds the pod's claims. */
    static Case c(String name, List<PersistentVolume> pvs, List<PersistentVolumeClaim> podPvcs, List<String> bindings,
            List<String> provisions, List<String> reasons, boolean shouldFail) {
        return new Case(name, pvs, podPvcs, podPvcs, bindings, provisions, reasons, shouldFail);
    }

    static Stream<Case> withoutProvisioning() {
        List<String> none = List.of();
        return Stream.of(
                c("no-volumes", List.of(), List.of(), none, none, none, false),
                new Case("pvc-not-found", List.of(), List.of(BOUND_PVC), List.of(), none, none, none, true),
                c("bound-pvc", List.of(PV_BOUND), List.of(BOUND_PVC), none, none, none, false),
                c("bound-pvc,pv-not-exists", List.of(), List.of(BOUND_PVC), none, none,
                        List.of(VolumeBinder.ERR_REASON_PV_NOT_EXIST), false),
                c("prebound-pvc", List.of(PV_NODE1A_BOUND), List.of(PREBOUND_PVC), none, none, none, true),
                c("unbound-pvc,pv-same-node", List.of(PV_NODE2, PV_NODE1A, PV_NODE1B), List.of(UNBOUND_PVC),
                        List.of("unbound-pvc -> pv-node1a"), none, none, false),
                c("unbound-pvc,pv-different-node", List.of(PV_NODE2), List.of(UNBOUND_PVC), none, none,
                        List.of(VolumeBinder.ERR_REASON_BIND_CONFLICT), false),
                c("two-unbound-pvcs", List.of(PV_NODE1A, PV_NODE1B), List.of(UNBOUND_PVC, UNBOUND_PVC2),
                        List.of("unbound-pvc -> pv-node1a", "unbound-pvc2 -> pv-node1b"), none, none, false),
                c("two-unbound-pvcs,order-by-size", List.of(PV_NODE1A, PV_NODE1B), List.of(UNBOUND_PVC2, UNBOUND_PVC),
                        List.of("unbound-pvc -> pv-node1a", "unbound-pvc2 -> pv-node1b"), none, none, false),
                c("two-unbound-pvcs,partial-match", List.of(PV_NODE1A), List.of(UNBOUND_PVC, UNBOUND_PVC2),
                        List.of("unbound-pvc -> pv-node1a"), none, List.of(VolumeBinder.ERR_REASON_BIND_CONFLICT), false),
                c("one-bound,one-unbound", List.of(PV_BOUND, PV_NODE1A), List.of(UNBOUND_PVC, BOUND_PVC),
                        List.of("unbound-pvc -> pv-node1a"), none, none, false),
                c("one-bound,one-unbound,no-match", List.of(PV_BOUND, PV_NODE2), List.of(UNBOUND_PVC, BOUND_PVC), none, none,
                        List.of(VolumeBinder.ERR_REASON_BIND_CONFLICT), false),
                c("one-prebound,one-unbound", List.of(PV_NODE1A, PV_NODE1B), List.of(UNBOUND_PVC, PREBOUND_PVC), none, none,
                        none, true),
                c("immediate-bound-pvc", List.of(PV_BOUND_IMMEDIATE), List.of(IMMEDIATE_BOUND_PVC), none, none, none, false),
                c("immediate-bound-pvc-wrong-node", List.of(PV_BOUND_IMMEDIATE_NODE2), List.of(IMMEDIATE_BOUND_PVC), none,
                        none, List.of(VolumeBinder.ERR_REASON_NODE_CONFLICT), false),
                c("immediate-unbound-pvc", List.of(), List.of(IMMEDIATE_UNBOUND_PVC), none, none, none, true),
                c("immediate-unbound-pvc,delayed-mode-bound", List.of(PV_BOUND), List.of(IMMEDIATE_UNBOUND_PVC, BOUND_PVC),
                        none, none, none, true),
                c("immediate-unbound-pvc,delayed-mode-unbound", List.of(), List.of(IMMEDIATE_UNBOUND_PVC, UNBOUND_PVC), none,
                        none, none, true));
    }

    static Stream<Case> withProvisioning() {
        List<String> none = List.of();
        return Stream.of(
                c("one-provisioned", List.of(), List.of(PROVISIONED_PVC), none, List.of("provisioned-pvc"), none, false),
                c("two-unbound-pvcs,one-matched,one-provisioned", List.of(PV_NODE1A), List.of(UNBOUND_PVC, PROVISIONED_PVC),
                        List.of("unbound-pvc -> pv-node1a"), List.of("provisioned-pvc"), none, false),
                c("one-bound,one-provisioned", List.of(PV_BOUND), List.of(BOUND_PVC, PROVISIONED_PVC), none,
                        List.of("provisioned-pvc"), none, false),
                c("one-binding,one-selected-node", List.of(PV_BOUND), List.of(BOUND_PVC, SELECTED_NODE_PVC), none,
                        List.of("provisioned-pvc"), none, false),
                c("immediate-unbound-pvc", List.of(), List.of(IMMEDIATE_UNBOUND_PVC), none, none, none, true),
                c("one-immediate-bound,one-provisioned", List.of(PV_BOUND_IMMEDIATE), List.of(IMMEDIATE_BOUND_PVC,
                        PROVISIONED_PVC), none, List.of("provisioned-pvc"), none, false),
                c("invalid-provisioner", List.of(), List.of(NO_PROVISIONER_PVC), none, none,
                        List.of(VolumeBinder.ERR_REASON_BIND_CONFLICT), false),
                c("volume-topology-unsatisfied", List.of(), List.of(TOPO_MISMATCH_PVC), none, none,
                        List.of(VolumeBinder.ERR_REASON_BIND_CONFLICT), false));
    }

    /** Upstream's {@code findPodVolumes} test helper: PreFilter's claims, an error for unbound immediate ones, then FindPodVolumes. */
    static void check(Case c) {
        FakeVolumes api = classes();
        c.pvs.forEach(api::add);
        c.cachePvcs.forEach(api::add);
        ClaimBinder binder = new ClaimBinder(api, api);
        VolumeBinder.Claims claims = binder.podVolumeClaims(pod(c.podPvcs));
        boolean failed = claims.problem().isPresent() || !claims.claims().unboundImmediate().isEmpty();
        assertEquals(c.shouldFail, failed, "error");
        if (failed) {
            return;
        }
        VolumeBinder.Found found = binder.findPodVolumes(pod(c.podPvcs), claims.claims(), NODE1);
        assertEquals(c.reasons, found.reasons(), "reasons");
        assertEquals(c.bindings, found.volumes().staticBindings().stream()
                .map(b -> b.claim().name() + " -> " + b.volume().name()).toList(), "bindings");
        assertEquals(c.provisions, found.volumes().dynamicProvisions().stream().map(PersistentVolumeClaim::name).toList(),
                "provisions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutProvisioning")
    void findPodVolumesWithoutProvisioning(Case c) {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withProvisioning")
    void findPodVolumesWithProvisioning(Case c) {
        check(c);
    }

    /** TestAssumePodVolumes "all-bound": nothing to assume, PreBind has nothing to do. */
    @Test
    void assumeAllBound() {
        FakeVolumes api = classes().add(PV_BOUND).add(BOUND_PVC);
        ClaimBinder binder = new ClaimBinder(api, api);
        assertTrue(binder.assumePodVolumes(pod(List.of(BOUND_PVC)), "node1", PodVolumes.NONE));
        assertEquals(List.of(), new ArrayList<>(binder.assumedVolumeNames()));
    }

    /**
     * TestAssumePodVolumes "one-binding" and TestRevertAssumedPodVolumes: an assumed volume is no longer
     * available to the next pod's claim, until the assumption is reverted.
     */
    @Test
    void anAssumedVolumeIsTakenUntilReverted() {
        PersistentVolumeClaim other = unbound("other-pvc", G, WAIT);
        FakeVolumes api = classes().add(PV_NODE1A).add(UNBOUND_PVC).add(other);
        ClaimBinder binder = new ClaimBinder(api, api);
        Pod first = pod(List.of(UNBOUND_PVC));
        VolumeBinder.Found found = binder.findPodVolumes(first, binder.podVolumeClaims(first).claims(), NODE1);
        assertFalse(binder.assumePodVolumes(first, "node1", found.volumes()));
        Pod second = Pod.builder(NS, "second").volumeClaim("other-pvc").build();
        assertEquals(List.of(VolumeBinder.ERR_REASON_BIND_CONFLICT),
                binder.findPodVolumes(second, binder.podVolumeClaims(second).claims(), NODE1).reasons());
        binder.revertAssumedPodVolumes(found.volumes());
        assertEquals(List.of(), binder.findPodVolumes(second, binder.podVolumeClaims(second).claims(), NODE1).reasons());
    }

    /** TestBindPodVolumes: PreBind writes the bindings and the provisioning, then finds every claim bound. */
    @Test
    void bindWritesAndChecks() {
        FakeVolumes api = classes().add(PV_NODE1A).add(UNBOUND_PVC).add(PROVISIONED_PVC);
        ClaimBinder binder = new ClaimBinder(api, api);
        Pod p = pod(List.of(UNBOUND_PVC, PROVISIONED_PVC));
        VolumeBinder.Found found = binder.findPodVolumes(p, binder.podVolumeClaims(p).claims(), NODE1);
        binder.assumePodVolumes(p, "node1", found.volumes());
        assertEquals(Optional.empty(), binder.bindPodVolumes(p, "node1", found.volumes()));
        assertEquals(List.of("pv pv-node1a -> testns/unbound-pvc", "pvc testns/provisioned-pvc @ node1"), api.writes);
        assertTrue(api.claims.values().stream().allMatch(PersistentVolumeClaim::fullyBound));
        assertEquals(List.of(), new ArrayList<>(binder.assumedVolumeNames()));
    }

    /** checkBindings "provisioning failed": the provisioner dropped the selected node. */
    @Test
    void bindFailsWhenTheClaimIsNotBound() {
        FakeVolumes api = new FakeVolumes() {
            @Override
            public void updateClaim(PersistentVolumeClaim claim) {
                writes.add("pvc " + claim.key());
            }
        };
        classes().classes.values().forEach(api::add);
        api.add(PROVISIONED_PVC);
        ClaimBinder binder = new ClaimBinder(api, api);
        Pod p = pod(List.of(PROVISIONED_PVC));
        VolumeBinder.Found found = binder.findPodVolumes(p, binder.podVolumeClaims(p).claims(), NODE1);
        binder.assumePodVolumes(p, "node1", found.volumes());
        assertEquals(Optional.of("binding volumes: provisioning failed for PVC \"provisioned-pvc\""),
                binder.bindPodVolumes(p, "node1", found.volumes()));
    }
}
