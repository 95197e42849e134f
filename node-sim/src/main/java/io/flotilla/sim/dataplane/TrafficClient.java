package io.flotilla.sim.dataplane;

import java.util.Optional;

/**
 * A client that sends requests at a steady rate: from a container on node {@code from} (empty: from
 * outside the cluster, to a published port), resolving and connecting on {@code network} (empty: the
 * one pod network of the kubernetes strategy), to {@code target}, a DNS name ({@code web},
 * {@code tasks.web}, {@code db-0.db}) or {@code NODE:PORT}. Requests are evenly spaced from
 * {@code startNanos} (the first one sent then) until before {@code stopNanos}; one without an answer
 * fails after {@code timeoutNanos}. Under the kubernetes strategy the client is a pod of workload
 * {@code podOf} ({@code ""}: of none), whose labels NetworkPolicies select it by.
 */
public record TrafficClient(
        String name,
        Optional<String> from,
        Optional<String> network,
        String target,
        double ratePerSecond,
        long startNanos,
        long stopNanos,
        long timeoutNanos,
        String podOf) {

    /** A client in a pod of no workload. */
    public TrafficClient(String name, Optional<String> from, Optional<String> network, String target, double ratePerSecond,
            long startNanos, long stopNanos, long timeoutNanos) {
        this(name, from, network, target, ratePerSecond, startNanos, stopNanos, timeoutNanos, "");
    }
}
