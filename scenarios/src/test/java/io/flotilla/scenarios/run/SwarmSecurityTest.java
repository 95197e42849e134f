package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.sim.events.WorkloadFailedCreate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security keys under the swarm strategy: no admission, and a swarm service spec has what
 * {@code docker stack deploy} passes (docker/cli {@code convert/service.go}: User, ReadOnly,
 * CapabilityAdd, CapabilityDrop) and not what it drops ({@code privileged}, {@code security_opt}):
 * a deploy that changes only the latter changes nothing (swarmkit's {@code isTaskDirty} sees the
 * same spec), one that changes the former replaces the tasks.
 */
class SwarmSecurityTest {

    private static Sim run(String redeployed) {
        return Sim.run("swarm-security", """
                scenario: swarm-security
                until: 1m
                kubernetes: {pod_security: restricted}
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: "nginx:1.27", privileged: true, deploy: {replicas: 2}}
                timeline:
                  - {at: 20s, deploy: {services: {web: {image: "nginx:1.27", %sdeploy: {replicas: 2}}}}}
                """.formatted(redeployed));
    }

    @Test
    void swarmHasNoAdmission() {
        Sim sim = run("privileged: true, ");
        assertEquals(List.of(), sim.all(WorkloadFailedCreate.class, e -> true));
        assertEquals(2, sim.running("web", "10s"));
    }

    @Test
    void aDeployThatChangesOnlyWhatStackDeployDropsReplacesNothing() {
        Sim sim = run("security_opt: [\"no-new-privileges:true\"], ");
        assertEquals(1, sim.created("web.1").size());
        assertEquals(1, sim.created("web.2").size());
    }

    @Test
    void aDeployThatChangesTheUserReplacesTheTasks() {
        Sim sim = run("privileged: true, user: \"1000\", ");
        assertEquals(2, sim.created("web.1").size());
        assertEquals(t("20s"), sim.created("web.1").get(1).time());
    }
}
