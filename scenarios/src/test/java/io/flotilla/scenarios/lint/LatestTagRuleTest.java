package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An image should be pinned: {@code latest}, or no tag at all, is whatever was pushed last. */
class LatestTagRuleTest {

    record Case(String name, String service, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the latest tag", "{image: \"nginx:latest\"}", List.of("4:16: warning: service 'web' uses the latest "
                        + "tag (nginx:latest); pin a version, such as nginx:1.27 [latest-tag]")),
                new Case("no tag", "{image: nginx}", List.of("4:16: warning: service 'web' names no tag (nginx), which means "
                        + "nginx:latest; pin a version, such as nginx:1.27 [latest-tag]")),
                new Case("a registry's port is not a tag", "{image: \"registry:5000/shop/api\"}", List.of("4:16: warning: "
                        + "service 'web' names no tag (registry:5000/shop/api), which means registry:5000/shop/api:latest; pin a "
                        + "version, such as nginx:1.27 [latest-tag]")),
                new Case("no image at all", "{}", List.of("4:3: warning: service 'web' names no image, so it runs web:latest; "
                        + "pin a version, such as nginx:1.27 [latest-tag]")),
                new Case("a version", "{image: \"registry:5000/shop/api:2.1\"}", List.of()),
                new Case("a digest", "{image: \"nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\"}",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void warnsOfUnpinnedImages(Case c) {
        assertEquals(c.expected(), Lints.of("latest-tag", c.service()));
    }
}
