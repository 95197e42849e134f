package io.flotilla.network.topology;

/**
 * A cable in the underlay: between two network devices, or between a host and a device (hosts are
 * leaves and never carry transit traffic, so a link never joins two hosts). Its weight in the graph
 * is its one-way latency. Links compare by identity: the graph holds each one once.
 */
public final class Link {

    private final String a;
    private final String b;
    private final long latencyNanos;

    Link(String a, String b, long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("a link's latency cannot be negative: " + a + " - " + b);
        }
        this.a = a;
        this.b = b;
        this.latencyNanos = latencyNanos;
    }

    public String a() {
        return a;
    }

    public String b() {
        return b;
    }

    public long latencyNanos() {
        return latencyNanos;
    }

    @Override
    public String toString() {
        return a + " - " + b + " (" + latencyNanos + "ns)";
    }
}
