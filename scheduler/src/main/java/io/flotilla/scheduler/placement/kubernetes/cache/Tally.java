package io.flotilla.scheduler.placement.kubernetes.cache;

import java.util.Arrays;

/**
 * Counts per domain of one {@link TopologyColumn} (for example the pods matching a selector per
 * zone). A domain takes part (counts toward {@link #domains} and {@link #min}) when some node of the
 * cluster is in it, or, for a tally of {@link #eligible} nodes, when one of those was marked; a
 * domain with no matching pod takes part with 0. {@link TopologyColumn#MISSING} never takes part.
 */
public final class Tally {

    private final TopologyColumn column;
    private int[] counts;
    private final boolean[] marked;

    private Tally(TopologyColumn column, boolean eligibleOnly) {
        this.column = column;
        this.counts = new int[column.size()];
        this.marked = eligibleOnly ? new boolean[column.size()] : null;
    }

    /** A tally whose domains are those of every node in the cluster. */
    public static Tally ofCluster(TopologyColumn column) {
        return new Tally(column, false);
    }

    /** A tally whose domains are only those {@link #mark}ed. */
    public static Tally eligible(TopologyColumn column) {
        return new Tally(column, true);
    }

    public TopologyColumn column() {
        return column;
    }

    public void mark(int domain) {
        marked[domain] = true;
    }

    public void add(int domain, int delta) {
        if (domain >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(domain + 1, column.size()));
        }
        counts[domain] += delta;
    }

    public int at(int domain) {
        return domain < counts.length ? counts[domain] : 0;
    }

    /** The count of the node's domain (0 for a node without the key). */
    public int at(NodeInfo node) {
        int d = column.domain(node);
        return d == TopologyColumn.MISSING ? 0 : at(d);
    }

    public int get(String value) {
        int d = column.id(value);
        return d <= 0 ? 0 : at(d);
    }

    private boolean takesPart(int d) {
        return marked == null ? column.hasNodes(d) : d < marked.length && marked[d];
    }

    /** Number of domains taking part. */
    public int domains() {
        int n = 0;
        for (int d = 1; d < column.size(); d++) {
            if (takesPart(d)) {
                n++;
            }
        }
        return n;
    }

    /** The smallest count over the domains taking part, {@link Integer#MAX_VALUE} when there are none. */
    public int min() {
        int min = Integer.MAX_VALUE;
        for (int d = 1; d < column.size(); d++) {
            if (takesPart(d) && at(d) < min) {
                min = at(d);
            }
        }
        return min;
    }

    /** The sum over the nodes that carry the key. */
    public long total() {
        long t = 0;
        for (int d = 1; d < counts.length; d++) {
            t += counts[d];
        }
        return t;
    }

    /** Whether any domain holds a count. */
    boolean isZero() {
        for (int d = 1; d < counts.length; d++) {
            if (counts[d] != 0) {
                return false;
            }
        }
        return true;
    }
}
