package io.flotilla.sim.control;

import io.flotilla.scheduler.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The assignments a control plane owes its nodes. While it handles one input, every task whose
 * assignment changed is noted for its node ({@link #later}, the newest word on a task replacing an
 * older one); once the input is handled, {@link #flush} sends each node one message with what
 * changed for it, as swarmkit's dispatcher batches its assignment changes. A full resync
 * ({@link #full}) takes the place of what was pending for its node. Each message carries the
 * node's next assignments version, which the node echoes in its heartbeats, so that a lost message
 * shows and the control plane resyncs the node.
 */
public final class Outbox {

    /** Where the control plane keeps each node's assignments version. */
    @FunctionalInterface
    public interface Versions {

        /** Bumps the node's version and returns it; empty for a node the control plane no longer knows. */
        OptionalLong next(String node);
    }

    private final ControlPlaneEffects effects;
    private final Versions versions;
    private final Map<String, Map<String, Assignment>> pending = new LinkedHashMap<>();

    public Outbox(ControlPlaneEffects effects, Versions versions) {
        this.effects = effects;
        this.versions = versions;
    }

    /** The task's node hears of it, in its desired state, at the next {@link #flush}. */
    public void later(Task task) {
        pending.computeIfAbsent(task.node(), n -> new LinkedHashMap<>()).put(task.id(), new Assignment(task, task.desired()));
    }

    /** Sends the node {@code all} it should run now, in place of what was pending for it. */
    public void full(String node, List<Assignment> all) {
        pending.remove(node);
        versions.next(node).ifPresent(version -> effects.assign(node, version, true, all));
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Sends every node what changed for it, the nodes in the order their first change was noted. */
    public void flush() {
        pending.forEach((node, changed) -> versions.next(node)
                .ifPresent(version -> effects.assign(node, version, false, List.copyOf(changed.values()))));
        pending.clear();
    }
}
