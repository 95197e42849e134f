package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.VolumeDecl;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code volume_prune: {node: worker-1, all: true, filter: {label: com.example.tier=cache}}}:
 * {@code docker volume prune [--all] [--filter label=...]} on that node's engine. The label filter
 * is {@code KEY} or {@code KEY=VALUE}, as Docker's. Under kubernetes nothing prunes volumes (a
 * PersistentVolume goes as its reclaim policy says when its claim is deleted), so it is refused.
 */
final class VolumePruneBinder implements ActionBinder {

    static final List<String> KEYS = List.of("node", "all", "filter");
    static final List<String> FILTER_KEYS = List.of("label");

    public String keyword() {
        return "volume_prune";
    }

    public Class<? extends Action> kind() {
        return Action.VolumePrune.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<Fields> fields = Fields.of(value, "volume_prune", "volume_prune", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        scope.problems.addFor(Strategy.KUBERNETES, scope.strategy, f.node(), "volume_prune: docker volume prune is the Docker "
                + "engine's; under kubernetes a PersistentVolume goes as its reclaim policy says (Delete, or Released under "
                + "Retain) when its claim is deleted, and nothing prunes volumes");
        Optional<String> node = f.required("node").flatMap(n -> scope.node(n, "node"));
        boolean all = f.bool("all", false);
        Optional<String> label = f.section("filter", "filter", FILTER_KEYS)
                .flatMap(filter -> filter.required("label").flatMap(n -> label(n, scope)));
        if (f.has("filter") && label.isEmpty()) {
            return Optional.empty();
        }
        Set<String> matching = new TreeSet<>();
        for (VolumeDecl v : scope.services.volumes().values()) {
            if (label.map(v::matches).orElse(true)) {
                matching.add(v.name());
            }
        }
        return node.map(n -> new Action.VolumePrune(n, all, label, matching));
    }

    /** {@code KEY} or {@code KEY=VALUE}; Docker's {@code label!=} (volumes without the label) is not simulated. */
    private static Optional<String> label(Node n, TimelineScope scope) {
        Optional<String> text = Values.string(n, "label", scope.problems);
        if (text.isPresent() && (text.get().isEmpty() || text.get().startsWith("=") || text.get().startsWith("!"))) {
            scope.problems.add(n, "label: expected KEY or KEY=VALUE, such as com.example.tier=cache; got " + Yaml.quote(text.get()));
            return Optional.empty();
        }
        return text;
    }
}
