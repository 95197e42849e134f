package io.flotilla.sim.control;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A control plane's record of each node, by the node's host index on the wire (see
 * {@link ControlPlaneInputs#quietHeartbeat}): the one found there last, while it is still the
 * current record of its name, else the one looked up by name. The most frequent inputs, heartbeats
 * and task reports, then read an array instead of hashing a name into a map of every node.
 */
public final class FoundByHost<T> {

    private final Function<String, T> byName;
    private final Predicate<T> replaced;
    private Object[] found = new Object[0];

    /**
     * @param byName the current record of a name, or null when there is none
     * @param replaced whether a record is no longer current (removed, or replaced by a new one)
     */
    public FoundByHost(Function<String, T> byName, Predicate<T> replaced) {
        this.byName = byName;
        this.replaced = replaced;
    }

    /** The current record of {@code name}, at {@code host} on the wire; null when there is none. */
    @SuppressWarnings("unchecked")
    public T get(int host, String name) {
        if (host >= found.length) {
            found = Arrays.copyOf(found, Math.max(host + 1, 2 * found.length));
        }
        T record = (T) found[host];
        if (record == null || replaced.test(record)) {
            record = byName.apply(name);
            found[host] = record;
        }
        return record;
    }
}
