package io.flotilla.sim.cluster;

import io.flotilla.scheduler.image.Layer;
import io.flotilla.scheduler.image.Registry;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the simulation knows of an image: the registry it is pulled from, its layers (a node
 * fetches only those it lacks; pull time is the missing bytes over the slower of the registry's
 * and the node's bandwidth, after the registry's latency), how long a container takes from
 * starting to running, and, for a broken image, how long it runs before it exits with an error.
 * {@code layered} is whether the scenario described it by its layers, in which case each pull is
 * logged; an image given by its size alone is one layer of its own.
 */
public record Image(String name, Registry registry, List<Layer> layers, boolean layered, long startNanos,
        OptionalLong crashAfterNanos) {

    public Image {
        layers = List.copyOf(layers);
    }

    /** One blob of {@code sizeBytes} from the default {@code hub}, as images were before layers. */
    public Image(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos) {
        this(name, Registry.HUB, List.of(new Layer(oneLayerDigest(name), sizeBytes)), false, startNanos, crashAfterNanos);
    }

    /** The digest of the one layer of an image given by its size: no declared digest has a space. */
    public static String oneLayerDigest(String image) {
        return "layer of " + image;
    }

    /** Every layer's bytes: what the image takes on a disk. */
    public long sizeBytes() {
        return layers.stream().mapToLong(Layer::sizeBytes).sum();
    }
}
