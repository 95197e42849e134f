package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.placement.kubernetes.ClusterState;
import io.flotilla.scheduler.placement.kubernetes.KubernetesPlacement;
import io.flotilla.scheduler.placement.kubernetes.NodeVerdict;
import io.flotilla.scheduler.placement.kubernetes.Profile;
import io.flotilla.scheduler.placement.kubernetes.ScheduleResult;
import io.flotilla.scheduler.placement.kubernetes.volume.ClaimBinder;
import io.flotilla.sim.events.TaskExplained;
import io.flotilla.sim.events.TaskUnplaced;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * kube-scheduler: its scheduling queue and the scheduling cycle of {@link KubernetesPlacement} over a
 * {@link ClusterState} kept in step with the store (the scheduler cache). Pods are taken one at a
 * time in PrioritySort order (higher priority first, then the time they were queued), at the
 * instant they are queued. A pod that fits nowhere gets the FailedScheduling message and waits
 * until a node changes or a pod goes away, then for the rest of its back-off (1s doubling to
 * 10s), or at most 5 minutes. Ties between the best-scoring nodes are broken by the seeded
 * {@code kube-scheduler} stream.
 */
final class Scheduler {

    static final long INITIAL_BACKOFF_NANOS = 1_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 10_000_000_000L;
    static final long MAX_UNSCHEDULABLE_NANOS = 300_000_000_000L;

    private static final Comparator<PodState> PRIORITY_SORT = Comparator
            .comparingInt((PodState p) -> -p.pod.priority())
            .thenComparingLong(p -> p.queuedAt)
            .thenComparingLong(p -> p.queueSeq);

    private final ApiStore store;
    private final ControllerEffects io;
    private final Binding binding;
    private final Eviction eviction;
    private final SplittableRandom random;
    private final Set<String> explainNames;
    private final ClusterState cluster = new ClusterState();
    private final KubernetesPlacement placement;
    /** The active queue: the next pod is the first in {@link #PRIORITY_SORT}, a total order. */
    private final PriorityQueue<PodState> active = new PriorityQueue<>(PRIORITY_SORT);
    /** Pods that failed, in the unschedulable set or backing off, by id in the order they failed. */
    private final Map<String, PodState> waiting = new LinkedHashMap<>();
    private long queueSeq;
    /** Whether the last run armed the wake timer (a run with no pod waiting cancels it). */
    private boolean wakeArmed;

    /**
     * @param random breaks ties between the best-scoring nodes
     * @param explainNames the pods whose every scheduling decision is logged in full
     * @param volumes the claims and volumes VolumeBinding reads, and the writes its PreBind makes
     */
    Scheduler(ApiStore store, ControllerEffects io, Binding binding, Eviction eviction, SplittableRandom random,
            Set<String> explainNames, VolumeController volumes) {
        this.placement = new KubernetesPlacement(Profile.defaults().withVolumeBinder(new ClaimBinder(volumes, volumes))
                .withVolumeLimits(volumes, volumes));
        this.store = store;
        this.io = io;
        this.binding = binding;
        this.eviction = eviction;
        this.random = random;
        this.explainNames = Set.copyOf(explainNames);
    }

    void addNode(NodeState node) {
        cluster.addNode(node.kubeNode());
        clusterEvent();
    }

    /** The node's spec or status changed; {@code requeue} when that may let unschedulable pods fit. */
    void nodeChanged(NodeState node, boolean requeue) {
        cluster.updateNode(node.kubeNode());
        if (requeue) {
            clusterEvent();
        }
    }

    /**
     * The node's kubelet pulled {@code image}, already in the node's images, and nothing else of the
     * node changed: the cluster state adds that image alone instead of reading the whole node again.
     */
    void imagePulled(NodeState node, String image) {
        if (!cluster.addImage(node.name(), image, node.images.get(image))) {
            nodeChanged(node, false); // "x" beside "x:latest": one image, and the full update picks its size
        }
    }

    void removeNode(String name) {
        cluster.removeNode(name);
        clusterEvent();
    }

    void enqueue(PodState p) {
        p.queuedAt = io.now();
        p.queueSeq = ++queueSeq;
        active.add(p);
    }

