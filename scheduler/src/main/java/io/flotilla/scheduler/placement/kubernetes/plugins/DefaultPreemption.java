package io.flotilla.scheduler.placement.kubernetes.plugins;

import io.flotilla.scheduler.placement.kubernetes.Nomination;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.cache.NodeInfo;
import io.flotilla.scheduler.placement.kubernetes.cache.PodInfo;
import io.flotilla.scheduler.placement.kubernetes.framework.CycleState;
import io.flotilla.scheduler.placement.kubernetes.framework.FitError;
import io.flotilla.scheduler.placement.kubernetes.framework.Framework;
import io.flotilla.scheduler.placement.kubernetes.framework.PostFilterPlugin;
import io.flotilla.scheduler.placement.kubernetes.framework.PostFilterResult;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * DefaultPreemption (PostFilter). Nodes whose status was merely Unschedulable are dry-run from a
 * random offset: remove every lower-priority pod, check the pod fits, then put victims back from the
 * most important down while it still fits. Among the candidates found (at least 10% of the nodes and
 * 100, or all) the node is chosen by fewest PDB violations (none are modelled), lowest highest victim
 * priority, lowest priority sum, fewest victims, latest start of the highest-priority victims, then
 * first. With no candidate the message is a FitError of its own, prefixed {@code preemption: }.
 *
 * <p>The dry run really removes and restores the pods in the {@link Cache} (restoring their
 * bind order), so every plugin sees the node exactly as it would be. PodDisruptionBudgets and
 * nominated pods are not modelled.
 */
final class DefaultPreemption implements PostFilterPlugin {

    static final String NAME = "DefaultPreemption";
    static final String PREFIX = "preemption: ";
    static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    static final String NO_VICTIMS = "No preemption victims found for incoming pod";
    static final String NOT_ELIGIBLE = "not eligible due to preemptionPolicy=Never.";
    static final int MIN_CANDIDATE_NODES_PERCENTAGE = 10;
    static final int MIN_CANDIDATE_NODES_ABSOLUTE = 100;

    private record Candidate(NodeInfo node, List<PodInfo> victims) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PostFilterResult postFilter(Framework framework, CycleState state, PodInfo pod, Map<String, Status> statuses,
            SplittableRandom random) {
        if (pod.pod().preemptionPolicy() == Pod.PreemptionPolicy.NEVER) {
            return new PostFilterResult(Optional.empty(), PREFIX + NOT_ELIGIBLE);
        }
        Cache cluster = state.cluster();
        List<NodeInfo> potential = new ArrayList<>();
        Map<String, Status> dryRun = new LinkedHashMap<>();
        for (NodeInfo n : cluster.orderedNodes()) {
            Status s = statuses.get(n.name());
            if (s != null && s.code() == Status.Code.UNSCHEDULABLE) {
                potential.add(n);
            } else {
                dryRun.put(n.name(), Status.unresolvable(NOT_HELPFUL));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        if (!potential.isEmpty()) {
            int offset = random.nextInt(potential.size());
            int wanted = numCandidates(potential.size());
            for (int i = 0; i < potential.size() && candidates.size() < wanted; i++) {
                NodeInfo node = potential.get((offset + i) % potential.size());
                Status s = selectVictims(framework, cluster, pod, node, candidates);
                if (!s.isSuccess()) {
                    dryRun.put(node.name(), s);
                }
            }
        }
        if (candidates.isEmpty()) {
            return new PostFilterResult(Optional.empty(),
                    PREFIX + FitError.message(cluster.nodeCount(), "", dryRun, ""));
        }
        Candidate best = pick(candidates);
        List<String> victims = best.victims.stream().map(p -> p.key()).toList();
        return new PostFilterResult(Optional.of(new Nomination(best.node.name(), victims)), "");
    }

    static int numCandidates(int numNodes) {
        int n = numNodes * MIN_CANDIDATE_NODES_PERCENTAGE / 100;
        return Math.min(Math.max(n, MIN_CANDIDATE_NODES_ABSOLUTE), numNodes);
    }

    /** Upstream {@code SelectVictimsOnNode}; adds a candidate and returns success, or returns why not. */
    private static Status selectVictims(Framework framework, Cache cluster, PodInfo pod, NodeInfo node,
            List<Candidate> candidates) {
        List<PodInfo> potential = new ArrayList<>();
        for (PodInfo p : node.pods()) {
            if (p.pod().priority() < pod.pod().priority()) {
                potential.add(p);
            }
        }
        if (potential.isEmpty()) {
            return Status.unresolvable(NO_VICTIMS);
        }
        potential.forEach(cluster::detach);
        List<PodInfo> victims = new ArrayList<>();
        try {
            Status fits = framework.fits(cluster, pod, node);
            if (!fits.isSuccess()) {
                return fits;
            }
            potential.sort(MORE_IMPORTANT);
            for (PodInfo p : potential) {
                cluster.attach(p, node);
                if (!framework.fits(cluster, pod, node).isSuccess()) {
                    cluster.detach(p);
                    victims.add(p);
                }
            }
        } finally {
            for (PodInfo p : potential) {
                if (!p.isBound()) {
                    cluster.attach(p, node);
                }
            }
        }
        if (victims.isEmpty()) {
            return new Status(Status.Code.ERROR, List.of("expected at least one victim pod on node " + node.name()), NAME);
        }
        candidates.add(new Candidate(node, victims));
        return Status.SUCCESS;
    }

    /** Upstream {@code MoreImportantPod}: higher priority first, then the one that started earlier. */
    static final Comparator<PodInfo> MORE_IMPORTANT = Comparator.<PodInfo>comparingInt(p -> -p.pod().priority())
            .thenComparingLong(p -> p.sequence());

    /** Upstream {@code pickOneNodeForPreemption} without PDBs. */
    private static Candidate pick(List<Candidate> candidates) {
        List<Candidate> best = candidates;
        best = keepMin(best, c -> (long) c.victims.get(0).pod().priority());
        best = keepMin(best, c -> c.victims.stream().mapToLong(p -> (long) p.pod().priority() + Integer.MAX_VALUE + 1L).sum());
        best = keepMin(best, c -> (long) c.victims.size());
        // latest start of the highest-priority victims: the smallest negated earliest sequence
        best = keepMin(best, c -> -earliestStartOfHighest(c.victims));
        return best.get(0);
    }

    private static long earliestStartOfHighest(List<PodInfo> victims) {
        int highest = victims.get(0).pod().priority();
        long earliest = Long.MAX_VALUE;
        for (PodInfo p : victims) {
            if (p.pod().priority() == highest) {
                earliest = Math.min(earliest, p.sequence());
            }
        }
        return earliest;
    }

    private static List<Candidate> keepMin(List<Candidate> in, java.util.function.ToLongFunction<Candidate> key) {
        long min = Long.MAX_VALUE;
        for (Candidate c : in) {
            min = Math.min(min, key.applyAsLong(c));
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : in) {
            if (key.applyAsLong(c) == min) {
                out.add(c);
            }
        }
        return out;
    }
}
