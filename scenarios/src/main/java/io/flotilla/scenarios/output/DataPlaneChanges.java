package io.flotilla.scenarios.output;

import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.view.ClusterView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of one instant of the log, with the data plane's per-node beliefs grouped: nodes whose
 * DNS answer for a name changed the same way at this instant share one line ({@code dns tasks.web
 * on frontend: 3 answers -> 2 on 7 nodes (-web.2)}), and so do load-balancer backends that changed
 * the same way on the same nodes ({@code lb web on frontend: web.1, web.2 added on 7 nodes}). Each
 * group is printed where its first change came in the log; every other line keeps its place.
 */
final class DataPlaneChanges {

    /** Up to this many nodes are named; more are counted. */
    static final int NAMED_NODES = 3;
    /** Up to this many tasks joining or leaving an answer are named; more are counted. */
    static final int NAMED_TASKS = 6;

    /** A plain line, or a group that gathers nodes until the instant ends. */
    private sealed interface Entry permits Plain, Dns, Lb {}

    private record Plain(String line) implements Entry {}

    private record DnsKey(String network, String name, String before, String after, String change) {}

    private record Dns(DnsKey key, List<String> nodes) implements Entry {}

    private record LbKey(String network, String service, String task, String change) {}

    private record Lb(LbKey key, List<String> nodes) implements Entry {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<DnsKey, Dns> dns = new LinkedHashMap<>();
    private final Map<LbKey, Lb> lb = new LinkedHashMap<>();

    void line(String line) {
        entries.add(new Plain(line));
    }

    /** A node's answer changed from {@code before} (empty: it had none, NXDOMAIN) to {@code e}; {@code view} names tasks. */
    void dns(DnsAnswersChanged e, Optional<DnsAnswersChanged> before, ClusterView view) {
        // Tasks are told apart by id (two generations of web.3 are two tasks) and shown by name.
        List<String> was = before.map(DnsAnswersChanged::tasks).orElse(List.of());
        List<String> joined = names(e.tasks().stream().filter(t -> !was.contains(t)).toList(), view);
        List<String> left = names(was.stream().filter(t -> !e.tasks().contains(t)).toList(), view);
        String change = joined.size() + left.size() == 0 ? ""
                : joined.size() + left.size() <= NAMED_TASKS
                        ? " (" + String.join(", ", concat(joined.stream().map(t -> "+" + t).toList(),
                                left.stream().map(t -> "-" + t).toList())) + ")"
                        : " (+" + joined.size() + ", -" + left.size() + ")";
        DnsKey key = new DnsKey(e.network(), e.name(), before.map(DataPlaneChanges::answer).orElse("NXDOMAIN"), answer(e), change);
        if (key.before.equals(key.after) && change.isEmpty()) {
            return;
        }
        Dns group = dns.computeIfAbsent(key, k -> {
            Dns g = new Dns(k, new ArrayList<>());
            entries.add(g);
            return g;
        });
        group.nodes.add(e.node());
    }

    /** A node's backend {@code e.task()} went from {@code before} (empty: not a backend) to {@code e.weight()}. */
    void lb(LbBackendChanged e, Optional<Integer> before, ClusterView view) {
        String change = transition(before, e.weight());
        if (change.isEmpty()) {
            return;
        }
        LbKey key = new LbKey(e.network(), e.service(), taskName(e.task(), view), change);
        Lb group = lb.computeIfAbsent(key, k -> {
            Lb g = new Lb(k, new ArrayList<>());
            entries.add(g);
            return g;
        });
        group.nodes.add(e.node());
    }

    /** The instant's lines in order; backends that changed alike on the same nodes share a line. */
    List<String> lines() {
        Map<List<Object>, List<String>> tasksAlike = new LinkedHashMap<>();
        for (Lb l : lb.values()) {
            tasksAlike.computeIfAbsent(alike(l), k -> new ArrayList<>()).add(l.key.task);
        }
        List<String> out = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry instanceof Plain p) {
                out.add(p.line);
            } else if (entry instanceof Dns d) {
                out.add("dns " + d.key.name + " on " + d.key.network + ": " + d.key.before + " -> " + d.key.after + " "
                        + where(d.nodes) + d.key.change);
            } else if (entry instanceof Lb l) {
                List<String> tasks = tasksAlike.remove(alike(l));
                if (tasks != null) {
                    out.add("lb " + l.key.service + " on " + l.key.network + ": " + String.join(", ", tasks) + " " + l.key.change
                            + " " + where(l.nodes));
                }
            }
        }
        return out;
    }

    /** What backends changing alike share: the balancer, the change, and the nodes. */
    private static List<Object> alike(Lb l) {
        return List.of(l.key.network, l.key.service, l.key.change, l.nodes);
    }

    /** {@code added}, {@code weight 0 (draining)}, {@code back to weight 1}, {@code removed}; empty when nothing changed. */
    static String transition(Optional<Integer> before, int weight) {
        if (weight < 0) {
            return before.isPresent() ? "removed" : "";
        }
        if (before.isEmpty()) {
            return weight == 0 ? "added at weight 0" : "added";
        }
        int was = before.get();
        if (was == weight) {
            return "";
        }
        if (weight == 0) {
            return "weight 0 (draining)";
        }
        return was == 0 ? "back to weight " + weight : "weight " + weight;
    }

    /** {@code NXDOMAIN}, {@code VIP 10.0.1.2}, {@code 1 answer}, {@code 3 answers}. */
    static String answer(DnsAnswersChanged e) {
        if (e.addresses().isEmpty()) {
            return "NXDOMAIN";
        }
        if (e.tasks().isEmpty()) {
            return "VIP " + String.join(", ", e.addresses());
        }
        return e.addresses().size() + (e.addresses().size() == 1 ? " answer" : " answers");
    }

    /** {@code on worker-1}, {@code on worker-1, worker-2}, {@code on 7 nodes}, {@code on every node} (the cluster DNS). */
    static String where(List<String> nodes) {
        if (nodes.contains(ClusterView.EVERY_NODE)) {
            return "on every node";
        }
        return nodes.size() <= NAMED_NODES ? "on " + String.join(", ", nodes) : "on " + nodes.size() + " nodes";
    }

    private static List<String> names(List<String> tasks, ClusterView view) {
        return tasks.stream().map(t -> taskName(t, view)).toList();
    }

    /** A task's slot name ({@code web.3} for the id {@code web.3#2}; a pod's slot). */
    static String taskName(String id, ClusterView view) {
        return view.task(id).map(t -> t.name).orElseGet(() -> id.contains("#") ? id.substring(0, id.lastIndexOf('#')) : id);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
