package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.PodAffinity;
import io.flotilla.scheduler.placement.kubernetes.PodAffinityTerm;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A workload's {@code kubernetes} key: the pod fields of the Kubernetes API, in snake case, with
 * the API's validation rules and words where it has them ({@code operator must be Exists when
 * `key` is empty}...).
 */
final class KubernetesBinder {

    static final List<String> KEYS = List.of("labels", "priority", "preemption_policy", "node_selector", "tolerations",
            "node_affinity", "pod_affinity", "pod_anti_affinity", "topology_spread_constraints");
    static final List<String> TOLERATION_KEYS = List.of("key", "operator", "value", "effect", "toleration_seconds");
    static final List<String> AFFINITY_KEYS = List.of("required", "preferred");
    static final List<String> TERM_KEYS = List.of("match_expressions", "match_fields");
    static final List<String> REQUIREMENT_KEYS = List.of("key", "operator", "values");
    static final List<String> PREFERRED_NODE_KEYS = List.of("weight", "preference");
    static final List<String> POD_TERM_KEYS = List.of("weight", "topology_key", "label_selector", "namespaces");
    static final List<String> SELECTOR_KEYS = List.of("match_labels", "match_expressions");
    static final List<String> SPREAD_KEYS = List.of("max_skew", "topology_key", "when_unsatisfiable", "label_selector",
            "min_domains", "node_affinity_policy", "node_taints_policy", "match_label_keys");

    static final Map<String, Pod.PreemptionPolicy> PREEMPTION = Values.choices(
            "PreemptLowerPriority", Pod.PreemptionPolicy.PREEMPT_LOWER_PRIORITY, "Never", Pod.PreemptionPolicy.NEVER);
    static final Map<String, Toleration.Operator> TOLERATION_OPERATORS =
            Values.choices("Equal", Toleration.Operator.EQUAL, "Exists", Toleration.Operator.EXISTS);
    static final Map<String, TaintEffect> EFFECTS = Values.choices("NoSchedule", TaintEffect.NO_SCHEDULE,
            "PreferNoSchedule", TaintEffect.PREFER_NO_SCHEDULE, "NoExecute", TaintEffect.NO_EXECUTE);
    static final Map<String, NodeSelectorRequirement.Operator> NODE_OPERATORS = Values.choices(
            "In", NodeSelectorRequirement.Operator.IN, "NotIn", NodeSelectorRequirement.Operator.NOT_IN,
            "Exists", NodeSelectorRequirement.Operator.EXISTS, "DoesNotExist", NodeSelectorRequirement.Operator.DOES_NOT_EXIST,
            "Gt", NodeSelectorRequirement.Operator.GT, "Lt", NodeSelectorRequirement.Operator.LT);
    static final Map<String, LabelSelector.Operator> LABEL_OPERATORS = Values.choices(
            "In", LabelSelector.Operator.IN, "NotIn", LabelSelector.Operator.NOT_IN,
            "Exists", LabelSelector.Operator.EXISTS, "DoesNotExist", LabelSelector.Operator.DOES_NOT_EXIST);
    static final Map<String, TopologySpreadConstraint.WhenUnsatisfiable> WHEN = Values.choices(
            "DoNotSchedule", TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE,
            "ScheduleAnyway", TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY);
    static final Map<String, TopologySpreadConstraint.InclusionPolicy> POLICIES = Values.choices(
            "Honor", TopologySpreadConstraint.InclusionPolicy.HONOR, "Ignore", TopologySpreadConstraint.InclusionPolicy.IGNORE);

    private final Problems problems;

    KubernetesBinder(Problems problems) {
        this.problems = problems;
    }

    KubernetesPodSpec bind(Fields f) {
        return new KubernetesPodSpec(
                stringMap(f, "labels"),
                f.integer("priority", Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue).orElse(0),
                f.choice("preemption_policy", PREEMPTION, Pod.PreemptionPolicy.PREEMPT_LOWER_PRIORITY),
                stringMap(f, "node_selector"),
                f.section("node_affinity", "node_affinity", AFFINITY_KEYS).map(this::nodeAffinity).orElse(NodeAffinity.NONE),
                f.section("pod_affinity", "pod_affinity", AFFINITY_KEYS).map(this::podAffinity).orElse(PodAffinity.NONE),
                f.section("pod_anti_affinity", "pod_anti_affinity", AFFINITY_KEYS).map(this::podAffinity).orElse(PodAffinity.NONE),
                items(f, "tolerations", "toleration", TOLERATION_KEYS, this::toleration),
                items(f, "topology_spread_constraints", "topology spread constraint", SPREAD_KEYS, this::spread));
    }

