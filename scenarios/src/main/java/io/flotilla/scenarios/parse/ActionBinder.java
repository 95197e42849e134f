package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * How one kind of timeline action is read from a file: the key that introduces it and the reading
 * of its value, against the names and workloads of the item's moment. The action itself (what it
 * sends to the cluster, how it is described) is its {@link Action} record.
 */
interface ActionBinder {

    /** The key that introduces the action in a timeline item. */
    String keyword();

    /** The record this binder makes, so that a test can find a binder for every kind of action. */
    Class<? extends Action> kind();

    /**
     * Every record this binder makes: its {@link #kind()}, and for a key whose target decides the
     * action ({@code pause: worker-1} or {@code pause: web.1}) the other one too.
     */
    default List<Class<? extends Action>> kinds() {
        return List.of(kind());
    }

    /**
     * The action written as {@code value}, or empty when it is wrong; every problem is reported at
     * its position, and so is a warning for an action that can be seen from the file to do nothing.
     */
    Optional<Action> bind(Node value, TimelineScope scope);
}
