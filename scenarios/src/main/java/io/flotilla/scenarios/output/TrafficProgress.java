package io.flotilla.scenarios.output;

import io.flotilla.scenarios.model.TrafficTotals;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TrafficCounted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timeline's word on traffic: one line per client for every 10 seconds of send time (aligned to
 * whole 10 s of virtual time) in which some request failed, {@code shoppers: 12 of 500 failed in the
 * last 10s (timeout 12)}, and one line when a client's failures stop. Quiet while everything is
 * served. A block is told as soon as its last window is logged, or a later one is.
 */
final class TrafficProgress {

    static final long BLOCK = 10 * Durations.SECOND;

    /** One client's current block: its start and the windows counted in it so far. */
    private static final class Client {
        long block = Long.MIN_VALUE;
        final List<TrafficCounted> windows = new ArrayList<>();
        boolean failing;
    }

    private final Map<String, Client> clients = new LinkedHashMap<>();

    /** Counts {@code w}, logged at {@code now}; the lines of the blocks it completes. */
    List<String> window(TrafficCounted w, long now) {
        Client c = clients.computeIfAbsent(w.client(), k -> new Client());
        List<String> out = new ArrayList<>();
        long block = Math.floorDiv(w.from(), BLOCK) * BLOCK;
        if (c.block != Long.MIN_VALUE && block != c.block) {
            tell(w.client(), c, now).ifPresent(out::add);
        }
        c.block = block;
        c.windows.add(w);
        if (w.to() >= block + BLOCK) {
            tell(w.client(), c, now).ifPresent(out::add);
        }
        return out;
    }

    /** The lines of the blocks still open when the log ends at {@code now}. */
    List<String> finish(long now) {
        List<String> out = new ArrayList<>();
        clients.forEach((name, c) -> tell(name, c, now).ifPresent(out::add));
        return out;
    }

    private static Optional<String> tell(String name, Client c, long now) {
        if (c.windows.isEmpty()) {
            return Optional.empty();
        }
        TrafficTotals t = TrafficTotals.of(c.windows);
        long end = c.block + BLOCK;
        String span = now == end ? "in the last 10s" : "from " + Durations.format(c.block) + " to " + Durations.format(end);
        c.windows.clear();
        if (t.failed() > 0) {
            c.failing = true;
            // by the time the requests were sent: a timeout may come after the block's end
            return Optional.of(name + ": " + t.failed() + " of " + t.sent() + " sent " + span + " failed ("
                    + TrafficTotals.reasons(t.failedBy()) + ")");
        }
        if (c.failing) {
            c.failing = false;
            return Optional.of(name + ": no failures " + span + " (" + t.served() + " served)");
        }
        return Optional.empty();
    }
}
