package io.flotilla.scenarios.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.compare.Fault;
import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnallocated;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The data a report page draws, read from a run's event log in one pass, as the JSON that the page
 * embeds. Every time is in whole milliseconds, rounded up from the log's nanoseconds, so that an
 * event is part of the cluster at a whole millisecond {@code T} exactly when the log's
 * {@link ClusterView} at {@code T} has applied it.
 *
 * <p>The page rebuilds the cluster at any moment from change lists: a list {@code [t0, v0, dt1, v1,
 * ...]} holds the value {@code v0} from {@code t0} on, then each change {@code dt} milliseconds after
 * the one before (deltas keep a 100,000-task run small). Values are indexes into the tables at the
 * top of the document ({@code states}, {@code nodeStatuses}...), or into the run's own tables
 * ({@code services}, {@code errors}, DNS {@code answers}).
 *
 * <p>Shape, per run: {@code histories}, the change lists, each written once and referred to by
 * its index; {@code nodes} as {@code [name, role, zone, up, believed, availability]};
 * {@code tasks} as {@code [name, service, node, nodeAt, truth, believed, health, errors]}, where a
 * name {@code SERVICE.SLOT} is given as the slot alone and node is -1 while the task is unplaced;
 * {@code leader}; {@code dns} ({@code networks, names, answers, changes} as flat {@code [dt, node,
 * network, name, answer]}, node -1 for the cluster DNS that answers every node alike);
 * {@code traffic} per client (windows as flat {@code [logged, from, sent, served, failed...]}, one
 * failed count per reason); {@code expectations} and {@code ignored} actions.
 */
public final class ReportData {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the page's legend and colours are keyed by, in the order of the log's enums. */
    static final List<String> STATES = Arrays.stream(TaskState.values()).map(TaskState::lowerName).toList();
    static final List<String> NODE_STATUSES = lower(NodeStatus.values());
    static final List<String> AVAILABILITIES = lower(Availability.values());
    static final List<String> LEADER_STATES = List.of("leader", "election", "quorum_lost");
    static final List<String> HEALTH = List.of("starting", "healthy", "unhealthy");

    private ReportData() {}

    /** The document of a {@code run} page: one run. */
    public static ObjectNode ofRun(RunResult run, List<ExpectationResult> expectations) {
        ObjectNode root = document(run.scenario(), "run", run.end());
        root.putArray("runs").add(run(run, expectations));
        return root;
    }

