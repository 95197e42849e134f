package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * {@code deploy: {services, statefulsets}}: the same shape as the top-level sections; what it
 * deploys is known to the items after it, and replaces a workload of the same name, which keeps
 * its mode: a replicated service cannot become global, nor a global one replicated.
 */
final class DeployBinder implements ActionBinder {

    static final List<String> KEYS = List.of("services", "statefulsets");

    public String keyword() {
        return "deploy";
    }

    public Class<? extends Action> kind() {
        return Action.Deploy.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Problems problems = scope.problems;
        Optional<Fields> fields = Fields.of(value, "deploy", "deploy", problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int before = problems.count();
        List<ServicesBinder.Bound> services = f.section("services", "services", null)
                .map(s -> new ServicesBinder(problems, scope.services).bind(s))
                .orElse(List.of());
        List<StatefulSetsBinder.Bound> sets = f.section("statefulsets", "statefulsets", null)
                .map(s -> new StatefulSetsBinder(problems, scope.networks, scope.storageClasses).bind(s))
                .orElse(List.of());
        if (services.isEmpty() && sets.isEmpty()) {
            problems.add(value, "deploy: expected services and/or statefulsets to deploy");
            return Optional.empty();
        }
        List<ServiceSpec> others = new ArrayList<>(scope.view.services());
        for (ServicesBinder.Bound s : services) {
            scope.view.get(s.spec().name()).filter(Workloads.Workload::statefulset).ifPresent(w -> problems.add(s.at(),
                    "service '" + s.spec().name() + "' has the name of a statefulset; services and statefulsets share names"));
            Optional<Workloads.Workload> modeChanged = scope.view.get(s.spec().name())
                    .filter(w -> !w.statefulset() && w.mode() != s.spec().mode());
            modeChanged.ifPresent(w -> problems.add(s.at(), modeChange(s.spec().name(), w.mode())));
            PortRules.checkConflicts(s.spec().name(), s.ports(), others, problems);
            others.add(s.spec());
            scope.images.add(s.spec().task().image());
            if (modeChanged.isEmpty()) {
                // A refused deploy leaves the service as it was for the items after it.
                scope.workloads.addService(s.spec(), scope.at, scope.seq);
            }
        }
        for (StatefulSetsBinder.Bound s : sets) {
            scope.view.get(s.decl().name()).filter(w -> !w.statefulset()).ifPresent(w -> problems.add(s.at(),
                    "statefulset '" + s.decl().name() + "' has the name of a service; services and statefulsets share names"));
            scope.images.add(s.decl().task().image());
            scope.workloads.addStatefulSet(s.decl(), scope.at, scope.seq);
        }
        if (problems.count() != before) {
            return Optional.empty();
        }
        List<ServiceSpec> specs = services.stream().map(ServicesBinder.Bound::spec).toList();
        List<StatefulSetDecl> decls = sets.stream().map(StatefulSetsBinder.Bound::decl).toList();
        specs.forEach(scope.state::deployed);
        decls.forEach(scope.state::deployed);
        return Optional.of(new Action.Deploy(specs, decls, ScenarioParser.pods(services, sets)));
    }

    /** The names {@code value} deploys, read without a report (binding it reports), for the items before it. */
    static List<String> names(Node value) {
        List<String> out = new ArrayList<>();
        if (value instanceof MappingNode deploy) {
            for (NodeTuple section : Fields.flatten(deploy)) {
                if (Yaml.isScalar(section.getKeyNode()) && KEYS.contains(Yaml.text(section.getKeyNode()))
                        && section.getValueNode() instanceof MappingNode workloads) {
                    Fields.flatten(workloads).stream().map(NodeTuple::getKeyNode).filter(Yaml::isScalar).map(Yaml::text)
                            .forEach(out::add);
                }
            }
        }
        return out;
    }

    /** Swarmkit's {@code UpdateService} refuses it ({@code errModeChangeNotAllowed}); so does a Kubernetes Deployment. */
    private static String modeChange(String service, ServiceMode was) {
        String from = was.name().toLowerCase(Locale.ROOT);
        String to = was == ServiceMode.GLOBAL ? "replicated" : "global";
        return "service mode change is not allowed: '" + service + "' is " + from + " and this deploy makes it " + to;
    }
}
