package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says of security: {@code validate --lint} warnings with positions (the file
 * stays valid), a refused workload in the timeline, the summary and {@code run --json}, and the
 * secrets each task sees.
 */
class SecurityOutputTest {

    @TempDir
    Path dir;

    static final String EXAMPLES = "examples/";

    @Test
    void lintWarnsWithPositionsAndTheFileStaysValid() {
        Path file = Cli.write(dir, "web.yaml", """
                scenario: web
                nodes: [{name: manager-1, role: manager}]
                services:
                  web: {image: "nginx:latest", privileged: true, user: "101", read_only: true, cap_drop: [ALL]}
                """);
        Cli.Outcome plain = Cli.run("validate", file.toString());
        assertEquals(0, plain.code());
        assertEquals(List.of(file + ":4:32: warning: privileged: Ignoring unsupported options: privileged (docker stack deploy "
                + "does not pass it to a swarm service; only the kubernetes strategy runs it)"), plain.err().lines().toList());
        Cli.Outcome lint = Cli.run("validate", "--lint", file.toString());
        assertEquals(0, lint.code(), lint.err());
        assertEquals(file + ": valid", lint.out().strip());
        assertEquals(List.of(
                file + ":4:32: warning: privileged: Ignoring unsupported options: privileged (docker stack deploy does not pass "
                        + "it to a swarm service; only the kubernetes strategy runs it)",
                file + ":4:3: warning: service 'web' has no health check: it counts as up as long as its process runs [healthcheck]",
                file + ":4:16: warning: service 'web' uses the latest tag (nginx:latest); pin a version, such as nginx:1.27 "
                        + "[latest-tag]",
                file + ":4:44: warning: service 'web' is privileged: every capability and every device of its host; restrict "
                        + "privileges [privileged]"),
                lint.err().lines().toList());
    }

    @Test
    void aRefusedWorkloadIsInTheTimelineTheSummaryAndTheJson() {
        String example = EXAMPLES + "pod-security-restricted.yaml";
        String human = Cli.run("run", example).out();
        assertTrue(human.lines().anyMatch(l -> l.matches("\\s+0s  legacy-\\w+\\s+FailedCreate\\s+\\[manager\\]\\s+Error creating: "
                + "pods \"legacy-\\w+-\\w{5}\" is forbidden: violates PodSecurity \"restricted:latest\": privileged .*")), human);
        assertTrue(human.lines().anyMatch(l -> l.matches("\\s+5ms  legacy-\\w+\\s+FailedCreate\\s+\\[manager\\]\\s+x2, after its "
                + "back-off: Error creating: pods \"legacy-\\w+-\\w{5}\" is forbidden")), human);
        assertTrue(human.contains("  legacy               0 running, 0 not running, 0 terminating\n"
                + "                       FailedCreate x15 (0s to 1m21.915s): Error creating: pods \"legacy-"), human);
        JsonNode json = Cli.run("run", example, "--json").json();
        JsonNode failed = json.get("failed_creates").get(0);
        assertEquals("legacy", failed.get("service").asText());
        assertEquals("ReplicaSet", failed.get("kind").asText());
        assertEquals(15, failed.get("count").asInt());
        assertEquals("1m21.915s", failed.get("last").asText());
        assertTrue(failed.get("message").asText().contains("is forbidden: violates PodSecurity \"restricted:latest\""));
    }

    @Test
    void eachTaskListsTheSecretsAndConfigsItSees() {
        JsonNode json = Cli.run("run", EXAMPLES + "secret-rotation.yaml", "--json").json();
        for (JsonNode task : json.get("tasks")) {
            if (task.get("service").asText().equals("api")) {
                assertEquals("[\"db_password_v2\",\"tls_key\"]", task.get("secrets").toString());
                assertEquals("[\"api_settings\"]", task.get("configs").toString());
            } else {
                assertTrue(task.get("secrets") == null, "frontend sees no secret: " + task);
            }
        }
        String human = Cli.run("run", EXAMPLES + "secret-rotation.yaml").out();
        assertTrue(human.contains("  api.1                  secrets                           db_password_v1 at "
                + "/run/secrets/db_password; tls_key at /run/secrets/tls_key; config api_settings at /etc/api/settings.toml"), human);
    }
}
