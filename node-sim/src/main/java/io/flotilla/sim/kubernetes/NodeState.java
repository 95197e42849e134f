package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import io.flotilla.scheduler.placement.kubernetes.Taint;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Node object as the API server holds it (spec, cordon, Ready condition, the taints the node
 * lifecycle controller put on it, the images its kubelet reported), plus the controller's health
 * data for it (when the kubelet last renewed its lease, and when the controller noticed).
 */
final class NodeState {

    /** The node's Ready condition; NONE until its kubelet first posts status. */
    enum Ready {
        NONE,
        TRUE,
        FALSE,
        UNKNOWN
    }

    static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    static final String REGION_LABEL = "topology.kubernetes.io/region";

    final NodeSpec spec;
    Availability availability;
    Ready ready = Ready.NONE;
    /** When the kubelet last renewed its lease (posted status). */
    long lastHeartbeat = -1;
    /** The renewal the controller last saw, and when it saw it (upstream {@code probeTimestamp}). */
    long observedHeartbeat = -1;
    long probeTimestamp;
    /** Taints added by the node lifecycle controller, in the order it added them. */
    final List<Taint> controllerTaints = new ArrayList<>();
    /** Taints an operator added during the run ({@code kubectl taint}: the out-of-service taint). */
    final List<Taint> operatorTaints = new ArrayList<>();
    boolean queuedForTainting;
    /** No longer the API server's Node of its name (deleted, or replaced by a new one). */
    boolean gone;
    long assignmentsVersion;
    long reportsReceived;
    /**
     * Images the kubelet has pulled, with their sizes (node status {@code images}). Hashed: each new
     * pod on the node asks for its image once, and the scheduler reads them sorted, as a copy.
     */
    final Map<String, Long> images = new HashMap<>();

    /** {@link #zone()}, which the node lifecycle controller reads for every node at every pass. */
    private final String zone;

    NodeState(NodeSpec spec, Availability availability) {
        this.spec = spec;
        this.availability = availability;
        this.zone = zoneOf(spec);
    }

    String name() {
        return spec.name();
    }

    boolean isReady() {
        return ready == Ready.TRUE;
    }

    /** The Ready condition as the shared node status: True is ready, Unknown unknown, False down. */
    NodeStatus status() {
        return switch (ready) {
            case TRUE -> NodeStatus.READY;
            case FALSE -> NodeStatus.DOWN;
            default -> NodeStatus.UNKNOWN;
        };
    }

    /** Upstream {@code GetZoneKey}: region and zone labels, "" when the node has neither. */
    String zone() {
        return zone;
    }

    private static String zoneOf(NodeSpec spec) {
        Map<String, String> labels = spec.labels();
        String zone = labels.getOrDefault(ZONE_LABEL, "");
        String region = labels.getOrDefault(REGION_LABEL, "");
        return region.isEmpty() && zone.isEmpty() ? "" : region + ":" + zone;
    }

    List<Taint> taints() {
        List<Taint> out = new ArrayList<>();
        for (String t : spec.taints()) {
            out.add(Taint.parse(t));
        }
        out.addAll(controllerTaints);
        out.addAll(operatorTaints);
        return out;
    }

    List<Taint> noExecuteTaints() {
        return taints().stream().filter(t -> t.effect() == TaintEffect.NO_EXECUTE).toList();
    }

    /** The node as the scheduler reads it. */
    KubeNode kubeNode() {
        KubeNode base = ModelTranslation.node(new Node(spec, NodeStatus.READY, availability));
        return new KubeNode(base.name(), base.labels(), taints(), base.unschedulable(), base.allocatable(), new TreeMap<>(images));
    }
}