    private Optional<Toleration> toleration(Fields t) {
        String key = t.string("key", "");
        Toleration.Operator op = t.choice("operator", TOLERATION_OPERATORS, Toleration.Operator.EQUAL);
        String value = t.string("value", "");
        Optional<TaintEffect> effect = t.value("effect").flatMap(n -> Values.choice(n, "effect", EFFECTS, problems));
        OptionalLong seconds = t.integer("toleration_seconds", Long.MIN_VALUE, Long.MAX_VALUE)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        if (key.isEmpty() && op != Toleration.Operator.EXISTS) {
            problems.add(t.node(), "toleration: operator must be Exists when `key` is empty");
        }
        if (op == Toleration.Operator.EXISTS && !value.isEmpty()) {
            problems.add(t.value("value").orElseThrow(), "toleration: value must be empty when `operator` is 'Exists'");
        }
        if (seconds.isPresent() && effect.orElse(null) != TaintEffect.NO_EXECUTE) {
            problems.add(t.key("toleration_seconds").orElseThrow(), "toleration: effect must be 'NoExecute' when `tolerationSeconds` is set");
        }
        return Optional.of(new Toleration(key, op, value, effect, seconds));
    }

    private NodeAffinity nodeAffinity(Fields a) {
        Optional<List<NodeSelectorTerm>> required = a.value("required")
                .map(n -> items(a, "required", "node selector term", TERM_KEYS, this::nodeTerm));
        List<NodeAffinity.Preferred> preferred = items(a, "preferred", "preferred term", PREFERRED_NODE_KEYS, p -> {
            int weight = weight(p);
            return p.required("preference")
                    .flatMap(n -> Fields.of(n, "preference", "node selector term", problems, TERM_KEYS))
                    .flatMap(this::nodeTerm)
                    .map(term -> new NodeAffinity.Preferred(weight, term));
        });
        return new NodeAffinity(required, preferred);
    }

    private Optional<NodeSelectorTerm> nodeTerm(Fields t) {
        List<NodeSelectorRequirement> expressions = items(t, "match_expressions", "requirement", REQUIREMENT_KEYS, this::nodeRequirement);
        List<NodeSelectorRequirement> fields = items(t, "match_fields", "requirement", REQUIREMENT_KEYS, r -> {
            r.string("key").filter(k -> !k.equals(NodeSelectorRequirement.NAME_FIELD)).ifPresent(k -> problems.add(
                    r.value("key").orElseThrow(), "key: the only field a match_fields requirement reads is "
                            + NodeSelectorRequirement.NAME_FIELD));
            return nodeRequirement(r);
        });
        return Optional.of(new NodeSelectorTerm(expressions, fields));
    }

    private Optional<NodeSelectorRequirement> nodeRequirement(Fields r) {
        Optional<String> key = r.required("key").flatMap(n -> r.string("key"));
        Optional<NodeSelectorRequirement.Operator> op = r.required("operator")
                .flatMap(n -> Values.choice(n, "operator", NODE_OPERATORS, problems));
        List<String> values = r.strings("values");
        op.ifPresent(o -> {
            switch (o) {
                case IN, NOT_IN -> expectValues(r, values.isEmpty(), "values: must be specified when `operator` is 'In' or 'NotIn'");
                case EXISTS, DOES_NOT_EXIST -> expectValues(r, !values.isEmpty(),
                        "values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                case GT, LT -> expectValues(r, values.size() != 1 || !values.get(0).matches("-?\\d+"),
                        "values: must be specified single value when `operator` is 'Lt' or 'Gt'");
            }
        });
        return key.isPresent() && op.isPresent() ? Optional.of(new NodeSelectorRequirement(key.get(), op.get(), values)) : Optional.empty();
    }

    private void expectValues(Fields r, boolean wrong, String message) {
        if (wrong) {
            problems.add(r.value("values").orElse(r.node()), message);
        }
    }

