package io.flotilla.scenarios.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.runtime.Application;
import io.flotilla.scheduler.runtime.Bytes;
import io.flotilla.scheduler.runtime.CpuThrottle;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ContainerCommanded;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker stats} and {@code kubectl top} would show at one moment of a run: each
 * container whose process runs (starting, running or paused), with the CPU and memory its task
 * reserves, its limits and what it uses; and each node with the sums over its containers beside
 * what it has. Reservations only place a task; limits are what its cgroup enforces.
 *
 * <p>Use is what the image's application declares ({@code cpu_use}, {@code memory_use}): CPU is what
 * it needs, capped at its CPU limit, and none while paused; memory is the step its running time has
 * reached (running time stops while it is paused), and nothing before it runs. The log tells which
 * containers run, since when and when they were paused; the scenario tells each task's spec (its
 * service's, as deployed when the task was created) and each image's application.
 */
public final class Stats {

    /** One container: CPU in nano-CPUs, memory in bytes; a limit of 0 is none; {@code pod} under the kubernetes strategy. */
    public record ContainerRow(String id, String name, Optional<String> pod, String service, String node, String state,
            long cpuReserved, long cpuLimit, long cpuUsed, long memoryReserved, long memoryLimit, long memoryUsed,
            long nodeMemory) {

        /** What {@code docker stats} divides by: the limit, or else the node's memory (0 if the node declares none). */
        long memoryCeiling() {
            return memoryLimit > 0 ? memoryLimit : nodeMemory;
        }
    }

    /** One node: its capacity and the sums over its containers' rows. */
    public record NodeRow(String name, String state, long cpus, long cpuReserved, long cpuLimits, long cpuUsed, long memory,
            long memoryReserved, long memoryLimits, long memoryUsed, int containers) {}

    private final Strategy strategy;
    private final long at;
    private final List<ContainerRow> containers;
    private final List<NodeRow> nodes;

    private Stats(Strategy strategy, long at, List<ContainerRow> containers, List<NodeRow> nodes) {
        this.strategy = strategy;
        this.at = at;
        this.containers = List.copyOf(containers);
        this.nodes = List.copyOf(nodes);
    }

    public List<ContainerRow> containers() {
        return containers;
    }

    public List<NodeRow> nodes() {
        return nodes;
    }

