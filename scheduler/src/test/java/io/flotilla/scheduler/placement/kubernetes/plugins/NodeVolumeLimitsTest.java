package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.on;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.PreFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import io.flotilla.scheduler.placement.kubernetes.volume.BindingMode;
import io.flotilla.scheduler.placement.kubernetes.volume.FakeVolumes;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolume;
import io.flotilla.scheduler.placement.kubernetes.volume.PersistentVolumeClaim;
import io.flotilla.scheduler.placement.kubernetes.volume.StorageClass;
import io.flotilla.scheduler.placement.kubernetes.volume.VolumeLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of upstream {@code pkg/scheduler/framework/plugins/nodevolumelimits/csi_test.go} (TestCSILimits)
 * for claims, by name, on the same fixture: for each driver {@code d}, claims {@code csi-d-0..3} bound
 * to volumes of that driver; {@code csi-4} unbound and {@code csi-6} bound to a volume that does not
 * exist, both of class {@code csi-sc} (the first driver's); {@code csi-5} of no known class. The in-tree
 * migration, inline, ephemeral and VolumeAttachment-counting cases have no counterpart here (every
 * volume is a claim's, and a node's attachments are its pods').
 */
class NodeVolumeLimitsTest {

    static final String EBS = "ebs.csi.aws.com";
    static final String GCE = "pd.csi.storage.gke.io";
    static final String SC_NAME = "csi-sc";

    enum LimitSource { CSINODE, CSINODE_WITH_NO_LIMIT }

    static Pod.Builder pod(String name, String... claims) {
        Pod.Builder b = Pod.builder(name);
        for (String c : claims) {
            b.volumeClaim(c);
        }
        return b;
    }

    record Case(String name, Pod newPod, List<Pod.Builder> existing, int maxVols, List<String> drivers,
            LimitSource limitSource, Status want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Pod csiEbsOneVolPod = pod("new", "csi-" + EBS + "-0").build();
        Pod gceTwoVolPod = pod("new", "csi-" + GCE + "-1", "csi-" + GCE + "-2").build();
        Pod.Builder runningPod = pod("running", "csi-" + EBS + "-3");
        Pod.Builder csiEbsTwoVolPod = pod("ebs-two", "csi-" + EBS + "-1", "csi-" + EBS + "-2");
        Pod.Builder pendingVolumePod = pod("pending", "csi-4");
        Pod.Builder unboundPvcPod2 = pod("pending-2", "csi-4");
        Pod.Builder missingPvPod = pod("missing-pv", "csi-6");
        Pod.Builder noScPvcPod = pod("no-sc", "csi-5");
        Pod.Builder gceTwoVolExisting = pod("gce-two", "csi-" + GCE + "-1", "csi-" + GCE + "-2");
        Status exceeded = Status.unschedulable(NodeVolumeLimits.ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED);
        Status ok = Status.SUCCESS;
        List<String> ebs = List.of(EBS);
        List<String> ebsGce = List.of(EBS, GCE);
        return Stream.of(
                new Case("fits when node volume limit >= new pods CSI volume", csiEbsOneVolPod,
                        List.of(runningPod, csiEbsTwoVolPod), 4, ebs, LimitSource.CSINODE, ok),
                new Case("doesn't when node volume limit <= pods CSI volume", csiEbsOneVolPod,
                        List.of(runningPod, csiEbsTwoVolPod), 2, ebs, LimitSource.CSINODE, exceeded),
                new Case("should when driver does not support volume limits", csiEbsOneVolPod,
                        List.of(runningPod, csiEbsTwoVolPod), 2, ebs, LimitSource.CSINODE_WITH_NO_LIMIT, ok),
                new Case("count pending PVCs towards volume limit <= pods CSI volume", csiEbsOneVolPod,
                        List.of(pendingVolumePod, csiEbsTwoVolPod), 2, ebs, LimitSource.CSINODE, exceeded),
                new Case("count multiple pending pvcs towards volume limit >= pods CSI volume", csiEbsOneVolPod,
                        List.of(pendingVolumePod, unboundPvcPod2, csiEbsTwoVolPod), 4, ebs, LimitSource.CSINODE, ok),
                new Case("should count PVCs with invalid PV name but valid SC", csiEbsOneVolPod,
                        List.of(missingPvPod, csiEbsTwoVolPod), 2, ebs, LimitSource.CSINODE, exceeded),
                new Case("don't count pvcs with missing SC towards volume limit", csiEbsOneVolPod,
                        List.of(runningPod, noScPvcPod), 2, ebs, LimitSource.CSINODE, ok),
                new Case("count pvcs with the same type towards volume limit", csiEbsOneVolPod,
                        List.of(gceTwoVolExisting, csiEbsTwoVolPod), 2, ebsGce, LimitSource.CSINODE, exceeded),
                new Case("don't count pvcs with different type towards volume limit", gceTwoVolPod,
                        List.of(csiEbsTwoVolPod, runningPod), 2, ebsGce, LimitSource.CSINODE, ok),
                new Case("don't skip Filter when the pod has pvcs", csiEbsOneVolPod, List.of(), 2, ebs,
                        LimitSource.CSINODE, ok));
    }

    /** Upstream's fake listers: the claims, volumes and classes described above. */
    static FakeVolumes fixture(List<String> drivers) {
        FakeVolumes api = new FakeVolumes();
        api.add(new StorageClass(SC_NAME, drivers.get(0), BindingMode.WAIT_FOR_FIRST_CONSUMER, List.of()));
        for (String d : drivers) {
            String cls = "sc-" + d;
            api.add(new StorageClass(cls, d, BindingMode.WAIT_FOR_FIRST_CONSUMER, List.of()));
            for (int i = 0; i < 4; i++) {
                String name = "csi-" + d + "-" + i;
                api.add(PersistentVolume.available(name, cls, 0, Optional.empty()).boundTo(Pod.DEFAULT_NAMESPACE + "/" + name));
                api.add(PersistentVolumeClaim.pending(Pod.DEFAULT_NAMESPACE, name, cls, 0).boundTo(name));
            }
        }
        api.add(PersistentVolumeClaim.pending(Pod.DEFAULT_NAMESPACE, "csi-4", SC_NAME, 0));
        api.add(PersistentVolumeClaim.pending(Pod.DEFAULT_NAMESPACE, "csi-5", "", 0));
        api.add(PersistentVolumeClaim.pending(Pod.DEFAULT_NAMESPACE, "csi-6", SC_NAME, 0).boundTo("missing-in-action"));
        return api;
    }

    static VolumeLimits limits(LimitSource source, int maxVols, List<String> drivers) {
        Map<String, Long> allocatable = new TreeMap<>();
        if (source == LimitSource.CSINODE) {
            drivers.forEach(d -> allocatable.put(d, (long) maxVols));
        }
        return node -> allocatable;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void csiLimits(Case c) {
        KubeNode node = node("node-for-max-pd-test-1").build();
        List<Harness.Bound> bound = new ArrayList<>();
        c.existing.forEach(p -> bound.add(on(node.name(), p)));
        Cache cluster = Harness.cluster(List.of(node), bound);
        NodeVolumeLimits plugin = new NodeVolumeLimits(fixture(c.drivers), limits(c.limitSource, c.maxVols, c.drivers));
        assertEquals(c.want, Harness.filter(plugin, cluster, c.newPod, node.name()));
    }

    @Test
    void skipFilterWhenThePodOnlyUsesSecretsAndConfigmaps() {
        KubeNode node = node("node-for-max-pd-test-1").build();
        NodeVolumeLimits plugin = new NodeVolumeLimits(fixture(List.of(EBS)), limits(LimitSource.CSINODE, 2, List.of(EBS)));
        PreFilterResult r = plugin.preFilter(new CycleState(Harness.cluster(List.of(node), List.of())),
                new PodInfo(Pod.builder("configmaps-and-secrets").build()));
        assertEquals(Status.SKIP, r.status());
    }
}
