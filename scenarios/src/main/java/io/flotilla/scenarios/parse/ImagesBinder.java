package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.ByteSizes;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.Severity;
import io.flotilla.scenarios.model.Vulnerability;
import io.flotilla.scheduler.image.Layer;
import io.flotilla.scheduler.image.Registry;
import io.flotilla.scheduler.runtime.Application;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The top-level {@code registries} and {@code images}.
 *
 * <p>A registry has a {@code bandwidth} (no limit of its own when left out: the node's
 * {@code pull_bandwidth} sets the pace) and a {@code latency} (0s). {@code hub} is there whether
 * the file declares it or not; an image names another with {@code registry}.
 *
 * <p>An image is given by its {@code size} (one layer of its own, as before layers), by its
 * {@code layers} ({@code {digest, size}}, shared with every image that lists the digest), by the
 * image it is built {@code from} plus its own {@code layers}, or as the result of a multi-stage
 * {@code build}: its {@code stages} (each {@code {name, from, layers}}, {@code from} an image or an
 * earlier stage) and the {@code final} one (the last by default), whose layers alone make the image.
 * A digest names one content: listed twice with two sizes, it is an error. A layer may list its
 * known {@code vulnerabilities} ({@code {id, severity, package, fixed_in}}), which belong to the
 * digest: every image with the layer has them, and a second listing may leave them out but not
 * give others. Whatever it is made of,
 * an image also says what its application does ({@link ApplicationBinder}: {@code memory_use},
 * {@code cpu_use}, {@code sigterm}).
 */
final class ImagesBinder {

    static final List<String> REGISTRY_KEYS = List.of("bandwidth", "latency");
    static final List<String> KEYS = concat(List.of("size", "start", "crash_after", "registry", "layers", "from", "build"),
            ApplicationBinder.KEYS);
    static final List<String> LAYER_KEYS = List.of("digest", "size", "vulnerabilities");
    static final List<String> VULNERABILITY_KEYS = List.of("id", "severity", "package", "fixed_in");
    static final Map<String, Severity> SEVERITIES = Values.choices(
            "low", Severity.LOW, "medium", Severity.MEDIUM, "high", Severity.HIGH, "critical", Severity.CRITICAL);
    static final List<String> BUILD_KEYS = List.of("stages", "final");
    static final List<String> STAGE_KEYS = List.of("name", "from", "layers");

    /** An image as written, before its {@code from} is resolved. */
    private record Written(String name, Node key, Fields fields) {}

    private final Problems problems;
    private final Map<String, Registry> registries;
    private final Map<String, Written> written = new LinkedHashMap<>();
    private final Map<String, List<Layer>> resolved = new HashMap<>();
    private final Map<String, Optional<ImageDecl>> bound = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    /** Each digest's size and the image that first gave it. */
    private final Map<String, Layer> digests = new HashMap<>();
    private final Map<String, String> digestImage = new HashMap<>();
    /** The known vulnerabilities of each digest that lists them, and the image that first listed them. */
    private final Map<String, List<Vulnerability>> known = new HashMap<>();
    private final Map<String, String> knownImage = new HashMap<>();

    private ImagesBinder(Problems problems, Map<String, Registry> registries) {
        this.problems = problems;
        this.registries = registries;
    }

