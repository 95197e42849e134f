package io.flotilla.benchmarks.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.ClusterState;
import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.KubernetesPlacement;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.PodAffinity;
import io.flotilla.scheduler.placement.kubernetes.PodAffinityTerm;
import io.flotilla.scheduler.placement.kubernetes.ResourceNames;
import io.flotilla.scheduler.placement.kubernetes.ScheduleResult;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * kube-scheduler's default profile placing 50,000 pods one after the other on 5,000 empty nodes
 * (16 cpu, 64 GiB, 4 zones), each pod bound before the next is scheduled. The pods belong to 100
 * Deployments of 500 replicas behind Services, so the system default topology spreading (hostname
 * and zone) scores every one of them; each asks for 100m and 128 MiB, and every node holds the images
 * of two Deployments so that ImageLocality has something to count. With 5,000 nodes the filter stops
 * at 500 feasible nodes (percentageOfNodesToScore 10%). The second benchmark adds a required pod
 * anti-affinity on the hostname against the pod's own Deployment; the third adds to that node
 * affinity and a zone spread, so that the plugins without a bulk path of their own filter and score
 * every node. The score is pods per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// an invocation takes seconds and the JIT settles only after several: five warmup iterations
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class KubernetesPlacementBenchmark {

    static final int NODES = 5_000;
    static final int DEPLOYMENTS = 100;
    static final int REPLICAS = 500;
    static final int PODS = DEPLOYMENTS * REPLICAS;
    static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c", "zone-d");

    /**
     * A fresh cluster for every invocation (an invocation fills it with all the pods), and the pods of
     * one benchmark only: with every benchmark's pods alive, each would run with the heap of three.
     */
    public abstract static class Cluster {
        final List<KubeNode> nodes = nodes();
        final List<Pod> pods;
        ClusterState state;

        Cluster(List<Pod> pods) {
            this.pods = pods;
        }

        @Setup(Level.Invocation)
        public void reset() {
            state = ClusterState.of(nodes);
        }
    }

    @State(Scope.Thread)
    public static class DefaultPods extends Cluster {
        public DefaultPods() {
            super(pods(false));
        }
    }

    @State(Scope.Thread)
    public static class AntiAffinePods extends Cluster {
        public AntiAffinePods() {
            super(pods(true));
        }
    }

    @State(Scope.Thread)
    public static class AffinityAndSpreadPods extends Cluster {
        public AffinityAndSpreadPods() {
            super(affinityAndSpread(pods(true)));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PODS)
    public int defaultPlugins(DefaultPods c) {
        return scheduleAll(c.state, c.pods);
    }

    @Benchmark
    @OperationsPerInvocation(PODS)
    public int requiredAntiAffinity(AntiAffinePods c) {
        return scheduleAll(c.state, c.pods);
    }

    @Benchmark
    @OperationsPerInvocation(PODS)
    public int affinityAndSpread(AffinityAndSpreadPods c) {
        return scheduleAll(c.state, c.pods);
    }

    /**
     * Adds to every pod a required node affinity every node meets, a preferred one for the zone its
     * Deployment favours, and a DoNotSchedule zone spread of skew 50: NodeAffinity, PodTopologySpread
     * and InterPodAffinity then filter every node through the framework's shared loop, and
     * NodeAffinity scores them.
     */
    static List<Pod> affinityAndSpread(List<Pod> pods) {
        NodeSelectorTerm anyZone = NodeSelectorTerm.of(
                NodeSelectorRequirement.in(KubeNode.ZONE_LABEL, ZONES.toArray(new String[0])));
        List<Pod> out = new ArrayList<>(pods.size());
        for (int i = 0; i < pods.size(); i++) {
            Pod p = pods.get(i);
            // pods go round robin over 100 Deployments, so each Deployment favours one zone
            NodeSelectorTerm favoured = NodeSelectorTerm.of(
                    NodeSelectorRequirement.in(KubeNode.ZONE_LABEL, ZONES.get(i % ZONES.size())));
            TopologySpreadConstraint spread = new TopologySpreadConstraint(50, KubeNode.ZONE_LABEL,
                    TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE, p.ownerSelector(), OptionalInt.empty(),
                    TopologySpreadConstraint.InclusionPolicy.IGNORE, TopologySpreadConstraint.InclusionPolicy.IGNORE,
                    List.of());
            out.add(p.toBuilder().nodeAffinity(NodeAffinity.required(anyZone).withPreferred(10, favoured))
                    .spread(spread).build());
        }
        return out;
    }

    static int scheduleAll(ClusterState state, List<Pod> pods) {
        SplittableRandom random = new SplittableRandom(1);
        int scheduled = 0;
        for (Pod p : pods) {
            ScheduleResult r = KubernetesPlacement.DEFAULT.scheduleAndAssume(state, p, random);
            if (r.scheduled()) {
                scheduled++;
            }
        }
        if (scheduled != pods.size()) {
            throw new IllegalStateException("scheduled " + scheduled + " of " + pods.size());
        }
        return scheduled;
    }

    static List<KubeNode> nodes() {
        List<KubeNode> nodes = new ArrayList<>(NODES);
        for (int i = 0; i < NODES; i++) {
            nodes.add(KubeNode.builder("node-%04d".formatted(i))
                    .label(KubeNode.ZONE_LABEL, ZONES.get(i % ZONES.size()))
                    .cpu(16_000)
                    .memory(64L << 30)
                    .image(image(i % DEPLOYMENTS), 200L << 20)
                    .image(image((i + 1) % DEPLOYMENTS), 200L << 20)
                    .build());
        }
        return nodes;
    }

    static String image(int deployment) {
        return "registry.example/app-%03d:1.0".formatted(deployment);
    }

    static List<Pod> pods(boolean antiAffinity) {
        List<Pod> pods = new ArrayList<>(PODS);
        // round robin over deployments, as a rollout of all of them at once would interleave
        for (int r = 0; r < REPLICAS; r++) {
            for (int d = 0; d < DEPLOYMENTS; d++) {
                String app = "app-%03d".formatted(d);
                LabelSelector selector = LabelSelector.of("app", app);
                Pod.Builder b = Pod.builder(app + "-" + r)
                        .label("app", app)
                        .ownerSelector(selector)
                        .container(Container.of("main", image(d))
                                .withRequest(ResourceNames.CPU, 100)
                                .withRequest(ResourceNames.MEMORY, 128L << 20));
                if (antiAffinity) {
                    b.podAntiAffinity(PodAffinity.required(PodAffinityTerm.of(selector, KubeNode.HOSTNAME_LABEL)));
                }
                pods.add(b.build());
            }
        }
        return pods;
    }
}