    /** What the containers of {@code run} use at virtual time {@code at}. */
    public static Stats of(RunResult run, long at) {
        Scenario scenario = run.scenario();
        ClusterView view = Views.initial(scenario);
        Map<String, Clock> clocks = new HashMap<>();
        Map<String, Long> createdAt = new HashMap<>();
        for (LoggedEvent logged : run.log().events()) {
            if (logged.time() > at) {
                break;
            }
            view.apply(logged);
            long now = logged.time();
            if (logged.event() instanceof TaskCreated e) {
                createdAt.put(e.task(), now);
            } else if (logged.event() instanceof TaskStateChanged e) {
                clocks.computeIfAbsent(e.task(), t -> new Clock()).state(e.state(), now);
            } else if (logged.event() instanceof ContainerCommanded e) {
                clocks.computeIfAbsent(e.task(), t -> new Clock()).command(e.command(), now);
            }
        }
        boolean kubernetes = run.strategy() == Strategy.KUBERNETES;
        List<ContainerRow> rows = new ArrayList<>();
        for (TaskView t : view.allTasks()) {
            boolean process = t.state() == TaskState.STARTING || t.state() == TaskState.RUNNING;
            Optional<NodeDecl> node = t.node().flatMap(scenario::node);
            if (!process || node.isEmpty() || view.node(node.get().name()).map(n -> !n.isUp()).orElse(true)) {
                continue;
            }
            TaskSpec spec = specOf(scenario, t.service, createdAt.getOrDefault(t.id, 0L)).task();
            Application app = scenario.image(t.image).app();
            Clock clock = clocks.getOrDefault(t.id, new Clock());
            boolean running = t.state() == TaskState.RUNNING;
            long cpu = t.paused() ? 0 : CpuThrottle.usedNanoCpus(app.cpuNanos(), spec.limits().nanoCpus());
            long memory = running ? app.memoryUse().at(clock.runningTime(at)) : 0;
            rows.add(new ContainerRow(containerId(t.id), t.name, kubernetes ? Optional.of(t.id) : Optional.empty(), t.service,
                    node.get().name(),
                    t.paused() ? "paused" : t.state().lowerName(), spec.reservations().nanoCpus(), spec.limits().nanoCpus(), cpu,
                    spec.reservations().memoryBytes(), spec.limits().memoryBytes(), memory,
                    node.get().spec().resources().memoryBytes()));
        }
        List<NodeRow> nodeRows = new ArrayList<>();
        for (NodeDecl n : scenario.nodes()) {
            List<ContainerRow> on = rows.stream().filter(r -> r.node().equals(n.name())).toList();
            Resources has = n.spec().resources();
            nodeRows.add(new NodeRow(n.name(), view.node(n.name()).map(v -> v.state()).orElse("ready"), has.nanoCpus(),
                    on.stream().mapToLong(ContainerRow::cpuReserved).sum(), on.stream().mapToLong(ContainerRow::cpuLimit).sum(),
                    on.stream().mapToLong(ContainerRow::cpuUsed).sum(), has.memoryBytes(),
                    on.stream().mapToLong(ContainerRow::memoryReserved).sum(),
                    on.stream().mapToLong(ContainerRow::memoryLimit).sum(),
                    on.stream().mapToLong(ContainerRow::memoryUsed).sum(), on.size()));
        }
        return new Stats(run.strategy(), at, rows, nodeRows);
    }

