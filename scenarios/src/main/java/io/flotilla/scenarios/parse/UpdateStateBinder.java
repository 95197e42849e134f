package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code update: {web: paused}}: the state of a service's newest rolling update or rollback, in
 * swarmkit's words or, for the two a Kubernetes rollout has, in Kubernetes' ({@code progressing},
 * {@code complete}). A state a rollout of the kubernetes strategy never reaches is a warning in a
 * kubernetes scenario.
 */
final class UpdateStateBinder implements CheckBinder {

    static final Map<String, String> WORDS = words();

    public String keyword() {
        return "update";
    }

    public Class<? extends Check> kind() {
        return Check.UpdateState.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        return scope.perWorkload(value, "update", e -> {
            scope.view.get(e.name()).filter(w -> w.statefulset()).ifPresent(w ->
                    scope.problems.add(e.key(), "update: '" + e.name() + "' is a statefulset; only a service has a rolling update"));
            Optional<String> state = Values.choice(e.value(), e.name(), WORDS, scope.problems);
            state.filter(s -> scope.strategy == Strategy.KUBERNETES && !KUBERNETES_STATES.contains(Check.UpdateState.canonical(s)))
                    .ifPresent(s -> scope.problems.warn(e.value(), "update: a Deployment's rollout is never " + s
                            + " under the kubernetes strategy (it does not pause or roll back by itself); it is "
                            + "progressing (updating) or complete (completed)"));
            return state;
        }).map(m -> new Check.UpdateState(new TreeMap<>(m)));
    }

    private static final List<String> KUBERNETES_STATES = List.of(Check.UpdateState.NONE, "updating", "completed");

    private static Map<String, String> words() {
        List<String> all = new ArrayList<>(Check.UpdateState.STATES);
        all.addAll(Check.UpdateState.ROLLOUT_WORDS.keySet());
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach(w -> out.put(w, w));
        return out;
    }
}
