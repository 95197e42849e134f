package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scan images for vulnerabilities: the known vulnerabilities of every layer of the service's image,
 * counted by severity and listed worst first, as {@code docker scout cves} and {@code trivy image}
 * summarise; a base image's layer brings its own into every image built on it, and the stages a
 * multi-stage build leaves behind take theirs with them.
 */
class ImageVulnerabilitiesRuleTest {

    record Case(String name, String service, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A Debian base with three known vulnerabilities, an Alpine one with none, and images on them. */
    static final String IMAGES = """
            images:
              "debian:12":
                layers:
                  - digest: debian-12
                    size: 50MB
                    vulnerabilities:
                      - {id: CVE-2023-4911, severity: high, package: glibc, fixed_in: "2.36-9+deb12u3"}
                      - {id: CVE-2024-6387, severity: critical, package: openssh, fixed_in: "1:9.2p1-2+deb12u3"}
                      - {id: CVE-2011-3389, severity: low, package: openssl}
              "alpine:3.20": {layers: [{digest: alpine-3.20, size: 4MB}]}
              "shop/api:1": {from: "debian:12", layers: [{digest: api-1, size: 20MB}]}
              "shop/api:2": {from: "alpine:3.20", layers: [{digest: api-2, size: 20MB, vulnerabilities: [{id: CVE-2024-0001, severity: medium}]}]}
              "shop/api:3": {from: "alpine:3.20", layers: [{digest: api-3, size: 20MB, vulnerabilities: []}]}
              "shop/web:1":
                build:
                  stages:
                    - {name: build, from: "debian:12", layers: [{digest: web-build, size: 300MB}]}
                    - {name: runtime, from: "alpine:3.20", layers: [{digest: web-dist, size: 2MB}]}
            """;

    static final String DEBIAN = "service 'web' runs %s, which has 3 known vulnerabilities (1 critical, 1 high, 1 low): "
            + "CVE-2024-6387 critical in openssh (layer debian-12, fixed in 1:9.2p1-2+deb12u3); CVE-2023-4911 high in glibc "
            + "(layer debian-12, fixed in 2.36-9+deb12u3); CVE-2011-3389 low in openssl (layer debian-12, no fix yet); rebuild "
            + "it on a fixed or smaller base image [image-vulnerabilities]";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the base image's own", "{image: \"debian:12\"}", List.of("4:16: warning: " + DEBIAN.formatted("debian:12"))),
                new Case("inherited from the base image", "{image: \"shop/api:1\"}",
                        List.of("4:16: warning: " + DEBIAN.formatted("shop/api:1"))),
                new Case("the image's own layer, without fix or package", "{image: \"shop/api:2\"}", List.of("4:16: warning: "
                        + "service 'web' runs shop/api:2, which has 1 known vulnerability (1 medium): CVE-2024-0001 medium (layer "
                        + "api-2, no fix yet); rebuild it on a fixed or smaller base image [image-vulnerabilities]")),
                new Case("an empty list: scanned, nothing known", "{image: \"shop/api:3\"}", List.of()),
                new Case("a multi-stage build leaves the build stage's behind", "{image: \"shop/web:1\"}", List.of()),
                new Case("an image the file does not describe has none known", "{image: \"nginx:1.27\"}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheKnownVulnerabilitiesOfTheImagesLayers(Case c) {
        assertEquals(c.expected(), Lints.of("image-vulnerabilities", c.service(), IMAGES));
    }
}
