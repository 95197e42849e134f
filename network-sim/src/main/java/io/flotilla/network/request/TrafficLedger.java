package io.flotilla.network.request;

import java.util.Arrays;

/**
 * One traffic client's counts: requests sent, served, failed by reason, served per backend. A
 * served request counts when it completes; if its backend stops first ({@link #backendStopped}), it
 * is {@link Result#RESET} instead. In-flight requests are completion times in a ring per backend:
 * counters and primitive arrays, no object per request.
 */
public final class TrafficLedger {

    private long sent;
    private final long[] byResult = new long[Result.values().length];
    private long[] servedBy = new long[8];
    private long[][] inFlight = new long[8][];
    private int[] head = new int[8];
    private int[] count = new int[8];

    /** Counts a request as the router decided it at send time. */
    public void record(Result result, Outcome out) {
        sent++;
        if (result == Result.SERVED) {
            push(out.backend, out.completesAt);
        } else {
            byResult[result.ordinal()]++;
        }
    }

    /** Every in-flight request due by {@code now} is served. */
    public void advanceTo(long now) {
        for (int b = 0; b < count.length; b++) {
            while (count[b] > 0 && inFlight[b][head[b]] <= now) {
                pop(b);
                byResult[Result.SERVED.ordinal()]++;
                servedBy[b]++;
            }
        }
    }

    /** The backend stopped at {@code time}: what it finished by then is served, the rest reset. */
    public void backendStopped(int backend, long time) {
        if (backend >= count.length) {
            return;
        }
        while (count[backend] > 0) {
            boolean done = inFlight[backend][head[backend]] <= time;
            pop(backend);
            if (done) {
                byResult[Result.SERVED.ordinal()]++;
                servedBy[backend]++;
            } else {
                byResult[Result.RESET.ordinal()]++;
            }
        }
    }

    public long sent() {
        return sent;
    }

    public long count(Result result) {
        return byResult[result.ordinal()];
    }

    public long failed() {
        long n = 0;
        for (Result r : Result.values()) {
            if (r.failed()) {
                n += byResult[r.ordinal()];
            }
        }
        return n;
    }

    public long servedBy(int backend) {
        return backend < servedBy.length ? servedBy[backend] : 0;
    }

    /** Requests sent and not yet completed. */
    public long inFlight() {
        long n = 0;
        for (int c : count) {
            n += c;
        }
        return n;
    }

    private void push(int b, long completesAt) {
        if (b >= count.length) {
            int n = Math.max(b + 1, count.length * 2);
            servedBy = Arrays.copyOf(servedBy, n);
            inFlight = Arrays.copyOf(inFlight, n);
            head = Arrays.copyOf(head, n);
            count = Arrays.copyOf(count, n);
        }
        long[] ring = inFlight[b];
        if (ring == null || count[b] == ring.length) {
            long[] grown = new long[ring == null ? 16 : ring.length * 2];
            for (int i = 0; i < count[b]; i++) {
                grown[i] = ring[(head[b] + i) % ring.length];
            }
            inFlight[b] = grown;
            head[b] = 0;
            ring = grown;
        }
        ring[(head[b] + count[b]) % ring.length] = completesAt;
        count[b]++;
    }

    private void pop(int b) {
        head[b] = (head[b] + 1) % inFlight[b].length;
        count[b]--;
    }
}
