package io.flotilla.scenarios.model;

import io.flotilla.sim.dataplane.TrafficClient;
import java.util.Optional;

/**
 * A traffic client: requests sent at {@code ratePerSecond}, evenly spaced from {@code start} until
 * before {@code stop} (the run's end unless given), from a container on node {@code from} (empty:
 * from outside the cluster), resolving and connecting on {@code network} (empty: none named, as a
 * client outside or a pod on the kubernetes strategy's one pod network), to {@code target}: a DNS
 * name ({@code web}, {@code tasks.web}, {@code web.2}) or {@code NODE:PORT}. A request without an
 * answer fails after {@code timeout}. Times are virtual nanoseconds. {@code as}: under the
 * kubernetes strategy, the workload whose pod labels the client's pod carries ({@code ""}: none), for
 * NetworkPolicies.
 */
public record TrafficDecl(
        String name,
        Optional<String> from,
        Optional<String> network,
        String target,
        double ratePerSecond,
        long start,
        long stop,
        long timeout,
        SourcePos pos,
        String as) {

    /** A client in a pod of no workload. */
    public TrafficDecl(String name, Optional<String> from, Optional<String> network, String target, double ratePerSecond,
            long start, long stop, long timeout, SourcePos pos) {
        this(name, from, network, target, ratePerSecond, start, stop, timeout, pos, "");
    }

    /** The word a scenario uses for a client outside the cluster. */
    public static final String OUTSIDE = "outside";

    /** The client as the simulated cluster takes it. */
    public TrafficClient client() {
        return new TrafficClient(name, from, network, target, ratePerSecond, start, stop, timeout, as);
    }
}
