package io.flotilla.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.sim.events.TaskSecrets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The security questions of the Java API: what a task sees, what a node holds, why a workload has no pods. */
class SimulatedRunSecurityTest {

    private static final String FILE = """
            scenario: api
            until: 1m
            kubernetes: {pod_security: baseline}
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            secrets:
              db: {file: ./db.txt}
            configs:
              app: {file: ./app.toml}
            services:
              api:
                image: "api:1"
                secrets: [{source: db, target: password}]
                configs: [app]
                deploy: {placement: {constraints: ["node.hostname == worker-1"]}}
              probe: {image: "probe:1", privileged: true, deploy: {placement: {constraints: ["node.hostname == worker-2"]}}}
            """;

    @Test
    void aTaskSeesItsGrantsAndANodeHoldsOnlyThoseOfItsTasks() {
        SimulatedRun run = Flotilla.runYaml(FILE);
        List<TaskSecrets.GrantedFile> secrets = run.at("30s").secretsOf("api.1");
        assertEquals(1, secrets.size());
        assertEquals("db", secrets.get(0).name());
        assertEquals("/run/secrets/password", secrets.get(0).target());
        assertEquals("0444", secrets.get(0).mode());
        assertEquals("/app", run.configsOf("api.1").get(0).target());
        assertEquals(List.of(), run.secretsOf("probe.1"));
        assertEquals(List.of("db"), run.secretsOn("worker-1"));
        assertEquals(List.of(), run.secretsOn("worker-2"));
        assertEquals(Optional.empty(), run.failedCreate("probe"), "swarm has no admission");
    }

    @Test
    void aRefusedWorkloadSaysWhy() {
        SimulatedRun run = Flotilla.runYaml(FILE, Strategy.KUBERNETES, 1);
        assertEquals(0, run.running("probe"));
        String why = run.failedCreate("probe").orElseThrow();
        assertTrue(why.startsWith("Error creating: pods \"probe-"), why);
        assertTrue(why.endsWith("is forbidden: violates PodSecurity \"baseline:latest\": privileged (container \"probe\" must "
                + "not set securityContext.privileged=true)"), why);
        assertEquals(Optional.empty(), run.failedCreate("api"));
        assertEquals("db", run.secretsOf("api.1").get(0).name());
    }
}
