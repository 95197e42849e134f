package io.flotilla.scheduler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' default pull policy, {@code SetDefaults_Container} in
 * {@code pkg/apis/core/v1/defaults.go}: {@code Always} for the tag {@code latest} as
 * {@code parsers.ParseImageName} reads it (an untagged, undigested name is {@code :latest}),
 * {@code IfNotPresent} otherwise.
 */
class PullPolicyTest {

    record Case(String image, PullPolicy expected, String tagged) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case("nginx", PullPolicy.ALWAYS, "nginx:latest"),
                new Case("nginx:latest", PullPolicy.ALWAYS, "nginx:latest"),
                new Case("nginx:1.28", PullPolicy.IF_NOT_PRESENT, "nginx:1.28"),
                new Case("registry.example.com:5000/shop/api", PullPolicy.ALWAYS, "registry.example.com:5000/shop/api:latest"),
                new Case("registry.example.com:5000/shop/api:2", PullPolicy.IF_NOT_PRESENT, "registry.example.com:5000/shop/api:2"),
                new Case("nginx@sha256:0123", PullPolicy.IF_NOT_PRESENT, "nginx@sha256:0123"),
                new Case("nginx:latest@sha256:0123", PullPolicy.ALWAYS, "nginx:latest@sha256:0123"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultsAsTheApiServerDoes(Case c) {
        assertEquals(c.expected(), PullPolicy.kubernetesDefault(c.image()));
        assertEquals(c.tagged(), ImageName.of(c.image()).withDefaultTag());
    }
}
