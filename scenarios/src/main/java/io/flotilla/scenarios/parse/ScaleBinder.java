package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** {@code scale: {web: 10}}: new replica counts of replicated services or statefulsets of the moment. */
final class ScaleBinder implements ActionBinder {

    public String keyword() {
        return "scale";
    }

    public Class<? extends Action> kind() {
        return Action.Scale.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Problems problems = scope.problems;
        TreeMap<String, Integer> replicas = new TreeMap<>();
        Optional<Fields> f = Fields.of(value, "scale", "scale", problems, null);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (Fields.Entry e : f.get().entries()) {
            Optional<String> why = scope.view.checkWorkload(e.name());
            if (why.isEmpty() && scope.view.get(e.name()).orElseThrow().mode() == ServiceMode.GLOBAL) {
                why = Optional.of("scale can only be used with replicated mode; '" + e.name() + "' is global");
            }
            why.ifPresent(w -> problems.add(e.key(), w));
            Optional<Long> n = Values.integer(e.value(), e.name(), 0, ServicesBinder.MAX_REPLICAS, problems);
            ok &= why.isEmpty() && n.isPresent();
            n.ifPresent(v -> replicas.put(e.name(), v.intValue()));
            if (why.isEmpty() && n.isPresent() && scope.state.replicas(e.name()).equals(OptionalInt.of(n.get().intValue()))) {
                scope.warn(e.key(), "scale: '" + e.name() + "' already asks for " + n.get() + (n.get() == 1 ? " replica" : " replicas") + " at " + Durations.format(scope.at)
                        + "; this scale does nothing for it");
            }
        }
        if (f.get().entries().isEmpty()) {
            problems.add(value, "scale: expected service names and replica counts, such as {web: 10}");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        replicas.forEach(scope.state::scaled);
        return Optional.of(new Action.Scale(replicas));
    }
}
