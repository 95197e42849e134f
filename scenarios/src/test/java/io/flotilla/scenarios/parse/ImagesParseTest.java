package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.image.Layer;
import io.flotilla.scheduler.image.Registry;
import io.flotilla.scheduler.model.PullPolicy;
import io.flotilla.sim.cluster.Image;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code registries}, {@code images} with layers, {@code from} and {@code build}, {@code pull_policy}, {@code registry_down}. */
class ImagesParseTest {

    private static final long MB = 1024 * 1024;
    private static final long MS = 1_000_000L;

    private static final String NODES = "scenario: t\nnodes: [{name: manager-1, role: manager}, {name: w1}]\n";

    /** The guide's example: a fat image built on node:18 against nginx:alpine with the build's output. */
    private static final String GUIDE = NODES + """
            registries:
              hub: {bandwidth: 50MB/s, latency: 100ms}
              private: {}
            images:
              "node:18": {layers: [{digest: debian, size: 50MB}, {digest: node-18, size: 300MB}]}
              "nginx:alpine": {layers: [{digest: alpine, size: 4MB}, {digest: nginx-alpine, size: 18MB}]}
              "shop/web:fat": {from: "node:18", layers: [{digest: web-src, size: 5MB}, {digest: web-modules, size: 180MB}]}
              "shop/web:slim":
                registry: private
                build:
                  stages:
                    - {name: build, from: "node:18", layers: [{digest: web-src, size: 5MB}, {digest: web-modules, size: 180MB}]}
                    - {name: runtime, from: "nginx:alpine", layers: [{digest: web-dist, size: 2MB}]}
              "old:1": {size: 70MB}
            services:
              web: {image: "shop/web:slim", pull_policy: always}
              api: {image: "api:2", pull_policy: IfNotPresent}
              jobs: {image: "jobs:1"}
            timeline:
              - {at: 1m, registry_down: private}
              - {at: 2m, registry_up: private}
            """;

    private static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", yaml);
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

    @Test
    void registriesHaveTheirBandwidthAndLatencyAndHubIsAlwaysThere() {
        Scenario s = parse(GUIDE);
        assertEquals(new Registry("hub", 50 * MB, 100 * MS), s.image("node:18").registry());
        assertEquals(new Registry("private", 0, 0), s.image("shop/web:slim").registry());
        assertEquals(new Registry("hub", 50 * MB, 100 * MS), s.images().get("api:2").registry(), "an unlisted image comes from hub");
        assertEquals(Registry.HUB, parse(NODES + "services: {web: {}}\n").images().get("web:latest").registry());
    }

    @Test
    void layersComeFromTheBaseThenTheImagesOwnAndABuildIsItsFinalStage() {
        Scenario s = parse(GUIDE);
        ImageDecl fat = s.image("shop/web:fat");
        assertEquals(List.of("debian", "node-18", "web-src", "web-modules"), fat.layers().stream().map(Layer::digest).toList());
        assertEquals(535 * MB, fat.sizeBytes());
        assertTrue(fat.layered());
        ImageDecl slim = s.image("shop/web:slim");
        assertEquals(List.of("alpine", "nginx-alpine", "web-dist"), slim.layers().stream().map(Layer::digest).toList());
        assertEquals(24 * MB, slim.sizeBytes());
        assertEquals("runtime", slim.build().orElseThrow().last());
        assertEquals(535 * MB, slim.build().orElseThrow().stages().get(0).sizeBytes(), "the build stage stays behind");
        ImageDecl old = s.image("old:1");
        assertEquals(List.of(new Layer(Image.oneLayerDigest("old:1"), 70 * MB)), old.layers());
        assertEquals(false, old.layered());
    }

    @Test
    void pullPoliciesInComposesWordsAndKubernetes() {
        Scenario s = parse(GUIDE);
        assertEquals(Optional.of(PullPolicy.ALWAYS), s.services().get(0).task().pullPolicy());
        assertEquals(Optional.of(PullPolicy.IF_NOT_PRESENT), s.services().get(1).task().pullPolicy());
        assertEquals(Optional.empty(), s.services().get(2).task().pullPolicy(), "each strategy's default");
        for (String word : List.of("missing", "if_not_present", "IfNotPresent")) {
            assertEquals(Optional.of(PullPolicy.IF_NOT_PRESENT),
                    parse(NODES + "services: {web: {pull_policy: " + word + "}}\n").services().get(0).task().pullPolicy());
        }
    }

    @Test
    void registryDownAndUpAreTimelineActions() {
        Scenario s = parse(GUIDE);
        assertEquals(new Action.Registry("private", false), s.timeline().get(0).action());
        assertEquals("registry_up private", s.timeline().get(1).action().describe());
    }