    /** The registries by name, {@code hub} among them (with its defaults unless declared). */
    static TreeMap<String, Registry> registries(Fields top) {
        TreeMap<String, Registry> out = new TreeMap<>();
        out.put(Registry.DEFAULT_NAME, Registry.HUB);
        top.section("registries", "registries", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                if (!Names.NODE.matcher(e.name()).matches()) {
                    map.problems().add(e.key(), "registry name '" + e.name() + "' is invalid: it must be " + Names.NODE_RULE);
                }
                Fields.of(e.value(), e.name(), "registry '" + e.name() + "'", map.problems(), REGISTRY_KEYS).ifPresent(f -> {
                    long bandwidth = f.value("bandwidth").map(n -> Values.bandwidth(n, "bandwidth", f.problems()))
                            .orElse(OptionalLong.empty()).orElse(0);
                    f.value("bandwidth").ifPresent(n -> {
                        if (Yaml.isScalar(n) && Quantities.bytesPerSecond(Yaml.text(n)).orElse(1) == 0) {
                            f.problems().add(n, "bandwidth: must be more than 0 (leave it out for no limit of the registry's own)");
                        }
                    });
                    long latency = f.duration("latency", 0);
                    out.put(e.name(), new Registry(e.name(), bandwidth, latency));
                });
            }
        });
        return out;
    }

    /** The declared images by name. */
    static TreeMap<String, ImageDecl> images(Fields top, Map<String, Registry> registries) {
        ImagesBinder binder = new ImagesBinder(top.problems(), registries);
        TreeMap<String, ImageDecl> out = new TreeMap<>();
        top.section("images", "images", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                if (!Names.PLAIN.matcher(e.name()).matches()) {
                    map.problems().add(e.key(), "image name '" + e.name() + "' may not hold spaces or control characters");
                }
                Fields.of(e.value(), e.name(), "image '" + e.name() + "'", map.problems(), KEYS)
                        .ifPresent(f -> binder.written.put(e.name(), new Written(e.name(), e.key(), f)));
            }
            for (Written w : binder.written.values()) {
                binder.bind(w).ifPresent(d -> out.put(d.name(), d));
            }
            // After every image: a digest's vulnerabilities may be listed by an image further down.
            out.replaceAll((name, d) -> d.withVulnerabilities(binder.scan(d)));
        });
        return out;
    }

    /** The image, bound once: a built image may be read first as another's base. */
    private Optional<ImageDecl> bind(Written w) {
        if (bound.containsKey(w.name())) {
            return bound.get(w.name());
        }
        if (!resolving.add(w.name())) {
            problems.add(w.key(), "image '" + w.name() + "' is built from itself");
            return Optional.empty();
        }
        Optional<ImageDecl> out = bindOnce(w);
        resolving.remove(w.name());
        bound.put(w.name(), out);
        return out;
    }

    private Optional<ImageDecl> bindOnce(Written w) {
        Fields f = w.fields();
        long start = f.duration("start", ImageDecl.DEFAULT_START);
        OptionalLong crashAfter = f.duration("crash_after");
        Registry registry = registry(f);
        Application app = ApplicationBinder.of(f);
        Optional<ImageDecl.Build> build = f.section("build", "build", BUILD_KEYS).flatMap(b -> build(w.name(), b));
        boolean layered = f.has("layers") || f.has("from") || f.has("build");
        if (f.has("size") && layered) {
            problems.add(f.key("size").orElseThrow(), "size: an image is given by its size (one layer) or by its layers, "
                    + "from or build, not both");
        }
        if (f.has("build") && (f.has("layers") || f.has("from"))) {
            problems.add(f.key(f.has("layers") ? "layers" : "from").orElseThrow(), (f.has("layers") ? "layers" : "from")
                    + ": an image built in stages is its final stage; give the stage its from and layers");
        }
        List<Layer> layers = build.map(b -> b.stages().stream().filter(s -> s.name().equals(b.last())).findFirst()
                        .orElseThrow().layers())
                .orElseGet(() -> f.has("build") ? List.of() : layers(w));
        if (!layered) {
            long size = f.size("size").orElse(ImageDecl.DEFAULT_SIZE);
            return Optional.of(new ImageDecl(w.name(), registry, ImageDecl.oneLayer(w.name(), size), false, start, crashAfter,
                    Optional.empty(), app));
        }
        return Optional.of(new ImageDecl(w.name(), registry, layers, true, start, crashAfter, build, app));
    }

    private Registry registry(Fields f) {
        Optional<String> name = f.string("registry");
        if (name.isPresent() && !registries.containsKey(name.get())) {
            problems.add(f.value("registry").orElseThrow(), "unknown registry '" + name.get() + "'"
                    + Suggestions.didYouMean(name.get(), registries.keySet()) + "; declare it under the top-level 'registries'");
        }
        return registries.getOrDefault(name.orElse(Registry.DEFAULT_NAME), registries.get(Registry.DEFAULT_NAME));
    }

    /** The layers of an image given by {@code from} and/or {@code layers}: the base's, then its own. */
    private List<Layer> layers(Written w) {
        if (resolved.containsKey(w.name())) {
            return resolved.get(w.name());
        }
        Fields f = w.fields();
        List<Layer> out = new ArrayList<>();
        if (!resolving.add("from " + w.name())) {
            problems.add(f.value("from").orElse(w.key()), "from: image '" + w.name() + "' is built from itself");
            return out;
        }
        f.value("from").ifPresent(n -> out.addAll(base(n, Optional.empty())));
        out.addAll(own(f, w.name(), out));
        resolving.remove("from " + w.name());
        resolved.put(w.name(), out);
        return out;
    }

    /** The layers of the image (or, in a build, earlier stage) that {@code from} names. */
    private List<Layer> base(Node from, Optional<Map<String, ImageDecl.Stage>> stages) {
        Optional<String> name = Values.string(from, "from", problems);
        if (name.isEmpty()) {
            return List.of();
        }
        if (stages.isPresent() && stages.get().containsKey(name.get())) {
            return stages.get().get(name.get()).layers();
        }
        Written base = written.get(name.get());
        if (base == null) {
            Set<String> known = new HashSet<>(written.keySet());
            stages.ifPresent(s -> known.addAll(s.keySet()));
            problems.add(from, "from: unknown image '" + name.get() + "'" + Suggestions.didYouMean(name.get(), known)
                    + "; describe it under images" + (stages.isPresent() ? " or name an earlier stage" : ""));
            return List.of();
        }
        if (base.fields().has("build")) {
            return bind(base).map(ImageDecl::layers).orElse(List.of());
        }
        if (!base.fields().has("layers") && !base.fields().has("from")) {
            return ImageDecl.oneLayer(base.name(), base.fields().size("size").orElse(ImageDecl.DEFAULT_SIZE));
        }
        return layers(base);
    }

    /** The {@code layers} of an image or stage, each checked against every other listing of its digest. */
    private List<Layer> own(Fields f, String image, List<Layer> below) {
        List<Layer> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        below.forEach(l -> seen.add(l.digest()));
        for (Node item : f.list("layers")) {
            Fields.of(item, "layers", "layer of image '" + image + "'", problems, LAYER_KEYS).ifPresent(l -> {
                Optional<String> digest = l.required("digest").flatMap(n -> Values.string(n, "digest", problems));
                OptionalLong size = l.required("size").map(n -> Values.size(n, "size", problems)).orElse(OptionalLong.empty());
                if (digest.isEmpty() || size.isEmpty()) {
                    return;
                }
                Node at = l.value("digest").orElseThrow();
                String d = digest.get();
                if (!Names.PLAIN.matcher(d).matches()) {
                    problems.add(at, "digest: '" + d + "' may not hold spaces");
                    return;
                }
                if (!seen.add(d)) {
                    problems.add(at, "layer '" + d + "' is in image '" + image + "' twice");
                    return;
                }
                Layer layer = new Layer(d, size.getAsLong());
                Layer first = digests.putIfAbsent(d, layer);
                if (first != null && first.sizeBytes() != layer.sizeBytes()) {
                    problems.add(l.value("size").orElseThrow(), "layer '" + d + "' is " + ByteSizes.format(first.sizeBytes()) + " in image '"
                            + digestImage.get(d) + "'; a digest names one content, of one size");
                    return;
                }
                digestImage.putIfAbsent(d, image);
                if (l.has("vulnerabilities")) {
                    vulnerabilities(l, d, image);
                }
                out.add(layer);
            });
        }
        return out;
    }

    /** A layer's {@code vulnerabilities}: the digest's, the same wherever it is listed with them. */
    private void vulnerabilities(Fields l, String digest, String image) {
        List<Vulnerability> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item : l.list("vulnerabilities")) {
            Fields.of(item, "vulnerabilities", "vulnerability of layer '" + digest + "'", problems, VULNERABILITY_KEYS)
                    .ifPresent(v -> {
                        Optional<String> id = v.required("id").flatMap(n -> Values.string(n, "id", problems));
                        Optional<Severity> severity = v.required("severity")
                                .flatMap(n -> Values.choice(n, "severity", SEVERITIES, problems));
                        Optional<String> pkg = v.string("package");
                        Optional<String> fixedIn = v.string("fixed_in");
                        if (id.isEmpty() || severity.isEmpty()) {
                            return;
                        }
                        if (!Names.PLAIN.matcher(id.get()).matches()) {
                            problems.add(v.value("id").orElseThrow(), "id: '" + id.get() + "' may not hold spaces, such as CVE-2023-4911");
                        } else if (!ids.add(id.get())) {
                            problems.add(v.value("id").orElseThrow(), "vulnerability '" + id.get() + "' is listed twice in layer '"
                                    + digest + "'");
                        } else {
                            found.add(new Vulnerability(id.get(), severity.get(), pkg, fixedIn, digest));
                        }
                    });
        }
        List<Vulnerability> first = known.putIfAbsent(digest, List.copyOf(found));
        if (first != null && !first.equals(found)) {
            problems.add(l.value("vulnerabilities").orElse(l.key("vulnerabilities").orElseThrow()), "layer '" + digest
                    + "' has other vulnerabilities in image '" + knownImage.get(digest)
                    + "'; a digest names one content: list them once, or the same everywhere");
        }
        knownImage.putIfAbsent(digest, image);
    }

    /** What a scan of the image finds: its layers' known vulnerabilities, base first. */
    private List<Vulnerability> scan(ImageDecl image) {
        List<Vulnerability> out = new ArrayList<>();
        image.layers().forEach(l -> out.addAll(known.getOrDefault(l.digest(), List.of())));
        return out;
    }

    /** {@code build: {stages, final}}: each stage's layers, and the one that is the image. */
    private Optional<ImageDecl.Build> build(String image, Fields b) {
        Map<String, ImageDecl.Stage> stages = new LinkedHashMap<>();
        List<Node> items = b.list("stages");
        if (b.has("stages") && items.isEmpty()) {
            problems.add(b.value("stages").orElseThrow(), "stages: a build has at least one stage");
        } else if (!b.has("stages")) {
            b.required("stages");
        }
        for (Node item : items) {
            Fields.of(item, "stages", "stage of image '" + image + "'", problems, STAGE_KEYS).ifPresent(s -> {
                Optional<String> name = s.required("name").flatMap(n -> Values.string(n, "name", problems));
                List<Layer> layers = new ArrayList<>(s.required("from").map(n -> base(n, Optional.of(stages))).orElse(List.of()));
                layers.addAll(own(s, image, layers));
                name.ifPresent(n -> {
                    if (stages.containsKey(n)) {
                        problems.add(s.value("name").orElseThrow(), "stage '" + n + "' is named twice in the build of '" + image + "'");
                    } else {
                        stages.put(n, new ImageDecl.Stage(n, s.string("from", ""), layers));
                    }
                });
            });
        }
        if (stages.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> last = b.string("final");
        if (last.isPresent() && !stages.containsKey(last.get())) {
            problems.add(b.value("final").orElseThrow(), "final: unknown stage '" + last.get() + "'"
                    + Suggestions.didYouMean(last.get(), stages.keySet()) + "; the stages are " + String.join(", ", stages.keySet()));
            return Optional.empty();
        }
        List<String> names = List.copyOf(stages.keySet());
        return Optional.of(new ImageDecl.Build(List.copyOf(stages.values()), last.orElse(names.get(names.size() - 1))));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
