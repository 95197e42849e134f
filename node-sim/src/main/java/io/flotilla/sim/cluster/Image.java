package io.flotilla.sim.cluster;

import io.flotilla.scheduler.image.Layer;
import io.flotilla.scheduler.image.Registry;
import io.flotilla.scheduler.runtime.Application;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the simulation knows of an image: the registry it is pulled from, its layers (a node
 * fetches only those it lacks; pull time is the missing bytes over the slower of the registry's
 * and the node's bandwidth, after the registry's latency), how long a container takes from
 * starting to running, for a broken image how long it runs before it exits with an error, and what
 * its application does once it runs ({@code app}: the memory and CPU it uses, what it does with
 * SIGTERM). {@code layered} is whether the scenario described it by its layers, in which case each
 * pull is logged; an image given by its size alone is one layer of its own.
 */
public record Image(String name, Registry registry, List<Layer> layers, boolean layered, long startNanos,
        OptionalLong crashAfterNanos, Application app) {

    public Image {
        layers = List.copyOf(layers);
    }

    /** An image whose application declares nothing: no use, a clean exit at SIGTERM. */
    public Image(String name, Registry registry, List<Layer> layers, boolean layered, long startNanos,
            OptionalLong crashAfterNanos) {
        this(name, registry, layers, layered, startNanos, crashAfterNanos, Application.DEFAULT);
    }

    /** One blob of {@code sizeBytes} from the default {@code hub}, as images were before layers. */
    public Image(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos, Application app) {
        this(name, Registry.HUB, List.of(new Layer(oneLayerDigest(name), sizeBytes)), false, startNanos, crashAfterNanos,
                app);
    }

    /** One blob of {@code sizeBytes} whose application declares nothing. */
    public Image(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos) {
        this(name, sizeBytes, startNanos, crashAfterNanos, Application.DEFAULT);
    }

    /** The digest of the one layer of an image given by its size: no declared digest has a space. */
    public static String oneLayerDigest(String image) {
        return "layer of " + image;
    }

    /** Every layer's bytes: what the image takes on a disk. A loop, not a stream: every pull and start asks. */
    public long sizeBytes() {
        long bytes = 0;
        for (Layer layer : layers) {
            bytes += layer.sizeBytes();
        }
        return bytes;
    }
}
