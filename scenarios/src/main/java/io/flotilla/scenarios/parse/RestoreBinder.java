package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code restore: {volume: data-db-0, from: nightly}}: a volume the file knows, from a backup an
 * earlier item takes (an unknown name is an error here; a volume in use at the time is refused by the
 * run, as a restore tool refuses); {@code node} says which copy of a {@code local} volume.
 */
final class RestoreBinder implements ActionBinder {

    static final List<String> KEYS = List.of("volume", "from", "node");

    public String keyword() {
        return "restore";
    }

    public Class<? extends Action> kind() {
        return Action.Restore.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<Fields> fields = Fields.of(value, "restore", "restore", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> volume = VolumeRefs.volume(f, scope.volumes);
        Optional<Node> fromNode = f.required("from");
        Optional<String> from = fromNode.flatMap(n -> Values.string(n, "from", scope.problems));
        Optional<String> node = f.value("node").flatMap(n -> scope.node(n, "node"));
        if (from.isPresent() && scope.state.backup(from.get()).isEmpty()) {
            scope.problems.add(fromNode.get(), "from: unknown backup '" + from.get() + "'"
                    + Suggestions.didYouMean(from.get(), scope.state.backups())
                    + (scope.state.backups().isEmpty() ? "; no backup is taken before this restore" : "; a backup is named by an earlier backup item"));
            return Optional.empty();
        }
        if (volume.isEmpty() || from.isEmpty() || (f.has("node") && node.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Action.Restore(volume.get(), node, from.get()));
    }
}
