package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code backup: {volume: data-db-0, name: nightly}}: a snapshot of a volume the file knows, under a
 * name no earlier backup took; {@code node} says which copy of a {@code local} volume.
 */
final class BackupBinder implements ActionBinder {

    static final List<String> KEYS = List.of("volume", "name", "node");

    public String keyword() {
        return "backup";
    }

    public Class<? extends Action> kind() {
        return Action.Backup.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<Fields> fields = Fields.of(value, "backup", "backup", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> volume = VolumeRefs.volume(f, scope.volumes);
        Optional<String> name = f.required("name").flatMap(n -> Values.string(n, "name", scope.problems));
        Optional<String> node = f.value("node").flatMap(n -> scope.node(n, "node"));
        if (name.isEmpty()) {
            return Optional.empty();
        } else {
            Optional<TimelineState.Backup> taken = scope.state.backup(name.get());
            if (taken.isPresent()) {
                scope.problems.add(f.value("name").orElseThrow(), "name: a backup named '" + name.get() + "' is taken already, at "
                        + Durations.format(taken.get().at()) + " of volume '" + taken.get().volume() + "'");
                return Optional.empty();
            }
        }
        // Known to the items after it even when this item is wrong, so that a restore is not also reported.
        scope.state.backedUp(name.get(), volume.orElse(""), scope.at);
        if (volume.isEmpty() || (f.has("node") && node.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Action.Backup(volume.get(), node, name.get()));
    }
}
