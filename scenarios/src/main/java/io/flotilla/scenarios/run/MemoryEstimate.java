package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * About how much heap a run of a scenario needs, told before the run starts, so that a run too big
 * for this JVM says so at once rather than failing with an {@code OutOfMemoryError} minutes in.
 *
 * <p>A deliberately high estimate from what a run keeps: {@value #BASE_MIB} MiB to start, {@value
 * #NODE_KIB} KiB per node (its agent, its records, its share of the event log), {@value #TASK_KIB}
 * KiB per task that will exist (the tasks of the services at the start, one more per task a
 * crashed node held, the new tasks of each update, scale, deploy and kill), and {@value #ENTRY_BYTES}
 * bytes per entry of the nodes' gossip-fed views (each network: its tasks, times the nodes that see
 * them, at most one per task). Requests are counted as they go and not kept. Measured against the
 * benchmarks' heaps after a full collection (5,000 nodes and 100,000 tasks: about 210 MiB live,
 * estimated 440 MiB; the traffic benchmark: about 220 MiB live, estimated 460 MiB).
 */
public record MemoryEstimate(long bytes, int nodes, long tasks, long viewEntries) {

    static final long BASE_MIB = 64;
    static final long NODE_KIB = 16;
    static final long TASK_KIB = 3;
    static final long ENTRY_BYTES = 64;

    public static MemoryEstimate of(Scenario scenario) {
        int nodes = scenario.nodes().size();
        Map<String, Long> perService = new HashMap<>();
        Map<String, String[]> networksOf = new HashMap<>();
        long tasks = 0;
        for (ServiceSpec s : scenario.services()) {
            long n = tasksOf(s, nodes);
            perService.put(s.name(), n);
            networksOf.put(s.name(), s.task().networks().toArray(String[]::new));
            tasks += n;
        }
        long startTasks = tasks;
        for (TimelineItem item : scenario.timeline()) {
            Action a = item.action();
            if (a instanceof Action.Crash) {
                tasks += nodes == 0 ? 0 : (startTasks + nodes - 1) / nodes;
            } else if (a instanceof Action.Update u) {
                tasks += perService.getOrDefault(u.service(), 0L);
            } else if (a instanceof Action.Scale s) {
                for (Map.Entry<String, Integer> e : s.replicas().entrySet()) {
                    tasks += e.getValue();
                    perService.put(e.getKey(), Math.max(perService.getOrDefault(e.getKey(), 0L), e.getValue()));
                }
            } else if (a instanceof Action.Deploy d) {
                for (ServiceSpec s : d.services()) {
                    long n = tasksOf(s, nodes);
                    tasks += n;
                    perService.merge(s.name(), n, Math::max);
                    networksOf.put(s.name(), s.task().networks().toArray(String[]::new));
                }
            } else if (a instanceof Action.KillTask) {
                tasks++;
            }
        }
        Map<String, Long> onNetwork = new HashMap<>();
        perService.forEach((service, n) -> {
            for (String network : networksOf.getOrDefault(service, new String[0])) {
                onNetwork.merge(network, n, Long::sum);
            }
        });
        long entries = 0;
        for (long n : onNetwork.values()) {
            entries = saturatedAdd(entries, saturatedMultiply(Math.min(nodes, n), n));
        }
        long bytes = saturatedAdd(saturatedAdd(BASE_MIB << 20, (NODE_KIB << 10) * nodes),
                saturatedAdd(saturatedMultiply(TASK_KIB << 10, tasks), saturatedMultiply(ENTRY_BYTES, entries)));
        return new MemoryEstimate(bytes, nodes, tasks, entries);
    }

    /**
     * Why a JVM that may use {@code maxMemory} bytes of heap ({@link Runtime#maxMemory()}) should not
     * start this run, or empty when it fits.
     */
    public Optional<String> refusal(long maxMemory) {
        if (bytes <= maxMemory) {
            return Optional.empty();
        }
        return Optional.of("this run needs about " + gib(bytes) + " of memory (" + nodes + " nodes, " + tasks + " tasks, "
                + viewEntries + " entries in the nodes' network views) and this JVM may use " + gib(maxMemory)
                + "; give it more (JDK_JAVA_OPTIONS=-Xmx" + ((bytes >> 30) + 1)
                + "g) or make the scenario smaller (docs/scenario-format.md, Limits)");
    }

    private static long tasksOf(ServiceSpec s, int nodes) {
        return s.mode() == ServiceMode.GLOBAL ? nodes : s.replicas();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
