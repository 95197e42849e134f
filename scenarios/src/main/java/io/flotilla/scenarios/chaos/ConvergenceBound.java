package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.cluster.Fabric;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How long after its last disturbance a service may take to be back to its desired count, derived
 * from the strategy's own timings (every part is an upper bound of one step of the recovery):
 *
 * <ul>
 *   <li>Swarm: {@code detect} = missed heartbeats x (period + epsilon), the longest a dead node
 *       stays ready, twice that when the timeline may make a new leader (it crashes, restarts, cuts
 *       off or firewalls a manager), after which every node is unknown with a doubled grace, and
 *       then {@code elect}, the longest election; {@code restart} = the longest restart delay of any
 *       service or statefulset; {@code start} = the slowest pull (image size over the slowest
 *       node's bandwidth) plus start, a stop grace period for a task that must stop first, and the
 *       first probe of a health check; {@code rollout} = a whole rolling update, batches of {@code
 *       parallelism} each taking delay + monitor + start; {@code slack} 15s (the scheduler's
 *       batching, a heartbeat in flight).
 *   <li>Kubernetes: {@code detect} = node-monitor grace period + period; {@code evict} = the default
 *       toleration seconds plus one eviction per node at the default rate (0.1 node/s); {@code
 *       restart} = the longest CrashLoopBackOff (5m); {@code start} and {@code rollout} as for Swarm
 *       (a rollout pod by pod); {@code slack} 30s (kubelet status posts every 10s, the controllers'
 *       resyncs).
 * </ul>
 */
public record ConvergenceBound(long elect, long detect, long evict, long restart, long start, long rollout, long slack) {

    static final long SWARM_SLACK = Durations.seconds(15);
    static final long KUBERNETES_SLACK = Durations.seconds(30);
    static final long MAX_BACKOFF = Durations.seconds(300);
    /** The node lifecycle controller's default eviction rate: one node every 10s. */
    static final long EVICTION_INTERVAL = Durations.seconds(10);

    public long total() {
        return elect + detect + evict + restart + start + rollout + slack;
    }

    public static ConvergenceBound of(Scenario scenario, Strategy strategy) {
        List<ServiceSpec> services = allServices(scenario);
        long start = 0;
        long slowestBandwidth = scenario.nodes().stream().mapToLong(NodeDecl::pullBandwidthBytesPerSecond).min()
                .orElse(NodeDecl.DEFAULT_PULL_BANDWIDTH);
        int most = 1;
        for (ServiceSpec s : services) {
            most = Math.max(most, s.replicas());
        }
        for (TimelineItem item : scenario.timeline()) {
            if (item.action() instanceof Action.Scale sc) {
                for (int r : sc.replicas().values()) {
                    most = Math.max(most, r);
                }
            }
        }
        long restartDelay = 0;
        long rollout = 0;
        for (String image : images(scenario, services)) {
            ImageDecl d = scenario.image(image);
            start = Math.max(start, d.sizeBytes() * Durations.SECOND / Math.max(1, slowestBandwidth) + d.startNanos());
        }
        long stopGrace = services.stream().mapToLong(s -> s.task().stopGracePeriodNanos()).max().orElse(0);
        start += stopGrace;
        for (ServiceSpec s : services) {
            restartDelay = Math.max(restartDelay, s.task().restartPolicy().delayNanos());
            UpdateConfig u = s.update();
            int batch = u.parallelism() == 0 ? most : u.parallelism();
            long batches = (most + batch - 1) / batch;
            rollout = Math.max(rollout, batches * (u.delayNanos() + u.monitorNanos() + start));
        }
        if (strategy == Strategy.KUBERNETES) {
            long detect = scenario.kubernetes().nodeMonitorGracePeriod() + scenario.kubernetes().nodeMonitorPeriod();
            long evict = Durations.seconds(scenario.kubernetes().defaultTolerationSeconds())
                    + scenario.nodes().size() * EVICTION_INTERVAL;
            return new ConvergenceBound(0, detect, evict, MAX_BACKOFF, start, rollout, KUBERNETES_SLACK);
        }
        long firstHealthy = 0;
        for (ServiceSpec s : services) {
            firstHealthy = Math.max(firstHealthy, firstHealthy(s.task()));
        }
        for (StatefulSetDecl set : allStatefulSets(scenario)) {
            // each ordinal is a service of its own under Swarm, with the set's restart policy
            restartDelay = Math.max(restartDelay, set.task().restartPolicy().delayNanos());
            firstHealthy = Math.max(firstHealthy, firstHealthy(set.task()));
        }
        long detect = scenario.swarm().missedHeartbeats()
                * (scenario.swarm().heartbeatPeriod() + scenario.swarm().heartbeatEpsilon());
        long elect = 0;
        if (leaderMayChange(scenario)) {
            // after an election every node is unknown, with twice the grace (gracePeriodMultiplierUnknown)
            elect = Fabric.LONGEST_ELECTION_NANOS;
            detect *= 2;
        }
        // a task with a health check is running only once its first probe passes
        return new ConvergenceBound(elect, detect, 0, restartDelay, start + firstHealthy, rollout, SWARM_SLACK);
    }

    /** The first probe of the task's health check, if it has one: an interval after it starts, and the probe itself. */
    private static long firstHealthy(TaskSpec task) {
        return task.healthcheck().map(h -> h.intervalNanos() + h.timeoutNanos()).orElse(0L);
    }

    /** Whether the timeline crashes, restarts, cuts off or firewalls a manager, so a new leader may be elected. */
    private static boolean leaderMayChange(Scenario scenario) {
        Set<String> managers = new TreeSet<>();
        scenario.nodes().stream().filter(n -> n.spec().role() == NodeRole.MANAGER).forEach(n -> managers.add(n.name()));
        for (TimelineItem item : scenario.timeline()) {
            Action a = item.action();
            if (a instanceof Action.Partition
                    || a instanceof Action.Crash c && managers.contains(c.node())
                    || a instanceof Action.Restart r && managers.contains(r.node())
                    || a instanceof Action.Zone z && z.nodes().stream().anyMatch(managers::contains)
                    || a instanceof Action.Link l && (managers.contains(l.a()) || managers.contains(l.b()))
                    || a instanceof Action.Firewall f && managers.contains(f.node())) {
                return true;
            }
        }
        return false;
    }

    private static List<StatefulSetDecl> allStatefulSets(Scenario scenario) {
        return withDeployed(scenario.statefulsets(), scenario, Action.Deploy::statefulsets);
    }

    private static List<ServiceSpec> allServices(Scenario scenario) {
        return withDeployed(scenario.services(), scenario, Action.Deploy::services);
    }

    /** The file's own declarations, then those each timeline {@code deploy} brings, in the timeline's order. */
    private static <T> List<T> withDeployed(List<T> declared, Scenario scenario, Function<Action.Deploy, List<T>> deployed) {
        List<T> all = new ArrayList<>(declared);
        for (TimelineItem item : scenario.timeline()) {
            if (item.action() instanceof Action.Deploy d) {
                all.addAll(deployed.apply(d));
            }
        }
        return all;
    }

    private static List<String> images(Scenario scenario, List<ServiceSpec> services) {
        List<String> names = new ArrayList<>(scenario.images().keySet());
        services.stream().map(ServiceSpec::task).map(TaskSpec::image).forEach(names::add);
        return names;
    }

    /** {@code detect 16.5s + restart 5s + ...= 1m}, for reports. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "elect", elect);
        add(parts, "detect", detect);
        add(parts, "evict", evict);
        add(parts, "restart", restart);
        add(parts, "start", start);
        add(parts, "rollout", rollout);
        add(parts, "slack", slack);
        return String.join(" + ", parts) + " = " + Durations.format(total());
    }

    private static void add(List<String> parts, String name, long value) {
        if (value > 0) {
            parts.add(name + " " + Durations.format(value));
        }
    }
}
