package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code timeline}: each item is {@code at} plus exactly one action, read by its
 * {@link ActionBinder}. Items are bound in time order (stable), so that a {@code deploy} makes its
 * services known to the items after it. The actions the format names that a run would not honour
 * yet are refused at their key.
 */
final class TimelineBinder {

    static final List<String> ACTIONS = ActionBinders.KEYWORDS;
    /** Actions of the format that are not simulated yet, and what of them is not: refused, never ignored. */
    static final Map<String, String> NOT_SIMULATED = notSimulated();
    static final List<String> KEYS = concat(concat(List.of("at"), ACTIONS), List.copyOf(NOT_SIMULATED.keySet()));

    /**
     * An action waiting to be bound in time order. A broken item (no valid time, several actions)
     * is still bound, as if at the end, so that the problems inside its action are reported too;
     * it just never reaches the model.
     */
    private record Pending(long at, int seq, Node atNode, Fields fields, ActionBinder binder, boolean valid) {}

    private final Problems problems;
    private final TimelineScope scope;
    /** Every image a deploy or update names, for the scenario's image table. */
    final Set<String> images = new LinkedHashSet<>();
    /**
     * The latest time an item gives, broken or refused items included, so that a file's problems
     * are judged against the end it would have once fixed.
     */
    private OptionalLong lastAt = OptionalLong.empty();

    TimelineBinder(Problems problems, Set<String> nodes, Map<String, List<String>> zones, Workloads workloads,
            Set<String> networks, Set<String> storageClasses, VolumeNames volumes, ServicesBinder.Scope services,
            TimelineState start) {
        this.problems = problems;
        this.scope = TimelineScope.of(problems, nodes, zones, workloads, networks, storageClasses, volumes, services, images,
                start);
    }

    /** The items in time order, each with the {@code at} node (for the check against {@code until}). */
    record Bound(TimelineItem item, Node atNode) {}

    List<Bound> bind(Fields top) {
        List<Pending> pending = new ArrayList<>();
        List<Node> items = top.list("timeline");
        for (int seq = 0; seq < items.size(); seq++) {
            Optional<Fields> f = Fields.of(items.get(seq), "timeline", "timeline item", problems, KEYS);
            if (f.isEmpty()) {
                continue;
            }
            Optional<Node> atNode = f.get().required("at");
            OptionalLong at = f.get().duration("at");
            at.ifPresent(t -> lastAt = OptionalLong.of(Math.max(t, lastAt.orElse(t))));
            List<String> refused = refused(f.get());
            List<ActionBinder> actions = actions(f.get(), refused);
            boolean valid = atNode.isPresent() && at.isPresent() && actions.size() == 1 && refused.isEmpty();
            for (ActionBinder action : actions) {
                pending.add(new Pending(valid ? at.getAsLong() : Long.MAX_VALUE, seq, atNode.orElse(null), f.get(), action, valid));
            }
        }
        pending.sort(Comparator.comparingLong(Pending::at).thenComparingInt(Pending::seq));
        for (Pending p : pending) {
            if (p.valid && p.binder instanceof DeployBinder) {
                DeployBinder.names(p.fields.value(p.binder.keyword()).orElseThrow())
                        .forEach(name -> scope.workloads.announce(name, p.at, p.seq));
            }
        }
        List<Bound> out = new ArrayList<>();
        for (Pending p : pending) {
            Node value = p.fields.value(p.binder.keyword()).orElseThrow();
            Optional<Action> action = p.binder.bind(value, scope.item(p.at, p.seq, p.valid));
            if (p.valid) {
                action.ifPresent(a -> out.add(new Bound(new TimelineItem(p.at, a, p.fields.pos()), p.atNode)));
            }
        }
        return out;
    }

    /** The registries a {@code registry_down} or {@code registry_up} may name; call before {@link #bind}. */
    void registries(Set<String> names) {
        scope.registries.addAll(names);
    }

    /** The latest time of any item; call after {@link #bind}. */
    OptionalLong lastAt() {
        return lastAt;
    }

    /** The refused actions the item names, each reported at its key. */
    private List<String> refused(Fields f) {
        List<String> present = NOT_SIMULATED.keySet().stream().filter(k -> f.key(k).isPresent()).toList();
        present.forEach(k -> problems.notSimulated(f.key(k).orElseThrow(), k, NOT_SIMULATED.get(k)));
        return present;
    }

    /** The actions the item names (besides {@code refused} ones); anything but exactly one in all is reported. */
    private List<ActionBinder> actions(Fields f, List<String> refused) {
        List<ActionBinder> present = ActionBinders.ALL.stream().filter(b -> f.has(b.keyword())).toList();
        List<String> names = new ArrayList<>(present.stream().map(ActionBinder::keyword).toList());
        names.addAll(refused);
        if (names.isEmpty()) {
            problems.add(f.node(), "timeline item has no action; expected one of " + String.join(", ", ACTIONS));
        } else if (names.size() > 1) {
            problems.add(f.key(names.get(1)).orElseThrow(), "timeline item has " + names.size() + " actions ("
                    + String.join(", ", names) + "); give each action its own item");
        }
        return present;
    }

    private static Map<String, String> notSimulated() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("add_node", "adding a node during a run");
        out.put("remove_node", "removing a node during a run");
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