    void podRemoved(PodState p) {
        cluster.unbind(p.pod.key());
        active.remove(p);
        waiting.remove(p.id);
        clusterEvent();
    }

    /** Upstream {@code MoveAllToActiveOrBackoffQueue}: unschedulable pods retry once their back-off ends. */
    void clusterEvent() {
        waiting.values().forEach(p -> p.waitingForEvent = false);
    }

    /** Schedules every pod that is due, one at a time; then arms the timer for the next one. */
    void run() {
        long now = io.now();
        if (!waiting.isEmpty()) { // most runs follow a status post, with no pod waiting
            for (PodState p : List.copyOf(waiting.values())) {
                if (dueAt(p) <= now) {
                    waiting.remove(p.id);
                    enqueue(p);
                }
            }
        }
        while (!active.isEmpty()) {
            attempt(active.poll());
        }
        long wake = Long.MAX_VALUE;
        for (PodState p : waiting.values()) {
            wake = Math.min(wake, dueAt(p));
        }
        wakeArmed = wake != Long.MAX_VALUE;
        if (wake == Long.MAX_VALUE) {
            io.cancelTimer(KubeTimer.SchedulerWake.INSTANCE);
        } else {
            io.startTimer(KubeTimer.SchedulerWake.INSTANCE, Math.max(0, wake - now));
        }
    }

    /**
     * Whether {@link #run} would do nothing now: no pod to schedule, none waiting, and no wake timer
     * armed for it to cancel.
     */
    boolean idle() {
        return active.isEmpty() && waiting.isEmpty() && !wakeArmed;
    }

    private long dueAt(PodState p) {
        if (p.waitingForEvent) {
            return p.lastAttempt + MAX_UNSCHEDULABLE_NANOS;
        }
        long backoff = INITIAL_BACKOFF_NANOS;
        for (int i = 1; i < p.attempts && backoff < MAX_BACKOFF_NANOS; i++) {
            backoff *= 2;
        }
        return p.lastAttempt + Math.min(backoff, MAX_BACKOFF_NANOS);
    }

    private void attempt(PodState p) {
        if (p.deleting || p.node != null || !store.pods.containsKey(p.id)) {
            return;
        }
        boolean explain = explainNames.contains(p.slotName);
        ScheduleResult result = placement.scheduleAndAssume(cluster, p.pod, random, explain);
        p.attempts++;
        p.lastAttempt = io.now();
        if (result.scheduled()) {
            binding.bind(p, result.node().get());
        } else {
            p.waitingForEvent = true;
            waiting.put(p.id, p);
            String message = result.failedScheduling().orElse("");
            if (!Objects.equals(p.error, message)) {
                p.error = message;
                io.log(new TaskUnplaced(p.id, message));
            }
            result.nomination().ifPresent(n -> preempt(p, n.node(), n.victims()));
        }
        if (explain) {
            io.log(new TaskExplained(p.id, p.slotName, result.node().orElse(null), p.error,
                    result.verdicts().stream().map(Scheduler::verdict).toList()));
        }
    }

    /** DefaultPreemption nominated a node: its victims are deleted gracefully. */
    private void preempt(PodState preemptor, String node, List<String> victims) {
        for (String key : victims) {
            for (PodState victim : store.podsOn(node)) {
                if (victim.pod.key().equals(key)) {
                    eviction.evict(victim, "Preempted", "Preempted by " + preemptor.pod.key() + " on node " + node,
                            "preempted by " + preemptor.id);
                }
            }
        }
    }

    private static TaskExplained.Verdict verdict(NodeVerdict v) {
        if (!v.examined()) {
            return new TaskExplained.Verdict(v.node(), false, "not examined (percentageOfNodesToScore)", new TreeMap<>());
        }
        if (!v.feasible()) {
            return new TaskExplained.Verdict(v.node(), false, String.join(", ", v.reasons()), new TreeMap<>());
        }
        return new TaskExplained.Verdict(v.node(), true, "", new TreeMap<>(v.scores()),
                v.scores().isEmpty() ? null : v.total());
    }
}
