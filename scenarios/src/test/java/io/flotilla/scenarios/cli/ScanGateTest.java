package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate --fail-on SEVERITY}, a scan gate as a pipeline runs {@code trivy image --exit-code
 * 1 --severity HIGH,CRITICAL}: exit 1 when an image a service runs, or a timeline update rolls out,
 * has a known vulnerability of that severity or worse; the file stays valid, and below the
 * threshold the gate passes.
 */
class ScanGateTest {

    @TempDir
    Path dir;

    /** web runs a clean image; the update at 1m rolls out one built on a base with a high vulnerability. */
    static final String FILE = """
            scenario: gate
            nodes: [{name: manager-1, role: manager}]
            images:
              "debian:12": {layers: [{digest: debian-12, size: 50MB, vulnerabilities: [{id: CVE-2023-4911, severity: high, package: glibc, fixed_in: "2.36-9+deb12u3"}]}]}
              "shop/api:1": {layers: [{digest: api-1, size: 20MB, vulnerabilities: []}]}
              "shop/api:2": {from: "debian:12", layers: [{digest: api-2, size: 20MB}]}
            services:
              api: {image: "shop/api:1"}
            timeline:
              - {at: 1m, update: {service: api, image: "shop/api:2"}}
            """;

    static final String FINDING = ":10:44: warning: the update of 'api' rolls out shop/api:2, which has 1 known vulnerability "
            + "(1 high): CVE-2023-4911 high in glibc (layer debian-12, fixed in 2.36-9+deb12u3); rebuild it on a fixed or smaller "
            + "base image [image-vulnerabilities]";

    record Case(String name, List<String> options, int code, boolean gateLine) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the lint alone never fails", List.of("--lint"), 0, false),
                new Case("a gate at the finding's severity", List.of("--lint", "--fail-on", "high"), 1, true),
                new Case("a gate below it", List.of("--fail-on", "medium"), 1, true),
                new Case("a gate above it", List.of("--lint", "--fail-on", "critical"), 0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theGateFailsAtItsSeverityOrWorse(Case c) {
        Path file = Cli.write(dir, "gate.yaml", FILE);
        List<String> args = new java.util.ArrayList<>(List.of("validate"));
        args.addAll(c.options());
        args.add(file.toString());
        Cli.Outcome out = Cli.run(args.toArray(String[]::new));
        assertEquals(c.code(), out.code(), out.err());
        assertEquals(file + ": valid", out.out().strip());
        List<String> expected = new java.util.ArrayList<>(List.of(file + FINDING));
        if (c.gateLine()) {
            expected.add(file + ": the scan fails: an image has a known high vulnerability (--fail-on "
                    + c.options().get(c.options().size() - 1) + ")");
        }
        assertEquals(expected, out.err().lines().filter(l -> !l.contains("[latest-tag]") && !l.contains("[healthcheck]")
                && !l.contains("[root-user]") && !l.contains("[writable-root]") && !l.contains("[capabilities]")).toList());
    }

    @Test
    void anUnknownSeverityIsAUsageError() {
        Path file = Cli.write(dir, "gate.yaml", FILE);
        Cli.Outcome out = Cli.run("validate", "--fail-on", "severe", file.toString());
        assertEquals(2, out.code());
        assertEquals("flotilla: --fail-on: expected one of low, medium, high, critical, got 'severe'", out.err().strip());
    }
}
