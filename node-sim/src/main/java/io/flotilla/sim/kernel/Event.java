package io.flotilla.sim.kernel;

/**
 * Something that happened in the simulated cluster, as a record. Its components become the fields
 * of the JSON line, in declaration order (see {@link EventJson}); {@code seq}, {@code time} and
 * {@code type} are taken by the log, so components may not use those names.
 */
public interface Event {

    /** The dotted kind of event, such as {@code "task.state"} or {@code "node.down"}. */
    String type();
}