    /**
     * The document of a {@code compare} page: one run per strategy on one time axis, and the
     * comparison's own table as {@code compare} prints it.
     */
    public static ObjectNode ofComparison(Scenario scenario, List<RunResult> runs, List<List<ExpectationResult>> expectations,
            String table) {
        long end = runs.stream().mapToLong(RunResult::end).max().orElse(scenario.until());
        ObjectNode root = document(scenario, "compare", end);
        ArrayNode list = root.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            list.add(run(runs.get(i), expectations.get(i)));
        }
        root.put("table", table);
        return root;
    }

    private static ObjectNode document(Scenario scenario, String kind, long end) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", kind);
        root.put("scenario", scenario.name());
        root.put("description", scenario.description());
        root.put("end", millis(end));
        strings(root.putArray("states"), STATES);
        strings(root.putArray("nodeStatuses"), NODE_STATUSES);
        strings(root.putArray("availabilities"), AVAILABILITIES);
        strings(root.putArray("leaderStates"), LEADER_STATES);
        strings(root.putArray("health"), HEALTH);
        ArrayNode faults = root.putArray("faults");
        for (Fault f : Fault.of(scenario)) {
            faults.addObject().put("at", millis(f.at())).put("what", f.what());
        }
        return root;
    }

    private static ObjectNode run(RunResult run, List<ExpectationResult> expectations) {
        return new RunReader(run).read(expectations);
    }

    /** Reads one run's log into its part of the document. */
    private static final class RunReader {
        private final RunResult run;
        private final Map<String, NodeTrack> nodes = new LinkedHashMap<>();
        private final List<NodeTrack> nodeList = new ArrayList<>();
        private final Map<String, TaskTrack> tasks = new HashMap<>();
        private final List<TaskTrack> taskList = new ArrayList<>();
        private final Table services = new Table();
        private final Table errors = new Table();
        private final Table networks = new Table();
        private final Table dnsNames = new Table();
        private final Histories histories = new Histories();
        private final Map<List<String>, Integer> answers = new LinkedHashMap<>();
        private final Changes dns = new Changes(5);
        private final Changes leader = new Changes(2);
        private final Map<String, List<Window>> windows = new LinkedHashMap<>();
        private final Map<String, TreeSet<String>> reasons = new LinkedHashMap<>();
        private final ArrayNode ignored = MAPPER.createArrayNode();

        RunReader(RunResult run) {
            this.run = run;
            for (NodeDecl n : run.scenario().nodes()) {
                NodeTrack track = new NodeTrack(n, nodeList.size());
                nodes.put(n.name(), track);
                nodeList.add(track);
            }
            for (TrafficDecl client : run.scenario().traffic()) {
                windows.put(client.name(), new ArrayList<>());
                reasons.put(client.name(), new TreeSet<>());
            }
        }

        ObjectNode read(List<ExpectationResult> expectations) {
            for (LoggedEvent logged : run.log().events()) {
                apply(millis(logged.time()), logged.event());
            }
            ObjectNode o = MAPPER.createObjectNode();
            o.put("strategy", run.strategy().lowerName());
            o.put("seed", run.seed());
            o.put("end", millis(run.end()));
            o.put("passed", expectations.stream().allMatch(ExpectationResult::passed));
            ArrayNode nodeArray = o.putArray("nodes");
            nodeList.forEach(n -> n.write(nodeArray.addArray(), histories));
            strings(o.putArray("services"), services.names);
            strings(o.putArray("errors"), errors.names);
            ArrayNode taskArray = o.putArray("tasks");
            taskList.forEach(t -> t.write(taskArray.addArray(), histories, services.names));
            histories.write(o.putArray("histories"));
            leader.write(o.putArray("leader"));
            ObjectNode dnsNode = o.putObject("dns");
            strings(dnsNode.putArray("networks"), networks.names);
            strings(dnsNode.putArray("names"), dnsNames.names);
            ArrayNode answerArray = dnsNode.putArray("answers");
            answers.keySet().forEach(a -> strings(answerArray.addArray(), a));
            dns.write(dnsNode.putArray("changes"));
            writeTraffic(o.putArray("traffic"));
            ArrayNode checks = o.putArray("expectations");
            for (ExpectationResult e : expectations) {
                checks.addObject().put("line", e.line()).put("check", e.check()).put("at", millis(e.at()))
                        .put("passed", e.passed()).put("detail", e.detail());
            }
            o.set("ignored", ignored);
            return o;
        }

        private void apply(long t, Event event) {
            if (event instanceof TaskCreated e) {
                TaskTrack task = new TaskTrack(e.name(), e.slot(), services.index(e.service()), t);
                tasks.put(e.task(), task);
                taskList.add(task);
                if (e.node() != null) {
                    task.placeOn(node(e.node()), t);
                }
            } else if (event instanceof TaskStateChanged e) {
                TaskTrack task = tasks.get(e.task());
                if (task != null) {
                    // As the view: a task that leaves new got its addresses, so the allocator's error is past.
                    if (e.state() != TaskState.PENDING || task.state == TaskState.NEW) {
                        task.error(t, e.error() == null ? -1 : errors.index(e.error()));
                    }
                    task.state = e.state();
                    task.truth.add(t, e.state().ordinal());
                    if (e.node() != null) {
                        task.placeOn(node(e.node()), t);
                    }
                }
            } else if (event instanceof TaskObserved e) {
                withTask(e.task(), task -> task.believed.add(t, e.state().ordinal()));
            } else if (event instanceof TaskUnplaced e) {
                withTask(e.task(), task -> task.error(t, errors.index(e.error())));
            } else if (event instanceof TaskUnallocated e) {
                withTask(e.task(), task -> task.error(t, errors.index(e.error())));
            } else if (event instanceof TaskHealthChanged e) {
                withTask(e.task(), task -> task.health.add(t, Math.max(0, HEALTH.indexOf(e.status()))));
            } else if (event instanceof NodeCrashed e) {
                withNode(e.node(), n -> n.up.add(t, 0));
            } else if (event instanceof NodeBooted e) {
                withNode(e.node(), n -> n.up.add(t, 1));
            } else if (event instanceof NodeStatusChanged e) {
                withNode(e.node(), n -> n.believed.add(t, e.status().ordinal()));
            } else if (event instanceof NodeAvailabilityChanged e) {
                withNode(e.node(), n -> n.availability.add(t, e.availability().ordinal()));
            } else if (event instanceof LeaderChanged e) {
                leader.add(t, Math.max(0, LEADER_STATES.indexOf(e.state())));
            } else if (event instanceof DnsAnswersChanged e) {
                int node = ClusterView.EVERY_NODE.equals(e.node()) ? -1 : node(e.node());
                dns.add(t, node, networks.index(e.network()), dnsNames.index(e.name()), answer(e));
            } else if (event instanceof TrafficCounted e) {
                List<Window> list = windows.get(e.client());
                if (list != null) {
                    reasons.get(e.client()).addAll(e.failed().keySet());
                    list.add(new Window(t, e));
                }
            } else if (event instanceof ActionIgnored e) {
                ignored.addObject().put("at", t).put("what", "ignored: " + e.action() + " " + e.target() + ": " + e.reason());
            }
        }

        private void writeTraffic(ArrayNode out) {
            for (TrafficDecl client : run.scenario().traffic()) {
                ObjectNode o = out.addObject();
                o.put("client", client.name());
                o.put("from", client.from().orElse(TrafficDecl.OUTSIDE));
                o.put("to", client.target());
                o.put("network", client.network().orElse(null));
                List<String> why = List.copyOf(reasons.get(client.name()));
                strings(o.putArray("reasons"), why);
                ArrayNode flat = o.putArray("windows");
                for (Window w : windows.get(client.name())) {
                    flat.add(w.logged).add(w.counted.from() / Durations.SECOND).add(w.counted.sent()).add(w.counted.served());
                    why.forEach(r -> flat.add(w.counted.failed().getOrDefault(r, 0L)));
                }
            }
        }

        /** What a resolver on the node answers, by name: the tasks behind the addresses, a virtual IP, or nothing (NXDOMAIN). */
        private int answer(DnsAnswersChanged e) {
            List<String> shown;
            if (!e.tasks().isEmpty()) {
                shown = e.tasks().stream().map(id -> tasks.containsKey(id) ? tasks.get(id).name : id).toList();
            } else {
                shown = e.addresses().stream().map(a -> "VIP " + a).toList();
            }
            return answers.computeIfAbsent(shown, k -> answers.size());
        }

        private int node(String name) {
            NodeTrack n = nodes.get(name);
            return n == null ? -1 : n.index;
        }

        private void withTask(String id, java.util.function.Consumer<TaskTrack> change) {
            TaskTrack task = tasks.get(id);
            if (task != null) {
                change.accept(task);
            }
        }

        private void withNode(String name, java.util.function.Consumer<NodeTrack> change) {
            NodeTrack n = nodes.get(name);
            if (n != null) {
                change.accept(n);
            }
        }
    }

    /** A traffic window and when it was logged (once the fate of its every request was known). */
    private record Window(long logged, TrafficCounted counted) {}

    /** One node: whether it is really up, the manager's status for it, and its availability, over time. */
    private static final class NodeTrack {
        final NodeDecl decl;
        final int index;
        final Changes up = new Changes(2);
        final Changes believed = new Changes(2);
        final Changes availability = new Changes(2);

        NodeTrack(NodeDecl decl, int index) {
            this.decl = decl;
            this.index = index;
            up.add(0, 1);
            believed.add(0, NodeStatus.UNKNOWN.ordinal());
            availability.add(0, decl.availability().ordinal());
        }

        void write(ArrayNode a, Histories histories) {
            a.add(decl.name()).add(decl.spec().role().name().toLowerCase(Locale.ROOT));
            decl.zone().ifPresentOrElse(a::add, a::addNull);
            a.add(histories.index(up)).add(histories.index(believed)).add(histories.index(availability));
        }
    }

    /** One task: its state, the manager's record of it, its health and its error, over time. */
    private static final class TaskTrack {
        final String name;
        final int slot;
        final int service;
        int node = -1;
        long nodeAt = -1;
        TaskState state = TaskState.NEW;
        int error = -1;
        final Changes truth = new Changes(2);
        final Changes believed = new Changes(2);
        final Changes health = new Changes(2);
        final Changes errors = new Changes(2);

        TaskTrack(String name, int slot, int service, long created) {
            this.name = name;
            this.slot = slot;
            this.service = service;
            truth.add(created, TaskState.NEW.ordinal());
            believed.add(created, TaskState.NEW.ordinal());
        }

        void placeOn(int nodeIndex, long t) {
            if (nodeIndex != node) {
                node = nodeIndex;
                nodeAt = t;
            }
        }

        void error(long t, int index) {
            if (index != error) {
                error = index;
                errors.add(t, index);
            }
        }

        void write(ArrayNode a, Histories histories, List<String> serviceNames) {
            // Most names are SERVICE.SLOT: then the slot alone says it.
            if (name.equals(serviceNames.get(service) + "." + slot)) {
                a.add(slot);
            } else {
                a.add(name);
            }
            a.add(service).add(node).add(nodeAt);
            a.add(histories.index(truth)).add(histories.index(believed)).add(histories.index(health)).add(histories.index(errors));
        }
    }

    /** A list of changes in time order, each {@code width} numbers of which the first is the time; written with time deltas. */
    private static final class Changes {
        private final int width;
        private long[] values = new long[8];
        private int size;

        Changes(int width) {
            this.width = width;
        }

        void add(long... change) {
            if (width == 2 && size > 0 && values[size - 1] == change[1]) {
                return; // the same value again is no change
            }
            if (size + width > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            System.arraycopy(change, 0, values, size, width);
            size += width;
        }

        void write(ArrayNode out) {
            for (long v : encoded()) {
                out.add(v);
            }
        }

        long[] encoded() {
            long[] out = Arrays.copyOf(values, size);
            long previous = 0;
            for (int i = 0; i < size; i += width) {
                out[i] = values[i] - previous;
                previous = values[i];
            }
            return out;
        }
    }

    /**
     * Change lists numbered in the order they first appear, each written once: the tasks of a
     * service placed together share their lists, which keeps a 100,000-task page small.
     */
    private static final class Histories {
        private final Map<Key, Integer> index = new HashMap<>();
        private final List<long[]> lists = new ArrayList<>();

        private record Key(long[] values) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Key k && Arrays.equals(values, k.values);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(values);
            }
        }

        int index(Changes changes) {
            long[] values = changes.encoded();
            return index.computeIfAbsent(new Key(values), k -> {
                lists.add(values);
                return lists.size() - 1;
            });
        }

        void write(ArrayNode out) {
            for (long[] list : lists) {
                ArrayNode a = out.addArray();
                for (long v : list) {
                    a.add(v);
                }
            }
        }
    }

    /** Names numbered in the order they first appear. */
    private static final class Table {
        final List<String> names = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        int index(String name) {
            return index.computeIfAbsent(Objects.requireNonNullElse(name, ""), n -> {
                names.add(n);
                return names.size() - 1;
            });
        }
    }

    /** Virtual nanoseconds to whole milliseconds, rounded up (see the class comment). */
    static long millis(long nanos) {
        return nanos <= 0 ? 0 : (nanos - 1) / 1_000_000L + 1;
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }

    private static List<String> lower(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
