package io.flotilla.network.gossip;

import java.util.BitSet;

/**
 * memberlist's suspicion timer for one suspected member, as one observer runs it ({@code
 * suspicion.go}, {@code util.go suspicionTimeout}, {@code state.go suspectNode}).
 *
 * <p>It starts at {@code max} and shrinks towards {@code min} as independent confirmations arrive:
 * after {@code c} of the {@code k} wanted, the timeout is {@code max - log(c+1)/log(k+1) * (max -
 * min)}, floored to the millisecond and never below {@code min}, counted from the start. The node
 * whose suspicion started the timer is not a confirmation. With {@code min = SuspicionMult *
 * max(1, log10(max(1, n))) * ProbeInterval}, {@code max = SuspicionMaxTimeoutMult * min} and
 * {@code k = SuspicionMult - 2} (0 when {@code n - 2 < k}, "if there aren't enough nodes to give the
 * expected confirmations"), defaults give, for fewer than 10 nodes: 4 s when n is at most 3; else
 * 24 s with no confirmation, 11.381 s with one, 4 s with two.
 */
public final class Suspicion {

    private static final long MS = 1_000_000L;

    private final int k;
    private final long min;
    private final long max;
    private final long start;
    private final BitSet confirmations = new BitSet();
    private int n;
    private long deadline;

    /**
     * A timer started at {@code start} by a suspicion that came from member {@code from}, for a
     * cluster of {@code nodes} members as the observer counts them (itself and dead members not yet
     * reaped included).
     */
    public Suspicion(GossipConfig config, int nodes, int from, long start) {
        int wanted = config.suspicionMult() - 2;
        this.k = nodes - 2 < wanted ? 0 : wanted;
        this.min = minTimeout(config.suspicionMult(), nodes, config.probeIntervalNanos());
        this.max = config.suspicionMaxTimeoutMult() * min;
        this.start = start;
        this.confirmations.set(from);
        this.deadline = start + (k < 1 ? min : max);
    }

    /** memberlist {@code suspicionTimeout}: {@code mult * max(1, log10(max(1, n))) * interval}, scale kept to 1/1000. */
    public static long minTimeout(int suspicionMult, int n, long intervalNanos) {
        double nodeScale = Math.max(1.0, Math.log10(Math.max(1.0, n)));
        return suspicionMult * (long) (nodeScale * 1000) * intervalNanos / 1000;
    }

    /** memberlist {@code remainingSuspicionTime}; negative when the timer is already due. */
    public static long remaining(int confirmations, int k, long elapsedNanos, long minNanos, long maxNanos) {
        double frac = Math.log(confirmations + 1.0) / Math.log(k + 1.0);
        double raw = maxNanos / 1e9 - frac * (maxNanos / 1e9 - minNanos / 1e9);
        long timeout = (long) Math.floor(1000.0 * raw) * MS;
        if (timeout < minNanos) {
            timeout = minNanos;
        }
        return timeout - elapsedNanos;
    }

    /**
     * Another member also suspects: counts once per member, up to {@code k}, and pulls the deadline
     * in. Returns whether this was news (memberlist then re-broadcasts the suspicion).
     */
    public boolean confirm(int from, long now) {
        if (n >= k || confirmations.get(from)) {
            return false;
        }
        confirmations.set(from);
        n++;
        deadline = now + remaining(n, k, now - start, min, max);
        return true;
    }

    /** When the member is declared dead unless it refutes first. */
    public long deadline() {
        return deadline;
    }

    public int confirmations() {
        return n;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public int wanted() {
        return k;
    }
}
