package io.flotilla.sim.kubernetes;

import java.util.HashMap;
import java.util.Map;

/**
 * The kubelet's back-off for failed image pulls: upstream's {@code flowcontrol.Backoff} as
 * {@code pkg/kubelet/images/image_manager.go} uses it, created with {@code imageBackOffPeriod}
 * 10s and {@code MaxImageBackOff} 300s ({@code pkg/kubelet/kubelet.go}), one entry per pod and
 * image. A failed pull ({@link #failed}, upstream's {@code Next}) starts the entry at 10s, or
 * doubles it up to 300s; an entry untouched for more than twice the maximum starts again at 10s
 * ({@code hasExpired}). While {@link #inBackOff} ({@code IsInBackOffSinceUpdate}: less than the
 * back-off since the last failure), the kubelet does not pull and reports {@code ImagePullBackOff}.
 * A pull that succeeds leaves the entry to expire ({@code GC} drops it later). One instance per
 * kubelet; a kubelet restart forgets it.
 */
public final class ImagePullBackOff {

    public static final long INITIAL_NANOS = 10_000_000_000L;
    public static final long MAX_NANOS = 300_000_000_000L;

    private record Entry(long backOff, long lastUpdate) {}

    private final Map<String, Entry> entries = new HashMap<>();

    /** Upstream's back-off key: the pod and the image ({@code pod.UID + "_" + container.Image}). */
    public static String key(String pod, String image) {
        return pod + "_" + image;
    }

    /** Whether a pull of {@code key} at {@code now} is held back. */
    public boolean inBackOff(String key, long now) {
        Entry e = entries.get(key);
        return e != null && !expired(e, now) && now - e.lastUpdate() < e.backOff();
    }

    /** A pull of {@code key} failed at {@code now}: the back-off starts or doubles. */
    public void failed(String key, long now) {
        Entry e = entries.get(key);
        long backOff = e == null || expired(e, now) ? INITIAL_NANOS : Math.min(2 * e.backOff(), MAX_NANOS);
        entries.put(key, new Entry(backOff, now));
    }

    /** The current back-off of {@code key}, 0 if it has none. */
    public long backOff(String key) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.backOff();
    }

    public void forget(String pod) {
        entries.keySet().removeIf(k -> k.startsWith(pod + "_"));
    }

    public void clear() {
        entries.clear();
    }

    private static boolean expired(Entry e, long now) {
        return now - e.lastUpdate() > 2 * MAX_NANOS;
    }
}
