package io.flotilla.scheduler.placement.kubernetes;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the model's Swarm-shaped nodes and services read to the Kubernetes scheduler.
 *
 * <p>Nodes: the labels, plus {@code kubernetes.io/hostname} (the name), {@code kubernetes.io/os} and
 * {@code kubernetes.io/arch} (the platform), {@value #CONTROL_PLANE_LABEL} on managers and engine
 * labels under {@value #ENGINE_LABEL_PREFIX}; the taint strings ({@code key=value:Effect}); a paused
 * or drained node is cordoned ({@code spec.unschedulable}); a node the manager does not see ready
 * carries the node lifecycle controller's {@code node.kubernetes.io/unreachable} taints
 * (NoSchedule and NoExecute); allocatable cpu in millicores, memory, generic resources as extended
 * resources of the same name, and the kubelet's 110 pods.
 *
 * <p>Pods of a service: one container of the task's image; reservations become requests and limits
 * limits (a zero cpu or memory is left out, so the scoring defaults apply as for a pod without
 * requests); constraints become one required node affinity term (ANDed, one term per allowed
 * platform); each spread preference a ScheduleAnyway spread constraint of skew 1 on that label;
 * {@code max_replicas_per_node} N a DoNotSchedule hostname spread constraint of skew N (a skew is
 * not a cap: it holds N per node only while some eligible node has none); host-mode published
 * ports host ports. Pods are labelled {@value #APP_LABEL}={@code <service>} and that label is their
 * owner selector, so the system default spreading applies as for a Deployment behind a Service.
 */
public final class ModelTranslation {

    public static final String APP_LABEL = "app";
    public static final String OS_LABEL = "kubernetes.io/os";
    public static final String ARCH_LABEL = "kubernetes.io/arch";
    public static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
    public static final String ENGINE_LABEL_PREFIX = "engine.flotilla.io/";
    public static final Taint UNREACHABLE_NO_SCHEDULE =
            new Taint("node.kubernetes.io/unreachable", "", TaintEffect.NO_SCHEDULE);
    public static final Taint UNREACHABLE_NO_EXECUTE =
            new Taint("node.kubernetes.io/unreachable", "", TaintEffect.NO_EXECUTE);

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private ModelTranslation() {}

    /** The node as the Kubernetes scheduler sees it. @throws IllegalArgumentException for a malformed taint */
    public static KubeNode node(Node node) {
        var spec = node.spec();
        TreeMap<String, String> labels = new TreeMap<>(spec.labels());
        spec.engineLabels().forEach((k, v) -> labels.put(ENGINE_LABEL_PREFIX + k, v));
        labels.put(KubeNode.HOSTNAME_LABEL, spec.name());
        labels.put(OS_LABEL, spec.platform().os());
        labels.put(ARCH_LABEL, spec.platform().arch());
        if (spec.role() == NodeRole.MANAGER) {
            labels.put(CONTROL_PLANE_LABEL, "");
        }
        List<Taint> taints = new ArrayList<>();
        for (String t : spec.taints()) {
            taints.add(Taint.parse(t));
        }
        if (node.status() != NodeStatus.READY) {
            taints.add(UNREACHABLE_NO_SCHEDULE);
            taints.add(UNREACHABLE_NO_EXECUTE);
        }
        TreeMap<String, Long> allocatable = new TreeMap<>();
        Resources r = spec.resources();
        allocatable.put(ResourceNames.CPU, r.nanoCpus() / NANOS_PER_MILLI);
        allocatable.put(ResourceNames.MEMORY, r.memoryBytes());
        allocatable.put(ResourceNames.PODS, ResourceNames.DEFAULT_MAX_PODS);
        allocatable.putAll(r.generic());
        return new KubeNode(spec.name(), labels, taints, node.availability() != Availability.ACTIVE, allocatable,
                new TreeMap<>());
    }

    /** A pod of the service, named {@code podName} (for example {@code web.3}). */
    public static Pod pod(ServiceSpec service, String podName) {
        return pod(service.name(), podName, service.task());
    }

    /**
     * A pod running {@code task} for {@code service}.
     *
     * @throws IllegalArgumentException for a constraint or spread descriptor outside Swarm's language
     */
    public static Pod pod(String service, String podName, TaskSpec task) {
        Container container = new Container("task", task.image(), quantities(task.reservations()),
                quantities(task.limits()));
        Pod.Builder b = Pod.builder(podName)
                .label(APP_LABEL, service)
                .ownerSelector(LabelSelector.of(APP_LABEL, service))
                .container(container);
        Placement placement = task.placement();
        nodeAffinity(placement).ifPresent(b::nodeAffinity);
        LabelSelector own = LabelSelector.of(APP_LABEL, service);
        for (String descriptor : placement.spreadPreferences()) {
            b.spread(TopologySpreadConstraint.of(1, labelKey(descriptor),
                    TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY, own));
        }
        if (placement.maxReplicas() > 0) {
            b.spread(TopologySpreadConstraint.of(placement.maxReplicas(), KubeNode.HOSTNAME_LABEL,
                    TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE, own));
        }
        for (PortConfig p : task.ports()) {
            if (p.mode() == PublishMode.HOST && p.published() > 0) {
                b.hostPort(new HostPort(p.protocol().toUpperCase(Locale.ROOT), p.published(), ""));
            }
        }
        return b.build();
    }

    private static TreeMap<String, Long> quantities(Resources r) {
        TreeMap<String, Long> out = new TreeMap<>();
        if (r.nanoCpus() > 0) {
            // Quantity.MilliValue rounds up
            out.put(ResourceNames.CPU, (r.nanoCpus() + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
        }
        if (r.memoryBytes() > 0) {
            out.put(ResourceNames.MEMORY, r.memoryBytes());
        }
        r.generic().forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Optional<NodeAffinity> nodeAffinity(Placement placement) {
        List<NodeSelectorRequirement> expressions = new ArrayList<>();
        List<NodeSelectorRequirement> fields = new ArrayList<>();
        for (String c : placement.constraints()) {
            NodeSelectorRequirement r = requirement(c);
            (NodeSelectorRequirement.NAME_FIELD.equals(r.key()) ? fields : expressions).add(r);
        }
        List<NodeSelectorTerm> terms = new ArrayList<>();
        if (placement.platforms().isEmpty()) {
            if (!expressions.isEmpty() || !fields.isEmpty()) {
                terms.add(new NodeSelectorTerm(expressions, fields));
            }
        } else {
            for (Platform p : placement.platforms()) {
                List<NodeSelectorRequirement> e = new ArrayList<>(expressions);
                if (!p.os().isEmpty()) {
                    e.add(NodeSelectorRequirement.in(OS_LABEL, p.os()));
                }
                if (!p.arch().isEmpty()) {
                    e.add(NodeSelectorRequirement.in(ARCH_LABEL, p.arch()));
                }
                terms.add(new NodeSelectorTerm(e, fields));
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(new NodeAffinity(Optional.of(terms), List.of()));
    }

    /** Why Kubernetes cannot express this Swarm constraint (a valid one), if it cannot. */
    public static Optional<String> untranslatableConstraint(String constraint) {
        return failure(() -> requirement(constraint));
    }

    /** Why Kubernetes cannot spread over this Swarm spread descriptor, if it cannot. */
    public static Optional<String> untranslatableSpread(String descriptor) {
        return failure(() -> labelKey(descriptor));
    }

    private static Optional<String> failure(Runnable translation) {
        try {
            translation.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** One Swarm constraint ({@code node.labels.zone == a}) as a node selector requirement. */
    static NodeSelectorRequirement requirement(String constraint) {
        boolean equal;
        int at = constraint.indexOf("==");
        if (at >= 0) {
            equal = true;
        } else {
            at = constraint.indexOf("!=");
            equal = false;
            if (at < 0) {
                throw new IllegalArgumentException("constraint without == or !=: " + constraint);
            }
        }
        String lhs = constraint.substring(0, at).trim();
        String rhs = constraint.substring(at + 2).trim();
        switch (lhs.toLowerCase(Locale.ROOT)) {
            case "node.id":
                return equal ? NodeSelectorRequirement.in(NodeSelectorRequirement.NAME_FIELD, rhs)
                        : NodeSelectorRequirement.notIn(NodeSelectorRequirement.NAME_FIELD, rhs);
            case "node.role":
                boolean manager = rhs.equalsIgnoreCase("manager");
                if (!manager && !rhs.equalsIgnoreCase("worker")) {
                    throw new IllegalArgumentException("unknown node role in constraint: " + constraint);
                }
                return manager == equal ? NodeSelectorRequirement.exists(CONTROL_PLANE_LABEL)
                        : NodeSelectorRequirement.doesNotExist(CONTROL_PLANE_LABEL);
            default:
                String key = labelKey(lhs);
                return equal ? NodeSelectorRequirement.in(key, rhs) : NodeSelectorRequirement.notIn(key, rhs);
        }
    }

    /** The node label a Swarm descriptor reads: {@code node.labels.zone} is {@code zone}. */
    static String labelKey(String descriptor) {
        String d = descriptor.trim();
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.startsWith("node.labels.")) {
            return d.substring("node.labels.".length());
        }
        if (lower.startsWith("engine.labels.")) {
            return ENGINE_LABEL_PREFIX + d.substring("engine.labels.".length());
        }
        return switch (lower) {
            case "node.hostname" -> KubeNode.HOSTNAME_LABEL;
            case "node.platform.os" -> OS_LABEL;
            case "node.platform.arch" -> ARCH_LABEL;
            default -> throw new IllegalArgumentException("not a node attribute Kubernetes can read: " + descriptor);
        };
    }
}
