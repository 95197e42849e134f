package io.flotilla.scheduler.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one pull of an image onto a node does: the layers it fetches, those the node already has
 * (moby's {@code Already exists}) and those another pull is fetching right now, which it waits
 * for instead of fetching them again (moby's transfer manager hands one download to every pull
 * that wants the layer); and how long its own part takes.
 *
 * <p>The time is one {@code latency} for the manifest, then the bytes to fetch at the slower of
 * the registry's and the node's bandwidth: the layers come down side by side (dockerd fetches up
 * to three at once), so their requests' round trips overlap the transfer and are not counted
 * again. Two pulls on one node do not share the node's bandwidth.
 */
public record PullPlan(List<Layer> fetched, List<Layer> present, List<Layer> inFlight, long fetchBytes, long nanos) {

    public PullPlan {
        fetched = List.copyOf(fetched);
        present = List.copyOf(present);
        inFlight = List.copyOf(inFlight);
    }

    /**
     * The pull of an image made of {@code layers} from {@code registry} onto a node that pulls at
     * {@code nodeBytesPerSecond} (0: no limit) and has the layers {@code onDisk} says, while the
     * layers {@code downloading} says are on their way.
     */
    public static PullPlan of(List<Layer> layers, Registry registry, long nodeBytesPerSecond,
            Predicate<String> onDisk, Predicate<String> downloading) {
        List<Layer> fetched = new ArrayList<>();
        List<Layer> present = new ArrayList<>();
        List<Layer> inFlight = new ArrayList<>();
        long bytes = 0;
        for (Layer layer : layers) {
            if (onDisk.test(layer.digest())) {
                present.add(layer);
            } else if (downloading.test(layer.digest())) {
                inFlight.add(layer);
            } else {
                fetched.add(layer);
                bytes += layer.sizeBytes();
            }
        }
        return new PullPlan(fetched, present, inFlight, bytes,
                registry.latencyNanos() + transferNanos(bytes, registry.bytesPerSecond(), nodeBytesPerSecond));
    }

    /**
     * {@code bytes} at the slower of two bandwidths (0 is no limit), rounded up to the nanosecond;
     * 0 when neither limits.
     */
    public static long transferNanos(long bytes, long registryBytesPerSecond, long nodeBytesPerSecond) {
        long bandwidth = registryBytesPerSecond <= 0 ? nodeBytesPerSecond
                : nodeBytesPerSecond <= 0 ? registryBytesPerSecond
                : Math.min(registryBytesPerSecond, nodeBytesPerSecond);
        return bandwidth <= 0 ? 0 : (long) Math.ceil(bytes * 1e9 / bandwidth);
    }
}
