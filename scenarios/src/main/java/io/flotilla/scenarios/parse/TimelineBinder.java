package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code timeline}: each item is {@code at} plus exactly one action. Items are bound in time
 * order (stable), so that a {@code deploy} makes its services known to the items after it.
 */
final class TimelineBinder {

    static final List<String> ACTIONS = List.of(
            "crash", "restart", "drain", "pause", "activate", "partition", "heal", "scale", "update", "kill_task", "deploy");
    static final List<String> KEYS = concat(List.of("at"), ACTIONS);
    static final List<String> UPDATE_KEYS = List.of("service", "image", "update_config", "force");
    static final List<String> DEPLOY_KEYS = List.of("services", "statefulsets");

    /**
     * An action waiting to be bound in time order. A broken item (no valid time, several actions)
     * is still bound, as if at the end, so that the problems inside its action are reported too;
     * it just never reaches the model.
     */
    private record Pending(long at, int seq, Node atNode, Fields fields, String action, boolean valid) {}

    private final Problems problems;
    private final Set<String> nodes;
    private final Workloads workloads;
    private final Set<String> networks;
    private final Set<String> storageClasses;
    /** Every image a deploy or update names, for the scenario's image table. */
    final Set<String> images = new LinkedHashSet<>();

    TimelineBinder(Problems problems, Set<String> nodes, Workloads workloads, Set<String> networks, Set<String> storageClasses) {
        this.problems = problems;
        this.nodes = nodes;
        this.workloads = workloads;
        this.networks = networks;
        this.storageClasses = storageClasses;
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
            List<String> actions = actions(f.get());
            boolean valid = atNode.isPresent() && at.isPresent() && actions.size() == 1;
            for (String action : actions) {
                pending.add(new Pending(valid ? at.getAsLong() : Long.MAX_VALUE, seq, atNode.orElse(null), f.get(), action, valid));
            }
        }
        pending.sort(Comparator.comparingLong(Pending::at).thenComparingInt(Pending::seq));
        List<Bound> out = new ArrayList<>();
        for (Pending p : pending) {
            Node value = p.fields.value(p.action).orElseThrow();
            Optional<Action> action = bindAction(p, value);
            if (p.valid) {
                action.ifPresent(a -> out.add(new Bound(new TimelineItem(p.at, a, p.fields.pos()), p.atNode)));
            }
        }
        return out;
    }

    /** The actions the item names; anything but exactly one is reported. */
    private List<String> actions(Fields f) {
        List<String> present = ACTIONS.stream().filter(f::has).toList();
        if (present.isEmpty()) {
            problems.add(f.node(), "timeline item has no action; expected one of " + String.join(", ", ACTIONS));
        } else if (present.size() > 1) {
            problems.add(f.key(present.get(1)).orElseThrow(), "timeline item has " + present.size() + " actions ("
                    + String.join(", ", present) + "); give each action its own item");
        }
        return present;
    }

    private Optional<Action> bindAction(Pending p, Node value) {
        Workloads.View view = workloads.beforeItem(p.at, p.seq);
        return switch (p.action) {
            case "crash" -> node(value, p.action).map(Action.Crash::new);
            case "restart" -> node(value, p.action).map(Action.Restart::new);
            case "drain" -> node(value, p.action).map(n -> new Action.SetAvailability(n, Availability.DRAIN));
            case "pause" -> node(value, p.action).map(n -> new Action.SetAvailability(n, Availability.PAUSE));
            case "activate" -> node(value, p.action).map(n -> new Action.SetAvailability(n, Availability.ACTIVE));
            case "partition" -> partition(value);
            case "heal" -> heal(value);
            case "scale" -> scale(value, view);
            case "update" -> update(value, view);
            case "kill_task" -> killTask(value, view);
            case "deploy" -> deploy(value, view, p);
            default -> throw new IllegalStateException("action without a binder: " + p.action);
        };
    }

    private Optional<String> node(Node value, String label) {
        Optional<String> name = Values.string(value, label, problems);
        if (name.isPresent() && !nodes.contains(name.get())) {
            problems.add(value, "unknown node '" + name.get() + "'" + Suggestions.didYouMean(name.get(), nodes));
            return Optional.empty();
        }
        return name;
    }

    private Optional<Action> partition(Node value) {
        List<List<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean ok = true;
        List<Node> items = Values.list(value, "partition", problems);
        for (Node groupNode : items) {
            List<String> group = new ArrayList<>();
            List<Node> members = Values.list(groupNode, "partition", problems);
            if (members.isEmpty()) {
                problems.add(groupNode, "partition: each group is a non-empty list of nodes, such as [worker-1, worker-2]");
                ok = false;
            }
            for (Node member : members) {
                Optional<String> n = node(member, "partition");
                if (n.isPresent() && !seen.add(n.get())) {
                    problems.add(member, "partition: node '" + n.get() + "' is in two groups");
                    ok = false;
                } else if (n.isPresent()) {
                    group.add(n.get());
                } else {
                    ok = false;
                }
            }
            groups.add(group);
        }
        if (items.isEmpty()) {
            problems.add(value, "partition: expected a list of groups of nodes, such as [[manager-1], [worker-1, worker-2]]");
            return Optional.empty();
        }
        List<String> rest = nodes.stream().filter(n -> !seen.contains(n)).toList();
        if (!rest.isEmpty()) {
            groups.add(rest);
        }
        if (ok && groups.size() < 2) {
            problems.add(value, "partition: a single group cuts nothing; name at least two groups, or leave some nodes out");
            ok = false;
        }
        return ok ? Optional.of(new Action.Partition(groups)) : Optional.empty();
    }

    private Optional<Action> heal(Node value) {
        if (Yaml.isScalar(value) && Yaml.text(value).equals("all")) {
            return Optional.of(new Action.Heal());
        }
        problems.add(value, "heal: expected all, got " + Yaml.describe(value));
        return Optional.empty();
    }

    private Optional<Action> scale(Node value, Workloads.View view) {
        TreeMap<String, Integer> replicas = new TreeMap<>();
        Optional<Fields> f = Fields.of(value, "scale", "scale", problems, null);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (Fields.Entry e : f.get().entries()) {
            Optional<String> why = view.checkWorkload(e.name());
            if (why.isEmpty() && view.get(e.name()).orElseThrow().mode() == ServiceMode.GLOBAL) {
                why = Optional.of("scale can only be used with replicated mode; '" + e.name() + "' is global");
            }
            why.ifPresent(w -> problems.add(e.key(), w));
            Optional<Long> n = Values.integer(e.value(), e.name(), 0, ServicesBinder.MAX_REPLICAS, problems);
            ok &= why.isEmpty() && n.isPresent();
            n.ifPresent(v -> replicas.put(e.name(), v.intValue()));
        }
        if (f.get().entries().isEmpty()) {
            problems.add(value, "scale: expected service names and replica counts, such as {web: 10}");
            ok = false;
        }
        return ok ? Optional.of(new Action.Scale(replicas)) : Optional.empty();
    }

    private Optional<Action> update(Node value, Workloads.View view) {
        Optional<Fields> fields = Fields.of(value, "update", "update", problems, UPDATE_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> service = f.required("service").flatMap(n -> f.string("service"));
        Optional<String> why = service.flatMap(view::checkService);
        why.ifPresent(w -> problems.add(f.value("service").orElseThrow(), w));
        UpdateConfig base = service.flatMap(view::get).flatMap(Workloads.Workload::spec)
                .map(ServiceSpec::update).orElse(UpdateConfig.DEFAULT);
        Optional<String> image = f.has("image") ? Optional.of(ServicesBinder.image(f, "")) : Optional.empty();
        image.ifPresent(images::add);
        Optional<UpdateConfig> config = f.section("update_config", "update_config", DeployParts.UPDATE_KEYS)
                .map(u -> DeployParts.updateConfig(u, false, base));
        boolean force = f.bool("force", false);
        if (image.isEmpty() && config.isEmpty() && !force) {
            problems.add(f.node(), "update changes nothing; give image, update_config or force: true");
            return Optional.empty();
        }
        if (service.isEmpty() || why.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Action.Update(service.get(), image, config, force));
    }

    private Optional<Action> killTask(Node value, Workloads.View view) {
        Optional<String> task = Values.string(value, "kill_task", problems);
        Optional<String> why = task.flatMap(t -> TaskNames.check(t, view, nodes));
        why.ifPresent(w -> problems.add(value, w));
        return why.isEmpty() ? task.map(Action.KillTask::new) : Optional.empty();
    }

    private Optional<Action> deploy(Node value, Workloads.View view, Pending p) {
        Optional<Fields> fields = Fields.of(value, "deploy", "deploy", problems, DEPLOY_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = problems.count();
        List<ServicesBinder.Bound> services = f.section("services", "services", null)
                .map(s -> new ServicesBinder(problems, networks).bind(s))
                .orElse(List.of());
        List<StatefulSetsBinder.Bound> sets = f.section("statefulsets", "statefulsets", null)
                .map(s -> new StatefulSetsBinder(problems, networks, storageClasses).bind(s))
                .orElse(List.of());
        if (services.isEmpty() && sets.isEmpty()) {
            problems.add(value, "deploy: expected services and/or statefulsets to deploy");
            return Optional.empty();
        }
        List<ServiceSpec> others = new ArrayList<>(view.services());
        for (ServicesBinder.Bound s : services) {
            view.get(s.spec().name()).filter(Workloads.Workload::statefulset).ifPresent(w -> problems.add(s.at(),
                    "service '" + s.spec().name() + "' has the name of a statefulset; services and statefulsets share names"));
            PortRules.checkConflicts(s.spec().name(), s.ports(), others, problems);
            others.add(s.spec());
            images.add(s.spec().task().image());
            workloads.addService(s.spec(), p.at, p.seq);
        }
        for (StatefulSetsBinder.Bound s : sets) {
            view.get(s.decl().name()).filter(w -> !w.statefulset()).ifPresent(w -> problems.add(s.at(),
                    "statefulset '" + s.decl().name() + "' has the name of a service; services and statefulsets share names"));
            images.add(s.decl().task().image());
            workloads.addStatefulSet(s.decl().name(), p.at, p.seq);
        }
        if (problems.count() != before) {
            return Optional.empty();
        }
        List<ServiceSpec> specs = services.stream().map(ServicesBinder.Bound::spec).toList();
        List<StatefulSetDecl> decls = sets.stream().map(StatefulSetsBinder.Bound::decl).toList();
        return Optional.of(new Action.Deploy(specs, decls, ScenarioParser.pods(services, sets)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
