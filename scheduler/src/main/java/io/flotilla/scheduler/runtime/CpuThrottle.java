package io.flotilla.scheduler.runtime;

import java.math.BigInteger;

/**
 * What a CPU limit does to a container that needs more: the kernel's CFS quota lets it run
 * {@code limit} CPUs' worth in every period, so work that needs {@code need} CPUs for a time takes
 * {@code need / limit} times as long. Flotilla applies it to the container's start (the image's
 * {@code start} is measured with all the CPU it needs); a running container's use is capped at
 * the limit. A reservation never throttles: it only places.
 */
public final class CpuThrottle {

    private CpuThrottle() {}

    /**
     * How long a start that takes {@code startNanos} with {@code needNanoCpus} takes under a limit
     * of {@code limitNanoCpus} (0: none): stretched by need / limit when the limit is below the
     * need, rounded up to the nanosecond; unchanged otherwise.
     */
    public static long startNanos(long startNanos, long needNanoCpus, long limitNanoCpus) {
        if (limitNanoCpus <= 0 || needNanoCpus <= limitNanoCpus) {
            return startNanos;
        }
        BigInteger[] qr = BigInteger.valueOf(startNanos).multiply(BigInteger.valueOf(needNanoCpus))
                .divideAndRemainder(BigInteger.valueOf(limitNanoCpus));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** The CPU a container that needs {@code needNanoCpus} gets under a limit (0: none). */
    public static long usedNanoCpus(long needNanoCpus, long limitNanoCpus) {
        return limitNanoCpus > 0 ? Math.min(needNanoCpus, limitNanoCpus) : needNanoCpus;
    }
}
