package io.flotilla.sim.dataplane;

import java.util.Optional;

/**
 * A client that sends requests at a steady rate: from a container on node {@code from} (empty: from
 * outside the cluster, to a published port), resolving and connecting on {@code network} (empty: the
 * one pod network of the kubernetes strategy), to {@code target}, a DNS name ({@code web},
 * {@code tasks.web}, {@code db-0.db}) or {@code NODE:PORT}. Requests are evenly spaced from
 * {@code startNanos} (the first one sent then) until before {@code stopNanos}; one without an answer
 * fails after {@code timeoutNanos}.
 */
public record TrafficClient(
        String name,
        Optional<String> from,
        Optional<String> network,
        String target,
        double ratePerSecond,
        long startNanos,
        long stopNanos,
        long timeoutNanos) {}