    /** The service's spec as the file deployed it last at or before {@code time}: at the start, or by a timeline deploy. */
    static ServiceSpec specOf(Scenario scenario, String service, long time) {
        ServiceSpec spec = scenario.services().stream().filter(s -> s.name().equals(service)).findFirst().orElse(null);
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= time && item.action() instanceof Action.Deploy d) {
                spec = d.services().stream().filter(s -> s.name().equals(service)).findFirst().orElse(spec);
            }
        }
        if (spec == null) {
            throw new IllegalStateException("no spec of service " + service);
        }
        return spec;
    }

    /**
     * A container's running time: from its last start to running, less the time it spent paused
     * since (a frozen application allocates nothing).
     */
    private static final class Clock {
        long runningSince = -1;
        long paused;
        long pausedFrom = -1;

        void state(TaskState state, long now) {
            if (state == TaskState.RUNNING) {
                runningSince = now;
                paused = 0;
                pausedFrom = -1;
            } else if (state.isTerminal() || state == TaskState.STARTING) {
                thaw(now);
            }
        }

        void command(String command, long now) {
            if (command.equals("pause")) {
                pausedFrom = now;
            } else {
                thaw(now);
            }
        }

        private void thaw(long now) {
            if (pausedFrom >= 0) {
                paused += now - pausedFrom;
                pausedFrom = -1;
            }
        }

        long runningTime(long at) {
            if (runningSince < 0) {
                return 0;
            }
            return at - runningSince - paused - (pausedFrom >= 0 ? at - pausedFrom : 0);
        }
    }

    /** A container ID as docker shows it: 12 hex digits, here of the task's id, so that a run always shows the same. */
    static String containerId(String taskId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(taskId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public void print(PrintWriter out) {
        out.printf("stats at %s  strategy %s%n%n", Durations.format(at), strategy.name().toLowerCase(Locale.ROOT));
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("CONTAINER ID", "NAME", "NODE", "STATE", "CPU %", "CPU RESERVED", "CPU LIMIT", "MEM USAGE / LIMIT",
                "MEM %", "MEM RESERVED"));
        for (ContainerRow r : containers) {
            table.add(List.of(r.id(), r.pod().orElse(r.name()), r.node(), r.state(), percent(r.cpuUsed(), 1_000_000_000L),
                    cpus(r.cpuReserved()), cpus(r.cpuLimit()),
                    Bytes.format(r.memoryUsed()) + " / " + (r.memoryCeiling() > 0 ? Bytes.format(r.memoryCeiling()) : "-"),
                    r.memoryCeiling() > 0 ? percent(r.memoryUsed(), r.memoryCeiling()) : "-", bytes(r.memoryReserved())));
        }
        print(table, out);
        out.println();
        table = new ArrayList<>();
        table.add(List.of("NODE", "STATE", "CPUS", "CPU RESERVED", "CPU LIMITS", "CPU USED", "MEMORY", "MEM RESERVED",
                "MEM LIMITS", "MEM USED", "CONTAINERS"));
        for (NodeRow n : nodes) {
            table.add(List.of(n.name(), n.state(), cpus(n.cpus()), share(cpus(n.cpuReserved()), n.cpuReserved(), n.cpus()),
                    share(cpus(n.cpuLimits()), n.cpuLimits(), n.cpus()), share(cpus(n.cpuUsed()), n.cpuUsed(), n.cpus()),
                    bytes(n.memory()), share(bytes(n.memoryReserved()), n.memoryReserved(), n.memory()),
                    share(bytes(n.memoryLimits()), n.memoryLimits(), n.memory()),
                    share(bytes(n.memoryUsed()), n.memoryUsed(), n.memory()), Integer.toString(n.containers())));
        }
        print(table, out);
        out.flush();
    }

    public ObjectNode json() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("at", Durations.format(at));
        root.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
        ArrayNode list = root.putArray("containers");
        for (ContainerRow r : containers) {
            ObjectNode o = list.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            r.pod().ifPresent(pod -> o.put("pod", pod));
            o.put("service", r.service());
            o.put("node", r.node());
            o.put("state", r.state());
            ObjectNode cpu = o.putObject("cpu");
            cpu.put("reserved", cores(r.cpuReserved()));
            cpu.put("limit", cores(r.cpuLimit()));
            cpu.put("used", cores(r.cpuUsed()));
            ObjectNode memory = o.putObject("memory");
            memory.put("reserved", r.memoryReserved());
            memory.put("limit", r.memoryLimit());
            memory.put("used", r.memoryUsed());
        }
        ArrayNode nodeList = root.putArray("nodes");
        for (NodeRow n : nodes) {
            ObjectNode o = nodeList.addObject();
            o.put("name", n.name());
            o.put("state", n.state());
            ObjectNode cpu = o.putObject("cpu");
            cpu.put("capacity", cores(n.cpus()));
            cpu.put("reserved", cores(n.cpuReserved()));
            cpu.put("limits", cores(n.cpuLimits()));
            cpu.put("used", cores(n.cpuUsed()));
            ObjectNode memory = o.putObject("memory");
            memory.put("capacity", n.memory());
            memory.put("reserved", n.memoryReserved());
            memory.put("limits", n.memoryLimits());
            memory.put("used", n.memoryUsed());
            o.put("containers", n.containers());
        }
        return root;
    }

    private static BigDecimal cores(long nanoCpus) {
        return BigDecimal.valueOf(nanoCpus).movePointLeft(9).stripTrailingZeros();
    }

    private static String cpus(long nanoCpus) {
        return nanoCpus == 0 ? "-" : cores(nanoCpus).toPlainString();
    }

    private static String bytes(long bytes) {
        return bytes == 0 ? "-" : Bytes.format(bytes);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    /** An amount, with its share of the node's capacity when both are known. */
    private static String share(String amount, long part, long whole) {
        return part == 0 || whole == 0 ? amount : amount + " (" + Math.round(100.0 * part / whole) + "%)";
    }

    /** Columns as docker's tabwriter lays them out: left aligned, three spaces apart. */
    private static void print(List<List<String>> table, PrintWriter out) {
        int[] widths = new int[table.get(0).size()];
        table.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 3) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