    private PodAffinity podAffinity(Fields a) {
        List<PodAffinityTerm> required = items(a, "required", "pod affinity term", POD_TERM_KEYS, t -> {
            if (t.has("weight")) {
                problems.add(t.key("weight").orElseThrow(), "weight: only a preferred term has a weight");
            }
            return podTerm(t);
        });
        List<PodAffinity.Weighted> preferred = items(a, "preferred", "pod affinity term", POD_TERM_KEYS, t -> {
            int weight = weight(t);
            return podTerm(t).map(term -> new PodAffinity.Weighted(weight, term));
        });
        return new PodAffinity(required, preferred);
    }

    private Optional<PodAffinityTerm> podTerm(Fields t) {
        Optional<String> topologyKey = t.required("topology_key").flatMap(n -> t.string("topology_key"));
        Optional<LabelSelector> selector = t.section("label_selector", "label selector", SELECTOR_KEYS).map(this::selector);
        List<String> namespaces = t.strings("namespaces");
        return topologyKey.map(k -> new PodAffinityTerm(selector, namespaces, k));
    }

    private Optional<TopologySpreadConstraint> spread(Fields s) {
        Optional<Long> maxSkew = s.required("max_skew").flatMap(n -> s.integer("max_skew", 1, Integer.MAX_VALUE));
        Optional<String> topologyKey = s.required("topology_key").flatMap(n -> s.string("topology_key"));
        Optional<TopologySpreadConstraint.WhenUnsatisfiable> when = s.required("when_unsatisfiable")
                .flatMap(n -> Values.choice(n, "when_unsatisfiable", WHEN, problems));
        Optional<LabelSelector> selector = s.section("label_selector", "label selector", SELECTOR_KEYS).map(this::selector);
        OptionalInt minDomains = s.integer("min_domains", 1, Integer.MAX_VALUE)
                .map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
        if (s.has("min_domains") && when.orElse(null) == TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY) {
            problems.add(s.key("min_domains").orElseThrow(), "min_domains: can only use minDomains if whenUnsatisfiable=DoNotSchedule");
        }
        var affinityPolicy = s.choice("node_affinity_policy", POLICIES, TopologySpreadConstraint.InclusionPolicy.HONOR);
        var taintsPolicy = s.choice("node_taints_policy", POLICIES, TopologySpreadConstraint.InclusionPolicy.IGNORE);
        List<String> matchLabelKeys = s.strings("match_label_keys");
        if (maxSkew.isEmpty() || topologyKey.isEmpty() || when.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TopologySpreadConstraint(maxSkew.get().intValue(), topologyKey.get(), when.get(), selector,
                minDomains, affinityPolicy, taintsPolicy, matchLabelKeys));
    }

    private LabelSelector selector(Fields s) {
        List<LabelSelector.Requirement> expressions = items(s, "match_expressions", "requirement", REQUIREMENT_KEYS, r -> {
            Optional<String> key = r.required("key").flatMap(n -> r.string("key"));
            Optional<LabelSelector.Operator> op = r.required("operator")
                    .flatMap(n -> Values.choice(n, "operator", LABEL_OPERATORS, problems));
            List<String> values = r.strings("values");
            op.ifPresent(o -> {
                boolean needsValues = o == LabelSelector.Operator.IN || o == LabelSelector.Operator.NOT_IN;
                expectValues(r, needsValues == values.isEmpty(), needsValues
                        ? "values: must be specified when `operator` is 'In' or 'NotIn'"
                        : "values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
            });
            return key.isPresent() && op.isPresent() ? Optional.of(new LabelSelector.Requirement(key.get(), op.get(), values)) : Optional.empty();
        });
        return new LabelSelector(stringMap(s, "match_labels"), expressions);
    }

    /** {@code weight}: required, 1 to 100, as the API says for preferred terms. */
    private int weight(Fields f) {
        return f.required("weight").flatMap(n -> f.integer("weight", 1, 100)).map(Long::intValue).orElse(1);
    }

    private <T> List<T> items(Fields f, String key, String context, List<String> keys, Function<Fields, Optional<T>> reader) {
        List<T> out = new ArrayList<>();
        for (Node item : f.list(key)) {
            Fields.of(item, key, context, problems, keys).flatMap(reader).ifPresent(out::add);
        }
        return out;
    }

    private TreeMap<String, String> stringMap(Fields f, String key) {
        TreeMap<String, String> out = new TreeMap<>();
        f.section(key, key, null).ifPresent(m -> {
            for (Fields.Entry e : m.entries()) {
                Values.string(e.value(), e.name(), problems).ifPresent(v -> out.put(e.name(), v));
            }
        });
        return out;
    }
}
