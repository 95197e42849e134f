package io.flotilla.scenarios.parse;

import io.flotilla.network.driver.Driver;
import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.EndpointMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code dns: {name: tasks.web, from: worker-1, network: frontend, answers: 3}}: a node of the
 * cluster, a declared network (the kubernetes strategy needs none), and a count of answers or a list
 * of task names. A name no service or task has is NXDOMAIN: expecting answers from it is an error,
 * expecting none a warning (a typo would pass).
 */
final class DnsBinder implements CheckBinder {

    static final List<String> KEYS = List.of("name", "from", "network", "answers");

    public String keyword() {
        return "dns";
    }

    public Class<? extends Check> kind() {
        return Check.Dns.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<Fields> fields = Fields.of(value, "dns", "dns", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.required("name").flatMap(n -> f.string("name"));
        Optional<String> from = f.required("from").flatMap(n -> f.string("from"))
                .filter(n -> scope.knownNode(n, f.value("from").orElseThrow()));
        Optional<String> network = f.string("network");
        network.ifPresent(n -> scope.knownNetwork(n, f.value("network").orElseThrow()));
        if (!f.has("network")) {
            scope.problems.addFor(Strategy.SWARM, scope.strategy, f.node(), "missing key 'network' in dns: the embedded DNS "
                    + "answers per network (only the kubernetes strategy, with its one pod network, needs none)");
        }
        Optional<Node> answers = f.required("answers");
        Optional<List<String>> tasks = Optional.empty();
        int count = 0;
        if (answers.isPresent() && answers.get() instanceof SequenceNode) {
            tasks = Optional.of(taskNames(answers.get(), scope));
            count = tasks.get().size();
        } else if (answers.isPresent()) {
            count = Values.integer(answers.get(), "answers", 0, Integer.MAX_VALUE, scope.problems).orElse(0L).intValue();
        }
        if (name.isPresent() && answers.isPresent()) {
            checkName(name.get(), f.value("name").orElseThrow(), count, tasks.isPresent(), hasVips(network, scope), scope);
        }
        if (name.isEmpty() || from.isEmpty() || answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Check.Dns(name.get(), from.get(), network, tasks, count));
    }

    private static List<String> taskNames(Node list, ExpectationScope scope) {
        List<String> out = new ArrayList<>();
        for (Node item : Values.list(list, "answers", scope.problems)) {
            Values.string(item, "answers", scope.problems).ifPresent(t -> {
                Optional<String> why = TaskNames.check(t, scope.view, scope.nodes);
                if (why.isPresent()) {
                    scope.problems.add(item, "answers: " + why.get());
                } else if (out.contains(t)) {
                    scope.problems.add(item, "answers: '" + t + "' is listed twice");
                } else {
                    out.add(t);
                }
            });
        }
        return out;
    }

    /**
     * Whether a VIP-mode service has a virtual IP on the network: on an overlay (and the kubernetes
     * strategy's pod network) it does; bridge and macvlan networks have no load balancer, so a
     * service's name there gives its tasks' addresses.
     */
    private static boolean hasVips(Optional<String> network, ExpectationScope scope) {
        return network.map(scope.networks::get).map(n -> n.driver() == Driver.OVERLAY).orElse(true);
    }

    /**
     * The name a service or task answers to ({@code web}, {@code tasks.web}, {@code web.2}); a VIP
     * service's own name answers with its virtual IP, which names no task, on a network that has
     * virtual IPs. A statefulset's pods answer as each strategy's data plane has them: under
     * Kubernetes as {@code db-0.db} under the set's headless Service {@code db}, which answers every
     * ready pod; under Swarm, which runs each ordinal as a service of its own, as {@code db-0} (its
     * VIP) and {@code tasks.db-0}. A name only the other strategy answers is NXDOMAIN here: expecting
     * answers from it is refused for this strategy alone. {@code tasks.db} of the statefulset itself
     * is NXDOMAIN under both (Swarm has no service {@code db}, Kubernetes no such name): expecting
     * answers from it is refused, expecting none a warning, as for a name nothing has.
     */
    private static void checkName(String name, Node at, int count, boolean listed, boolean vips, ExpectationScope scope) {
        boolean tasksOf = name.startsWith("tasks.");
        String rest = tasksOf ? name.substring("tasks.".length()) : name;
        Optional<Workloads.Workload> ordinalOf = ordinalOf(rest, scope.view);
        if (ordinalOf.isPresent()) {
            String headless = ordinalOf.get().set().map(d -> d.service()).orElse(ordinalOf.get().name());
            if (count > 0) {
                scope.problems.addFor(Strategy.KUBERNETES, scope.strategy, at, "name: '" + name + "' is NXDOMAIN under "
                        + "the kubernetes strategy, which names a statefulset's pod only under its headless Service, as "
                        + rest + "." + headless + "; the swarm strategy runs each ordinal as a service of its own, which "
                        + "answers as " + rest + " (its virtual IP) and tasks." + rest);
            }
            if (scope.strategy == Strategy.SWARM && vips && !tasksOf && listed && count > 0) {
                // Swarm's ordinal service is in VIP mode
                scope.problems.add(at, "name: ordinal '" + rest + "' answers with its service's virtual IP, which is no "
                        + "task; name tasks." + rest + " for its task's address, or give answers as a count");
            }
            return;
        }
        Optional<Workloads.Workload> setOfTasks = tasksOf
                ? scope.view.get(rest).filter(Workloads.Workload::statefulset)
                : Optional.empty();
        if (setOfTasks.isPresent()) {
            String headless = setOfTasks.get().set().map(d -> d.service()).orElse(rest);
            String why = "'" + name + "' is NXDOMAIN under either strategy: '" + rest + "' is a statefulset, not a "
                    + "service; its pods answer as " + rest + "-0." + headless + " (and its headless Service " + headless
                    + ", every ready pod) under the kubernetes strategy, and as tasks." + rest + "-0 under the swarm "
                    + "strategy, which runs each ordinal as a service of its own";
            if (count > 0) {
                scope.problems.add(at, "name: " + why);
            } else {
                scope.problems.warn(at, "dns: " + why + ", so this check holds whatever happens");
            }
            return;
        }
        java.util.List<String> wrong = new java.util.ArrayList<>();
        // a statefulset's headless Service (db) or one of its pods under it (db-0.db)
        Optional<Workloads.Workload> headless = tasksOf ? Optional.empty()
                : scope.view.statefulSetServing(rest).or(() -> TaskNames.statefulSetHostname(rest, scope.view, wrong::add));
        if (headless.isPresent() && wrong.isEmpty()) {
            if (count > 0) {
                String set = headless.get().name();
                scope.problems.addFor(Strategy.SWARM, scope.strategy, at, "name: '" + name + "' is NXDOMAIN under the "
                        + "swarm strategy, which has no headless Service: it runs each ordinal of statefulset '" + set
                        + "' as a service of its own, which answers as " + set + "-0 (its virtual IP) and tasks." + set + "-0");
            }
            return;
        }
        Optional<String> why = !wrong.isEmpty() ? Optional.of(wrong.get(0))
                : rest.contains(".") && !tasksOf ? TaskNames.check(rest, scope.view, scope.nodes)
                : scope.view.checkWorkload(rest);
        if (why.isPresent()) {
            if (count > 0) {
                scope.problems.add(at, "name: " + why.get() + "; the name is NXDOMAIN");
            } else {
                scope.problems.warn(at, "dns: " + why.get() + "; the name is NXDOMAIN, so this check holds whatever happens");
            }
            return;
        }
        boolean vip = vips && !tasksOf && scope.view.get(rest).flatMap(Workloads.Workload::spec)
                .filter(s -> s.endpointMode() == EndpointMode.VIP).isPresent();
        if (vip && listed && count > 0) {
            scope.problems.add(at, "name: service '" + rest + "' answers with its virtual IP (endpoint_mode: vip), which is "
                    + "no task; name tasks." + rest + " for its tasks' addresses, or give answers as a count");
        }
    }

    /** The statefulset whose ordinal {@code name} is ({@code db} of {@code db-0}), if it is one. */
    private static Optional<Workloads.Workload> ordinalOf(String name, Workloads.View view) {
        int dash = name.lastIndexOf('-');
        if (name.contains(".") || dash <= 0 || view.get(name).isPresent()) {
            return Optional.empty();
        }
        return view.get(name.substring(0, dash)).filter(Workloads.Workload::statefulset)
                .filter(w -> TaskNames.check(name, view, java.util.List.of()).isEmpty());
    }
}
