package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import io.flotilla.sim.view.VolumeView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What an expectation checks, about what is really true in the simulated cluster (not what the
 * manager believes). Names are checked: services and statefulsets exist at the expectation's time,
 * nodes exist, task names are well formed.
 *
 * <p>Each kind is declared once, here: its key and how it is evaluated on the cluster as the event
 * log tells it; its binder in {@code io.flotilla.scenarios.parse} reads it from the file (a test
 * checks that every kind has one, and that the JSON Schema and the format's page list its key).
 */
public sealed interface Check {

    /** The key that introduces the check in a scenario file, also used in the JSON result. */
    String keyword();

    /** Whether the check holds on {@code view}, the cluster at the expectation's time, and what was found. */
    Outcome evaluate(ClusterView view);

    /**
     * True when the check is about something the log records only later: the requests sent before
     * its time, whose fates are decided (and their windows logged) after they are sent. Such a check
     * is evaluated on the view of the whole run and knows its own time.
     */
    default boolean readsLaterEvents() {
        return false;
    }

    /**
     * True when the check asks what happened when, and so reads every event before its time: its
     * view must {@linkplain ClusterView#keepHistory keep them}.
     */
    default boolean readsHistory() {
        return false;
    }

    /** A check's verdict and the words for what was found ({@code web: 6 running}). */
    record Outcome(boolean passed, String detail) {}

    /** One outcome per entry, in key order: passed when all passed, details joined by {@code ; }. */
    private static <V> Outcome each(Map<String, V> entries, BiFunction<String, V, Outcome> one) {
        boolean passed = true;
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, V> e : entries.entrySet()) {
            Outcome o = one.apply(e.getKey(), e.getValue());
            passed &= o.passed();
            details.add(o.detail());
        }
        return new Outcome(passed, String.join("; ", details));
    }

    /** Exactly this many tasks in state running, per service or statefulset. */
    record Running(SortedMap<String, Integer> counts) implements Check {
        public Running {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }

        public String keyword() {
            return "running";
        }

        public Outcome evaluate(ClusterView view) {
            return each(counts, (service, want) -> {
                int got = view.running(service).size();
                return new Outcome(got == want, service + ": " + got + " running" + (got == want ? "" : ", expected " + want));
            });
        }
    }

    /** Exactly this many running tasks of the service on each listed node (other nodes unchecked). */
    record PlacementCheck(SortedMap<String, SortedMap<String, Integer>> counts) implements Check {
        public PlacementCheck {
            TreeMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
            counts = Collections.unmodifiableSortedMap(copy);
        }

        public String keyword() {
            return "placement";
        }

        public Outcome evaluate(ClusterView view) {
            return each(counts, (service, perNode) -> {
                Map<String, Integer> actual = view.runningPerNode(service);
                List<String> wrong = new ArrayList<>();
                perNode.forEach((node, want) -> {
                    int got = actual.getOrDefault(node, 0);
                    if (got != want) {
                        wrong.add(node + " has " + got + ", expected " + want);
                    }
                });
                return new Outcome(wrong.isEmpty(), service + ": " + (wrong.isEmpty() ? actual.toString() : String.join(", ", wrong)));
            });
        }
    }

    /**
     * The multiset of running-task counts per service over the nodes that hold at least one, or,
     * {@linkplain Over#label over a label}, over the values of that label among the nodes that hold
     * any (the nodes without the label are one more group, as swarmkit's spread preference groups
     * them). Counts compare in any order; they are stored largest first ({@code [2, 2, 1]}).
     */
    record Spread(SortedMap<String, Over> wanted) implements Check {
        public Spread {
            wanted = Collections.unmodifiableSortedMap(new TreeMap<>(wanted));
        }

        /**
         * The counts wanted over nodes ({@code label} empty), or over the values of a node label
         * ({@code node.labels.zone}), with {@code groupOf} giving each node's value.
         */
        public record Over(Optional<String> label, SortedMap<String, String> groupOf, List<Integer> counts) {
            public Over {
                groupOf = Collections.unmodifiableSortedMap(new TreeMap<>(groupOf));
                counts = counts.stream().sorted(Collections.reverseOrder()).toList();
            }

            public static Over nodes(List<Integer> counts) {
                return new Over(Optional.empty(), new TreeMap<>(), counts);
            }

            /** The group of the nodes without the label. */
            public static final String UNLABELLED = "";
        }

        public String keyword() {
            return "spread";
        }

        public Outcome evaluate(ClusterView view) {
            return each(wanted, (service, want) -> {
                Map<String, Integer> perGroup = new TreeMap<>();
                view.runningPerNode(service).forEach((node, n) -> perGroup.merge(
                        want.label().isEmpty() ? node : want.groupOf().getOrDefault(node, Over.UNLABELLED), n, Integer::sum));
                List<Integer> got = perGroup.values().stream().sorted(Comparator.reverseOrder()).toList();
                boolean ok = got.equals(want.counts());
                String found = want.label().isEmpty() ? "spread " + got : "spread over " + want.label().get() + " " + groups(perGroup);
                return new Outcome(ok, service + ": " + found + (ok ? "" : ", expected " + want.counts()));
            });
        }

        private static String groups(Map<String, Integer> perGroup) {
            List<String> parts = new ArrayList<>();
            perGroup.forEach((group, n) -> parts.add((group.equals(Over.UNLABELLED) ? "(no label)" : group) + ": " + n));
            return "{" + String.join(", ", parts) + "}";
        }
    }

    /** Exactly this many tasks pending (not placed), and when given, each with exactly this reason. */
    record Pending(SortedMap<String, Integer> counts, Optional<String> reason) implements Check {
        public Pending {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }

        public String keyword() {
            return "pending";
        }

        public Outcome evaluate(ClusterView view) {
            Outcome byCount = each(counts, (service, want) -> {
                int got = view.pending(service).size();
                return new Outcome(got == want, service + ": " + got + " pending" + (got == want ? "" : ", expected " + want));
            });
            if (reason.isEmpty()) {
                return byCount;
            }
            String want = reason.get();
            List<String> reasons = counts.keySet().stream()
                    .flatMap(s -> view.pending(s).stream())
                    .map(t -> t.error().orElse(""))
                    .distinct()
                    .toList();
            boolean ok = reasons.size() == 1 && reasons.get(0).equals(want);
            String found = reasons.isEmpty() ? "none" : "\"" + String.join("\" | \"", reasons) + "\"";
            return new Outcome(byCount.passed() && ok,
                    byCount.detail() + "; reason " + found + (ok ? "" : ", expected \"" + want + "\""));
        }
    }

    /** The task runs on one of the listed nodes. */
    record On(SortedMap<String, List<String>> nodes) implements Check {
        public On {
            TreeMap<String, List<String>> copy = new TreeMap<>();
            nodes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            nodes = Collections.unmodifiableSortedMap(copy);
        }

        public String keyword() {
            return "on";
        }

        public Outcome evaluate(ClusterView view) {
            return each(nodes, (task, choices) -> {
                Optional<TaskView> t = view.newest(task);
                String where = t.filter(TaskView::isRunning).flatMap(TaskView::node).orElse(null);
                boolean ok = where != null && choices.contains(where);
                String found = t.isEmpty() ? "no such task"
                        : where == null ? "not running (" + t.get().state().lowerName() + ")" : "running on " + where;
                return new Outcome(ok, task + ": " + found
                        + (ok ? "" : ", expected " + (choices.size() == 1 ? choices.get(0) : "one of " + choices)));
            });
        }
    }

    /**
     * The secrets a task sees: the names of those granted to the newest task of the slot ({@code
     * web.1}, {@code web.worker-1}), the files its container mounts, compared as sets. An empty list
     * says the task sees none.
     */
    record Secrets(SortedMap<String, List<String>> tasks) implements Check {
        public Secrets {
            TreeMap<String, List<String>> copy = new TreeMap<>();
            tasks.forEach((k, v) -> copy.put(k, v.stream().sorted().distinct().toList()));
            tasks = Collections.unmodifiableSortedMap(copy);
        }

        public String keyword() {
            return "secrets";
        }

        public Outcome evaluate(ClusterView view) {
            return each(tasks, (task, expected) -> {
                Optional<TaskView> t = view.newest(task);
                if (t.isEmpty()) {
                    return new Outcome(false, task + ": no such task");
                }
                List<String> seen = t.get().secrets().stream().map(s -> s.name()).sorted().toList();
                boolean ok = seen.equals(expected);
                return new Outcome(ok, task + " sees " + (seen.isEmpty() ? "no secret" : String.join(", ", seen))
                        + (ok ? "" : ", expected " + (expected.isEmpty() ? "none" : String.join(", ", expected))));
            });
        }
    }

    /** The node's real condition: {@code READY}, {@code DOWN} or {@code UNKNOWN} (and {@code DISCONNECTED}). */
    record NodeCondition(SortedMap<String, NodeStatus> states) implements Check {
        public NodeCondition {
            states = Collections.unmodifiableSortedMap(new TreeMap<>(states));
        }

        public String keyword() {
            return "node";
        }

        public Outcome evaluate(ClusterView view) {
            return each(states, (node, status) -> {
                String want = status.name().toLowerCase(Locale.ROOT);
                String got = view.node(node).map(NodeView::state).orElse("absent");
                return new Outcome(got.equals(want), node + ": " + got + (got.equals(want) ? "" : ", expected " + want));
            });
        }
    }

    /**
     * What a container on node {@code from} gets when it resolves {@code name} on {@code network}
     * (any network when empty: the kubernetes strategy's one pod network): {@code count} addresses,
     * or, when {@code tasks} is given, exactly the addresses of those tasks (in any order). No answer
     * (NXDOMAIN) is 0 addresses; a virtual IP is one address and no task.
     */
    record Dns(String name, String from, Optional<String> network, Optional<List<String>> tasks, int count) implements Check {
        public Dns {
            tasks = tasks.map(t -> t.stream().sorted().toList());
        }

        public String keyword() {
            return "dns";
        }

        public Outcome evaluate(ClusterView view) {
            Optional<DnsAnswersChanged> answer = view.dns(from, network, name);
            List<String> addresses = answer.map(DnsAnswersChanged::addresses).orElse(List.of());
            List<String> names = answer.map(a -> a.tasks().stream().map(t -> taskName(view, t)).sorted().toList())
                    .orElse(List.of());
            boolean vip = !addresses.isEmpty() && names.isEmpty();
            boolean ok = tasks.map(want -> !vip && names.equals(want)).orElse(addresses.size() == count);
            String where = name + " from " + from + network.map(n -> " on " + n).orElse("");
            String expected = tasks.map(t -> t.isEmpty() ? "NXDOMAIN" : String.join(", ", t))
                    .orElse(count + (count == 1 ? " answer" : " answers"));
            return new Outcome(ok, where + ": " + answers(addresses, names) + (ok ? "" : ", expected " + expected));
        }
    }

    /**
     * What became of the requests {@code client} sent in the whole seconds before the expectation's
     * time {@code at} (the end of the run when empty), or, with {@code between}, in that span: each
     * {@link Measure} in its {@link Range}. Traffic is counted in one-second windows, so the span's
     * ends are whole seconds.
     */
    record Traffic(String client, Optional<Span> between, OptionalLong at, Map<Measure, Range> measures) implements Check {
        public Traffic {
            measures = Collections.unmodifiableMap(new EnumMap<>(measures));
        }

        /** What a traffic check counts: requests sent, served, failed, and the distinct tasks that served them. */
        public enum Measure {
            SENT("sent"),
            SERVED("served"),
            FAILED("failed"),
            SERVED_BY("served_by");

            public final String key;

            Measure(String key) {
                this.key = key;
            }
        }

        /** From {@code from} (included) to {@code to} (excluded), virtual nanoseconds. */
        public record Span(long from, long to) {}

        /** Exactly a number, or at least and/or at most one. */
        public record Range(OptionalLong atLeast, OptionalLong atMost) {
            public static Range exactly(long n) {
                return new Range(OptionalLong.of(n), OptionalLong.of(n));
            }

            public boolean holds(long n) {
                return (atLeast.isEmpty() || n >= atLeast.getAsLong()) && (atMost.isEmpty() || n <= atMost.getAsLong());
            }

            @Override
            public String toString() {
                if (atLeast.isPresent() && atMost.isPresent()) {
                    return atLeast.getAsLong() == atMost.getAsLong()
                            ? Long.toString(atLeast.getAsLong())
                            : "from " + atLeast.getAsLong() + " to " + atMost.getAsLong();
                }
                return atLeast.isPresent() ? "at least " + atLeast.getAsLong() : "at most " + atMost.getAsLong();
            }
        }

        public String keyword() {
            return "traffic";
        }

        @Override
        public boolean readsLaterEvents() {
            return true;
        }

        public Outcome evaluate(ClusterView view) {
            Span span = between.orElseGet(() -> new Span(0, at.orElse(view.time())));
            TrafficTotals totals = TrafficTotals.of(view.traffic(client), span.from(), span.to());
            List<String> wrong = new ArrayList<>();
            measures.forEach((m, range) -> {
                if (!range.holds(totals.get(m))) {
                    wrong.add(m.key + " " + range);
                }
            });
            String sent = between.isPresent()
                    ? "sent from " + Durations.format(span.from()) + " to " + Durations.format(span.to())
                    : "sent before " + Durations.format(span.to());
            return new Outcome(wrong.isEmpty(), client + ", requests " + sent + ": " + totals
                    + (wrong.isEmpty() ? "" : "; expected " + String.join(", ", wrong)));
        }
    }

    /**
     * The state of each service's newest rolling update or rollback, in swarmkit's words
     * ({@code UpdateStatus.State}): {@code updating}, {@code paused}, {@code completed},
     * {@code rollback_started}, {@code rollback_paused}, {@code rollback_completed}, or {@code none}
     * for a service that has had none. A Kubernetes Deployment's rollout is {@code updating} while
     * its condition Progressing says ReplicaSetUpdated and {@code completed} once NewReplicaSetAvailable;
     * {@code progressing} and {@code complete} are accepted as its words for those two, and a rollout
     * never pauses or rolls back by itself.
     */
    record UpdateState(SortedMap<String, String> states) implements Check {
        public static final String NONE = "none";
        /** Every state, in the order an update goes through them. */
        public static final List<String> STATES = List.of(NONE, "updating", "paused", "completed",
                "rollback_started", "rollback_paused", "rollback_completed");
        /** Kubernetes' words for the rollout states, and the state each one is. */
        public static final Map<String, String> ROLLOUT_WORDS = rolloutWords();

        public UpdateState {
            states = Collections.unmodifiableSortedMap(new TreeMap<>(states));
        }

        /** The state a word names: itself, or the swarmkit state of a Kubernetes word. */
        public static String canonical(String word) {
            return ROLLOUT_WORDS.getOrDefault(word, word);
        }

        public String keyword() {
            return "update";
        }

        public Outcome evaluate(ClusterView view) {
            return each(states, (service, want) -> {
                Optional<UpdateStatusChanged> status = view.updateStatus(service);
                String got = status.map(UpdateStatusChanged::state).orElse(NONE);
                boolean ok = got.equals(canonical(want));
                return new Outcome(ok, service + ": update " + got + status.map(s -> " (" + s.message() + ")").orElse("")
                        + (ok ? "" : ", expected " + want));
            });
        }

        private static Map<String, String> rolloutWords() {
            Map<String, String> words = new LinkedHashMap<>();
            words.put("progressing", "updating");
            words.put("complete", "completed");
            return Collections.unmodifiableMap(words);
        }
    }

    /**
     * The image a task runs ({@code tasks}: its newest running task of that name), or that every
     * running task of a service runs ({@code services}, at least one running). An image without a
     * tag is {@code :latest}, as Docker reads it.
     */
    record Image(SortedMap<String, String> tasks, SortedMap<String, String> services) implements Check {
        public Image {
            tasks = Collections.unmodifiableSortedMap(new TreeMap<>(tasks));
            services = Collections.unmodifiableSortedMap(new TreeMap<>(services));
        }

        public String keyword() {
            return "image";
        }

        /** {@code nginx} is {@code nginx:latest}; a tag or a digest is kept as written. */
        public static String normalized(String image) {
            int slash = image.lastIndexOf('/');
            return image.contains("@") || image.indexOf(':', slash + 1) >= 0 ? image : image + ":latest";
        }

        public Outcome evaluate(ClusterView view) {
            Outcome byTask = each(tasks, (task, want) -> {
                Optional<TaskView> newest = view.allTasks().stream()
                        .filter(t -> t.name.equals(task) && t.isRunning())
                        .reduce((first, second) -> second);
                if (newest.isEmpty()) {
                    return new Outcome(false, task + ": not running, expected " + want);
                }
                boolean ok = normalized(newest.get().image).equals(normalized(want));
                return new Outcome(ok, task + ": runs " + newest.get().image + (ok ? "" : ", expected " + want));
            });
            Outcome byService = each(services, (service, want) -> {
                Map<String, Integer> images = new TreeMap<>();
                view.running(service).forEach(t -> images.merge(t.image, 1, Integer::sum));
                boolean ok = !images.isEmpty() && images.keySet().stream().allMatch(i -> normalized(i).equals(normalized(want)));
                List<String> found = new ArrayList<>();
                images.forEach((image, n) -> found.add(n + " running " + image));
                return new Outcome(ok, service + ": " + (found.isEmpty() ? "none running" : String.join(", ", found))
                        + (ok ? "" : ", expected all " + want));
            });
            if (tasks.isEmpty() || services.isEmpty()) {
                return tasks.isEmpty() ? byService : byTask;
            }
            return new Outcome(byTask.passed() && byService.passed(), byTask.detail() + "; " + byService.detail());
        }
    }

    /**
     * Whether something of a {@link EventKind kind} happened, or never did: before the expectation's
     * time (its end included), or, with {@code between}, from its start (included) to its end
     * (excluded). {@code task}, {@code service} and {@code node} narrow it to what they name (a task
     * name is its slot, whichever of its tasks it was).
     */
    record Happened(EventKind kind, Optional<String> task, Optional<String> service, Optional<String> node,
            Optional<Traffic.Span> between, boolean happened) implements Check {

        public String keyword() {
            return "event";
        }

        @Override
        public boolean readsHistory() {
            return true;
        }

        public Outcome evaluate(ClusterView view) {
            List<Long> times = new ArrayList<>();
            for (LoggedEvent e : view.history()) {
                boolean inSpan = between.map(s -> e.time() >= s.from() && e.time() < s.to()).orElse(e.time() <= view.time());
                if (inSpan && kind.match().apply(e.event()).filter(subject -> narrows(subject, view)).isPresent()) {
                    times.add(e.time());
                }
            }
            String what = kind.name() + subjectWords();
            String when = between.map(s -> "from " + Durations.format(s.from()) + " to " + Durations.format(s.to()))
                    .orElse("by " + Durations.format(view.time()));
            if (times.isEmpty()) {
                return new Outcome(!happened, what + ": none " + when + (happened ? ", expected at least one" : ""));
            }
            String found = what + ": at " + Durations.format(times.get(0))
                    + (times.size() == 1 ? "" : " and " + (times.size() - 1) + " more time" + (times.size() == 2 ? "" : "s"));
            return new Outcome(happened, found + (happened ? "" : ", expected none " + when));
        }

        private boolean narrows(String subject, ClusterView view) {
            if (kind.subject() != EventKind.Subject.TASK) {
                return (service.isEmpty() || service.get().equals(subject)) && (node.isEmpty() || node.get().equals(subject));
            }
            Optional<TaskView> t = view.task(subject);
            return t.isPresent()
                    && task.map(n -> n.equals(t.get().name)).orElse(true)
                    && service.map(s -> s.equals(t.get().service)).orElse(true)
                    && node.map(n -> t.get().node().filter(n::equals).isPresent()).orElse(true);
        }

        private String subjectWords() {
            List<String> parts = new ArrayList<>();
            task.ifPresent(t -> parts.add(t));
            service.ifPresent(s -> parts.add((kind.subject() == EventKind.Subject.TASK ? "service " : "") + s));
            node.ifPresent(n -> parts.add((kind.subject() == EventKind.Subject.TASK ? "on " : "") + n));
            return parts.isEmpty() ? "" : " of " + String.join(" ", parts);
        }
    }

    /** The name a scenario uses for a task the log names by its id ({@code web.3#2} is {@code web.3}; a pod is its slot). */
    private static String taskName(ClusterView view, String id) {
        return view.task(id).map(t -> t.name).orElseGet(() -> id.contains("#") ? id.substring(0, id.lastIndexOf('#')) : id);
    }

    /** How a DNS answer reads: {@code NXDOMAIN}, {@code VIP 10.0.1.2}, or the tasks behind the addresses. */
    private static String answers(List<String> addresses, List<String> taskNames) {
        if (addresses.isEmpty()) {
            return "NXDOMAIN";
        }
        if (taskNames.isEmpty()) {
            return "VIP " + String.join(", ", addresses);
        }
        return addresses.size() + (addresses.size() == 1 ? " answer (" : " answers (") + String.join(", ", taskNames) + ")";
    }

    /**
     * What one volume must be: on which node, in which state, holding every write up to when. Any of
     * the three may be left out. {@code dataThrough} holds a time, or nothing for {@code none} (it
     * holds no write from the start). With {@code of}, {@code dataThrough} counts the writes of that
     * lineage only, those a replica's volume holds of its primary's ({@code of: db-0}).
     */
    record VolumeExpectation(Optional<String> node, Optional<String> state, Optional<OptionalLong> dataThrough, Optional<String> of) {

        /** Of the volume's own writers. */
        public VolumeExpectation(Optional<String> node, Optional<String> state, Optional<OptionalLong> dataThrough) {
            this(node, state, dataThrough, Optional.empty());
        }
    }

    /**
     * Volumes by name: each must be as its {@link VolumeExpectation} says. A {@code local} volume has
     * a copy on each node that mounted it; {@code node} picks the copy on that node, and without it
     * the volume must have one copy. A network volume's {@code node} is the node it is attached to.
     */
    record VolumeCheck(SortedMap<String, VolumeExpectation> volumes) implements Check {
        public VolumeCheck {
            volumes = Collections.unmodifiableSortedMap(new TreeMap<>(volumes));
        }

        public String keyword() {
            return "volume";
        }

        public Outcome evaluate(ClusterView view) {
            return each(volumes, (name, want) -> {
                List<VolumeView> copies = view.volumes(name);
                Optional<VolumeView> copy = want.node().flatMap(n -> copies.stream().filter(v -> v.on.equals(Optional.of(n))).findFirst())
                        .or(() -> copies.stream().filter(v -> v.on.isEmpty()).findFirst())
                        .or(() -> copies.size() == 1 && want.node().isEmpty() ? Optional.of(copies.get(0)) : Optional.empty());
                if (copy.isEmpty()) {
                    return new Outcome(false, name + (copies.isEmpty() ? ": no such volume"
                            : want.node().map(n -> ": no copy on " + n).orElse(": a copy on each of "
                                    + copies.stream().map(v -> v.on.orElse("")).collect(java.util.stream.Collectors.joining(", "))
                                    + "; say which with node")));
                }
                VolumeView v = copy.get();
                OptionalLong through = want.of().map(of -> v.dataThrough(of, view.time())).orElseGet(() -> v.dataThrough(view.time()));
                String got = name + (v.on.isPresent() ? " on " + v.on.get() + ": " + v.state()
                        : ": " + v.state() + v.node().map(n -> " to " + n).orElse(""))
                        + want.of().map(of -> ", " + of + "'s writes through ").orElse(", data through ")
                        + (through.isPresent() ? Durations.format(through.getAsLong()) : "none");
                List<String> wrong = new ArrayList<>();
                want.node().filter(n -> !v.node().equals(Optional.of(n))).ifPresent(n -> wrong.add("node " + n));
                want.state().filter(st -> !st.equals(v.state())).ifPresent(st -> wrong.add(st));
                want.dataThrough().filter(t -> !t.equals(through))
                        .ifPresent(t -> wrong.add("data through " + (t.isPresent() ? Durations.format(t.getAsLong()) : "none")));
                return new Outcome(wrong.isEmpty(), got + (wrong.isEmpty() ? "" : ", expected " + String.join(", ", wrong)));
            });
        }
    }
}
