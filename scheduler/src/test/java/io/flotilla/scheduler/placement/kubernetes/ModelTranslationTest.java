package io.flotilla.scheduler.placement.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelTranslationTest {

    static Node node(String name, NodeRole role, String zone, NodeStatus status, Availability availability, String... taints) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("zone", zone);
        return new Node(new NodeSpec(name, role, Resources.of(2, 4L << 30).withGeneric("gpu", 1), labels,
                new TreeMap<>(Map.of("disk", "ssd")), Platform.LINUX_AMD64, List.of(taints)), status, availability);
    }

    static TaskSpec task(Placement placement, List<PortConfig> ports) {
        return new TaskSpec("nginx:1.27", Resources.of(0.5, 256L << 20), Resources.of(1, 512L << 20), placement, ports,
                List.of(), RestartPolicy.DEFAULT);
    }

    @Test
    void nodesGetHostnamePlatformRoleLabelsTaintsAndAllocatable() {
        KubeNode k = ModelTranslation.node(node("m1", NodeRole.MANAGER, "a", NodeStatus.READY, Availability.ACTIVE,
                "dedicated=db:NoSchedule"));
        assertEquals("m1", k.labels().get(KubeNode.HOSTNAME_LABEL));
        assertEquals("linux", k.labels().get(ModelTranslation.OS_LABEL));
        assertEquals("", k.labels().get(ModelTranslation.CONTROL_PLANE_LABEL));
        assertEquals("ssd", k.labels().get(ModelTranslation.ENGINE_LABEL_PREFIX + "disk"));
        assertEquals(List.of(new Taint("dedicated", "db", TaintEffect.NO_SCHEDULE)), k.taints());
        assertEquals(Map.of("cpu", 2000L, "memory", 4L << 30, "pods", 110L, "gpu", 1L), k.allocatable());
        assertEquals(false, k.unschedulable());
    }

    @Test
    void drainedNodesAreCordonedAndUnreachableOnesTainted() {
        KubeNode drained = ModelTranslation.node(node("w1", NodeRole.WORKER, "a", NodeStatus.READY, Availability.DRAIN));
        assertTrue(drained.unschedulable());
        KubeNode down = ModelTranslation.node(node("w2", NodeRole.WORKER, "a", NodeStatus.DOWN, Availability.ACTIVE));
        assertEquals(List.of(ModelTranslation.UNREACHABLE_NO_SCHEDULE, ModelTranslation.UNREACHABLE_NO_EXECUTE), down.taints());
    }

    @Test
    void podsCarryRequestsLimitsAffinitySpreadAndPorts() {
        Placement placement = new Placement(List.of("node.role == worker", "node.labels.zone != b", "node.id != w9"),
                List.of("node.labels.zone"), 2, List.of());
        Pod p = ModelTranslation.pod("web", "web.1", task(placement,
                List.of(new PortConfig("tcp", 80, 8080, PublishMode.HOST), new PortConfig("tcp", 80, 80, PublishMode.INGRESS))));
        assertEquals(Map.of("cpu", 500L, "memory", 256L << 20), p.containers().get(0).requests());
        assertEquals(Map.of("cpu", 1000L, "memory", 512L << 20), p.containers().get(0).limits());
        assertEquals(Map.of("app", "web"), p.labels());
        assertEquals(Optional.of(LabelSelector.of("app", "web")), p.ownerSelector());
        assertEquals(Optional.of(List.of(new NodeSelectorTerm(
                List.of(NodeSelectorRequirement.doesNotExist(ModelTranslation.CONTROL_PLANE_LABEL),
                        NodeSelectorRequirement.notIn("zone", "b")),
                List.of(NodeSelectorRequirement.notIn(NodeSelectorRequirement.NAME_FIELD, "w9"))))), p.nodeAffinity().required());
        assertEquals(List.of(
                TopologySpreadConstraint.of(1, "zone", TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY,
                        LabelSelector.of("app", "web")),
                TopologySpreadConstraint.of(2, KubeNode.HOSTNAME_LABEL, TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE,
                        LabelSelector.of("app", "web"))), p.topologySpreadConstraints());
        assertEquals(List.of(HostPort.tcp(8080)), p.hostPorts());
    }

    static final Toleration TOLERATE_ALL =
            new Toleration("", Toleration.Operator.EXISTS, "", Optional.empty(), OptionalLong.empty());

    /** A controller makes each pod of a template as the first under its own name: the pod is the same as one made afresh. */
    @Test
    void aPodUnderAnotherNameIsThePodMadeUnderThatName() {
        Placement placement = new Placement(List.of("node.role == worker", "node.labels.zone != b"),
                List.of("node.labels.zone"), 2, List.of());
        TaskSpec spec = task(placement, List.of(new PortConfig("tcp", 80, 8080, PublishMode.HOST)));
        Pod first = ModelTranslation.pod("web", "web-1", spec).toBuilder()
                .label("pod-template-hash", "abc").toleration(TOLERATE_ALL).build();
        Pod second = ModelTranslation.pod("web", "web-2", spec).toBuilder()
                .label("pod-template-hash", "abc").toleration(TOLERATE_ALL).build();
        assertEquals(second, first.withName("web-2"));
        assertEquals(first, first.withName("web-2").withName("web-1"));
    }

    @Test
    void translatedPodsScheduleByTheirConstraints() {
        ClusterState c = new ClusterState();
        c.addNode(ModelTranslation.node(node("m1", NodeRole.MANAGER, "a", NodeStatus.READY, Availability.ACTIVE)));
        c.addNode(ModelTranslation.node(node("w1", NodeRole.WORKER, "a", NodeStatus.READY, Availability.ACTIVE)));
        c.addNode(ModelTranslation.node(node("w2", NodeRole.WORKER, "b", NodeStatus.DOWN, Availability.ACTIVE)));
        Pod p = ModelTranslation.pod("web", "web.1",
                task(new Placement(List.of("node.role == worker"), List.of(), 0, List.of()), List.of()));
        ScheduleResult r = KubernetesPlacement.DEFAULT.schedule(c, p, new SplittableRandom(1), false);
        assertEquals(Optional.of("w1"), r.node());
    }

    @Test
    void constraintsOutsideSwarmsLanguageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ModelTranslation.requirement("node.labels.zone = a"));
        assertThrows(IllegalArgumentException.class, () -> ModelTranslation.requirement("node.ip == 10.0.0.1"));
        assertEquals(NodeSelectorRequirement.in(ModelTranslation.ARCH_LABEL, "arm64"),
                ModelTranslation.requirement("node.platform.arch==arm64"));
    }
}