    record Case(String name, String yaml, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case problem(String name, String yaml, String... expected) {
        return new Case(name, yaml, List.of(expected));
    }

    static Stream<Case> problems() {
        return Stream.of(
                problem("size and layers", NODES + "images:\n  a: {size: 10MB, layers: [{digest: x, size: 1MB}]}\n",
                        "4:7: size: an image is given by its size (one layer) or by its layers, from or build, not both"),
                problem("a digest with two sizes", NODES + """
                        images:
                          a: {layers: [{digest: base, size: 10MB}]}
                          b: {layers: [{digest: base, size: 20MB}]}
                        """,
                        "5:37: layer 'base' is 10MB in image 'a'; a digest names one content, of one size"),
                problem("a layer twice", NODES + "images:\n  a: {from: b, layers: [{digest: x, size: 1MB}]}\n"
                                + "  b: {layers: [{digest: x, size: 1MB}]}\n",
                        "4:34: layer 'x' is in image 'a' twice"),
                problem("a layer without its size", NODES + "images:\n  a: {layers: [{digest: x}]}\n",
                        "4:16: missing key 'size' in layer of image 'a'"),
                problem("from an unknown image", NODES + "images:\n  a: {from: nod:18}\n  \"node:18\": {}\n",
                        "4:13: from: unknown image 'nod:18'; did you mean 'node:18'?; describe it under images"),
                problem("built from itself", NODES + "images:\n  a: {from: b}\n  b: {from: a}\n",
                        "4:13: from: image 'a' is built from itself"),
                problem("an unknown registry", NODES + "registries: {private: {}}\nimages:\n  a: {registry: privat}\n",
                        "5:17: unknown registry 'privat'; did you mean 'private'?; declare it under the top-level 'registries'"),
                problem("a registry without bandwidth", NODES + "registries: {hub: {bandwidth: 0}}\n",
                        "3:31: bandwidth: must be more than 0 (leave it out for no limit of the registry's own)"),
                problem("a final stage that is not one", NODES + """
                        images:
                          a:
                            build:
                              stages: [{name: one, from: b}]
                              final: two
                          b: {}
                        """,
                        "7:14: final: unknown stage 'two'; the stages are one"),
                problem("layers beside a build", NODES + """
                        images:
                          a:
                            layers: [{digest: x, size: 1MB}]
                            build: {stages: [{name: one, from: b}]}
                          b: {}
                        """,
                        "5:5: layers: an image built in stages is its final stage; give the stage its from and layers"),
                problem("compose's build pull policy", NODES + "services: {web: {pull_policy: build}}\n",
                        "3:31: pull_policy: 'build' is compose's, and not simulated: images come from registries; use always, "
                                + "missing (if_not_present) or never"),
                problem("a pull policy misspelt", NODES + "services: {web: {pull_policy: allways}}\n",
                        "3:31: pull_policy: expected one of always, missing, if_not_present, never, Always, IfNotPresent, Never, "
                                + "got \"allways\"; did you mean 'always'?"),
                problem("a vulnerability without its severity", NODES + "images:\n  a: {layers: [{digest: x, size: 1MB, "
                                + "vulnerabilities: [{id: CVE-2023-4911}]}]}\n",
                        "4:57: missing key 'severity' in vulnerability of layer 'x'"),
                problem("a severity misspelt", NODES + "images:\n  a: {layers: [{digest: x, size: 1MB, "
                                + "vulnerabilities: [{id: CVE-2023-4911, severity: crtical}]}]}\n",
                        "4:87: severity: expected one of low, medium, high, critical, got \"crtical\"; did you mean 'critical'?"),
                problem("a vulnerability listed twice in a layer", NODES + "images:\n  a: {layers: [{digest: x, size: 1MB, "
                                + "vulnerabilities: [{id: CVE-1, severity: low}, {id: CVE-1, severity: high}]}]}\n",
                        "4:90: vulnerability 'CVE-1' is listed twice in layer 'x'"),
                problem("a digest with other vulnerabilities elsewhere", NODES + """
                        images:
                          a: {layers: [{digest: base, size: 10MB, vulnerabilities: [{id: CVE-1, severity: high}]}]}
                          b: {layers: [{digest: base, size: 10MB, vulnerabilities: []}]}
                        """,
                        "5:60: layer 'base' has other vulnerabilities in image 'a'; a digest names one content: list them "
                                + "once, or the same everywhere"),
                problem("an unknown key in a vulnerability", NODES + "images:\n  a: {layers: [{digest: x, size: 1MB, "
                                + "vulnerabilities: [{id: CVE-1, severity: low, fixed: \"2\"}]}]}\n",
                        "4:84: unknown key 'fixed' in vulnerability of layer 'x'"),
                problem("registry_down of an unknown registry", NODES + "timeline:\n  - {at: 1s, registry_down: quay}\n",
                        "4:29: unknown registry 'quay'; the registries are hub"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reports(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @Test
    void aRegistryTakenDownTwiceIsAWarning() {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", NODES + """
                timeline:
                  - {at: 1s, registry_down: hub}
                  - {at: 2s, registry_down: hub}
                  - {at: 3s, registry_up: hub}
                  - {at: 4s, registry_up: hub}
                """);
        assertEquals(List.of(
                "5:29: warning: registry_down: registry 'hub' is already down at 2s (since 1s); this registry_down does nothing",
                "7:27: warning: registry_up: registry 'hub' is up at 4s (no registry_down of it before); this registry_up does nothing"),
                outcome.warnings().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }
}
