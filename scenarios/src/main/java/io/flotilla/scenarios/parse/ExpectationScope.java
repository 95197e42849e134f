package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scheduler.model.NodeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a check's binder reads against: the cluster's nodes (and their labels) and networks, the
 * services and statefulsets of the expectation's moment, the traffic clients, the strategy, the
 * expectation item itself (for keys beside the check, such as {@code reason}) and its time, and
 * where to report.
 */
final class ExpectationScope {

    /** A time the check names ({@code between}'s end) that must not be after the end of the run. */
    record NotAfterEnd(Node at, String label, long time) {}

    final Problems problems;
    final Set<String> nodes;
    /** The nodes as declared, in file order, for what a check reads of them (their labels). */
    final List<NodeSpec> nodeSpecs;
    final Workloads.View view;
    final Fields item;
    /** The expectation's time; empty for the end of the run, not known while the file is read. */
    final OptionalLong at;
    /** The declared networks by name. */
    final Map<String, NetworkDecl> networks;
    final Map<String, TrafficDecl> traffic;
    final Strategy strategy;
    /** The volumes a check may name. */
    final VolumeNames volumes;
    private Optional<NotAfterEnd> notAfterEnd = Optional.empty();

    ExpectationScope(Problems problems, Set<String> nodes, List<NodeSpec> nodeSpecs, Workloads.View view, Fields item, OptionalLong at,
            Map<String, NetworkDecl> networks, Map<String, TrafficDecl> traffic, Strategy strategy, VolumeNames volumes) {
        this.volumes = volumes;
        this.problems = problems;
        this.nodes = nodes;
        this.nodeSpecs = nodeSpecs;
        this.view = view;
        this.item = item;
        this.at = at;
        this.networks = networks;
        this.traffic = traffic;
        this.strategy = strategy;
    }

    /** Asks that {@code time}, written at {@code node}, be checked against the end of the run once it is known. */
    void notAfterEnd(Node node, String label, long time) {
        notAfterEnd = Optional.of(new NotAfterEnd(node, label, time));
    }

    Optional<NotAfterEnd> notAfterEnd() {
        return notAfterEnd;
    }

    /** Whether {@code name} is a declared network; reported at {@code at} when it is not. */
    boolean knownNetwork(String name, Node at) {
        if (networks.containsKey(name)) {
            return true;
        }
        problems.add(at, "unknown network '" + name + "'" + Suggestions.didYouMean(name, networks.keySet())
                + (networks.isEmpty() ? "; declare it under the top-level 'networks'" : ""));
        return false;
    }

    /** {@code {web: 6}}: a count per service or statefulset. */
    Optional<TreeMap<String, Integer>> counts(Node value, String label) {
        return perWorkload(value, label, e -> Values.integer(e.value(), e.name(), 0, Integer.MAX_VALUE, problems)
                .map(Long::intValue));
    }

    /** A map keyed by service or statefulset, each value read by {@code reader}. */
    <T> Optional<TreeMap<String, T>> perWorkload(Node value, String label, Function<Fields.Entry, Optional<T>> reader) {
        Optional<Fields> fields = Fields.of(value, label, label, problems, null);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, T> out = new TreeMap<>();
        for (Fields.Entry e : fields.get().entries()) {
            view.checkWorkload(e.name()).ifPresent(why -> problems.add(e.key(), why));
            reader.apply(e).ifPresent(v -> out.put(e.name(), v));
        }
        if (fields.get().entries().isEmpty()) {
            problems.add(value, label + ": expected at least one service or statefulset");
        }
        return Optional.of(out);
    }

    /** Whether {@code name} is a node of the cluster; reported at {@code at} when it is not. */
    boolean knownNode(String name, Node at) {
        if (nodes.contains(name)) {
            return true;
        }
        problems.add(at, "unknown node '" + name + "'" + Suggestions.didYouMean(name, nodes));
        return false;
    }

    /** The entries of a map of user-chosen names ({@code on}, {@code node}), or empty after a report. */
    Optional<List<Fields.Entry>> entries(Node value, String label) {
        return Fields.of(value, label, label, problems, null).map(Fields::entries);
    }
}
