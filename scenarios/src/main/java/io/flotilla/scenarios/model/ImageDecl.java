package io.flotilla.scenarios.model;

import io.flotilla.scheduler.image.Layer;
import io.flotilla.scheduler.image.Registry;
import io.flotilla.scheduler.runtime.Application;
import io.flotilla.sim.cluster.Image;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the simulator knows of an image: the registry it is pulled from, its layers (a node fetches
 * only the layers it lacks, and images that list a digest share that layer), how long a container
 * takes from start to running, and, to let a rolling update go bad, how long after reaching running
 * its containers exit with an error (empty = they never crash); and what its application does once
 * it runs ({@code app}: the memory it uses, the CPU it needs, what it does with SIGTERM).
 *
 * <p>{@code layered} is whether the file described the image by its {@code layers}, a {@code from}
 * or a {@code build}: its pulls are then logged layer by layer. An image given by its {@code size}
 * alone is one layer of its own ({@link Image#oneLayerDigest}), pulled as a whole. {@code build}
 * is the multi-stage build the image is the result of, kept to be shown. {@code vulnerabilities}
 * are the known vulnerabilities of its layers, base first: what a scan of it finds (only the lint
 * reads them; the other stages of a build leave theirs behind with their layers).
 */
public record ImageDecl(String name, Registry registry, List<Layer> layers, boolean layered, long startNanos,
        OptionalLong crashAfterNanos, Optional<Build> build, Application app, List<Vulnerability> vulnerabilities) {

    public static final long DEFAULT_SIZE = 100L * 1024 * 1024;
    public static final long DEFAULT_START = 1_000_000_000L;

    public ImageDecl {
        layers = List.copyOf(layers);
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** An image with no known vulnerabilities. */
    public ImageDecl(String name, Registry registry, List<Layer> layers, boolean layered, long startNanos,
            OptionalLong crashAfterNanos, Optional<Build> build, Application app) {
        this(name, registry, layers, layered, startNanos, crashAfterNanos, build, app, List.of());
    }

    /** The same image, with the known vulnerabilities of its layers. */
    public ImageDecl withVulnerabilities(List<Vulnerability> known) {
        return new ImageDecl(name, registry, layers, layered, startNanos, crashAfterNanos, build, app, known);
    }

    /** An image whose application declares nothing: no memory or CPU use, a clean exit at SIGTERM. */
    public ImageDecl(String name, Registry registry, List<Layer> layers, boolean layered, long startNanos,
            OptionalLong crashAfterNanos, Optional<Build> build) {
        this(name, registry, layers, layered, startNanos, crashAfterNanos, build, Application.DEFAULT);
    }

    /** An image given by its size alone, from the default {@code hub}. */
    public ImageDecl(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos, Application app) {
        this(name, Registry.HUB, oneLayer(name, sizeBytes), false, startNanos, crashAfterNanos, Optional.empty(), app);
    }

    /** An image given by its size alone, from the default {@code hub}, whose application declares nothing. */
    public ImageDecl(String name, long sizeBytes, long startNanos, OptionalLong crashAfterNanos) {
        this(name, sizeBytes, startNanos, crashAfterNanos, Application.DEFAULT);
    }

    /** The image as it is when the scenario does not list it: 100MB, 1s to start, never crashes, from {@code hub}. */
    public static ImageDecl defaults(String name) {
        return defaults(name, Registry.HUB);
    }

    /** The defaults, pulled from {@code hub} as the scenario declares it. */
    public static ImageDecl defaults(String name, Registry hub) {
        return new ImageDecl(name, hub, oneLayer(name, DEFAULT_SIZE), false, DEFAULT_START, OptionalLong.empty(),
                Optional.empty());
    }

    /** The one layer of an image given by its size. */
    public static List<Layer> oneLayer(String name, long sizeBytes) {
        return List.of(new Layer(Image.oneLayerDigest(name), sizeBytes));
    }

    /** Every layer's bytes: what the image takes on a disk. */
    public long sizeBytes() {
        return layers.stream().mapToLong(Layer::sizeBytes).sum();
    }

    /** The image as the simulation pulls and runs it. */
    public Image image() {
        return new Image(name, registry, layers, layered, startNanos, crashAfterNanos, app);
    }

    /**
     * A multi-stage build ({@code FROM ... AS name} several times): the image is its {@code last}
     * stage alone, what that stage is built {@code FROM} and the layers it adds; the other stages'
     * layers stay behind.
     */
    public record Build(List<Stage> stages, String last) {
        public Build {
            stages = List.copyOf(stages);
        }
    }

    /** One stage: its name, the image or earlier stage it starts {@code from}, its layers (the base's, then its own). */
    public record Stage(String name, String from, List<Layer> layers) {
        public Stage {
            layers = List.copyOf(layers);
        }

        public long sizeBytes() {
            return layers.stream().mapToLong(Layer::sizeBytes).sum();
        }
    }
}
