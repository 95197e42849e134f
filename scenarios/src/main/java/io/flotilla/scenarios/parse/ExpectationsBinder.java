package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scheduler.model.NodeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code expect} list: each item is an optional {@code at} (a time, or {@code end}, the
 * default) plus exactly one check, read by its {@link CheckBinder}; {@code reason} goes only beside
 * {@code pending}. Names are checked against what exists at the item's time. The checks the format
 * names that a run could not answer yet are refused at their key.
 */
final class ExpectationsBinder {

    static final List<String> CHECKS = CheckBinders.KEYWORDS;
    /** Checks of the format that are not simulated yet, and what of them is not. */
    static final Map<String, String> NOT_SIMULATED = Map.of();
    static final List<String> KEYS = keys();

    /**
     * An expectation, its {@code at} node, if any, and a time the check names that must not be after
     * the end of the run when the expectation has no {@code at} (for the checks against {@code until}).
     */
    record Bound(Expectation expectation, Optional<Node> atNode, Optional<ExpectationScope.NotAfterEnd> until) {}

    private final Problems problems;
    private final Set<String> nodes = new LinkedHashSet<>();
    private final List<NodeSpec> nodeSpecs;
    private final Workloads workloads;
    private final Map<String, NetworkDecl> networks;
    private final Map<String, TrafficDecl> traffic = new LinkedHashMap<>();
    private final Strategy strategy;
    private final VolumeNames volumes;

    ExpectationsBinder(Problems problems, List<NodeDecl> nodes, Workloads workloads, Map<String, NetworkDecl> networks,
            List<TrafficDecl> traffic, Strategy strategy, VolumeNames volumes) {
        this.volumes = volumes;
        this.problems = problems;
        nodes.forEach(n -> this.nodes.add(n.name()));
        this.nodeSpecs = nodes.stream().map(NodeDecl::spec).toList();
        this.workloads = workloads;
        this.networks = networks;
        traffic.forEach(c -> this.traffic.put(c.name(), c));
        this.strategy = strategy;
    }

    List<Bound> bind(Fields top) {
        List<Bound> out = new ArrayList<>();
        for (Node item : top.list("expect")) {
            Fields.of(item, "expect", "expectation", problems, KEYS).flatMap(this::bindOne).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Bound> bindOne(Fields f) {
        int before = problems.count();
        OptionalLong at = OptionalLong.empty();
        Optional<Node> atNode = f.value("at");
        if (atNode.isPresent() && !(Yaml.isScalar(atNode.get()) && Yaml.text(atNode.get()).equals("end"))) {
            at = Values.duration(atNode.get(), "at", problems);
        }
        List<CheckBinder> present = CheckBinders.ALL.stream().filter(b -> f.has(b.keyword())).toList();
        List<String> names = new ArrayList<>(present.stream().map(CheckBinder::keyword).toList());
        NOT_SIMULATED.keySet().stream().filter(k -> f.key(k).isPresent()).forEach(k -> {
            problems.notSimulated(f.key(k).orElseThrow(), k, NOT_SIMULATED.get(k));
            names.add(k);
        });
        if (names.isEmpty()) {
            problems.add(f.node(), "expectation has no check; expected one of " + String.join(", ", CHECKS));
        } else if (names.size() > 1) {
            problems.add(f.key(names.get(1)).orElseThrow(), "expectation has " + names.size() + " checks ("
                    + String.join(", ", names) + "); give each check its own item");
        }
        if (f.has("reason") && !names.contains("pending")) {
            problems.add(f.key("reason").orElseThrow(), "reason: only a 'pending' check takes a reason");
        }
        // Every check is read, even in a broken item, so that the problems inside it are reported too.
        ExpectationScope scope = new ExpectationScope(problems, nodes, nodeSpecs,
                at.isPresent() ? workloads.at(at.getAsLong()) : workloads.atEnd(), f, at, networks, traffic, strategy, volumes);
        Optional<Check> check = Optional.empty();
        for (CheckBinder binder : present) {
            check = binder.bind(f.value(binder.keyword()).orElseThrow(), scope);
        }
        if (problems.count() != before) {
            return Optional.empty();
        }
        OptionalLong when = at;
        return check.map(c -> new Bound(new Expectation(f.pos(), when, c), atNode, scope.notAfterEnd()));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("at", "reason"));
        keys.addAll(CHECKS);
        keys.addAll(NOT_SIMULATED.keySet());
        return List.copyOf(keys);
    }
}
