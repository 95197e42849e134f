package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskSecrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secrets and configs in a run: a task sees only what its service is granted (swarmkit's
 * dispatcher sends a node the secrets of its own tasks only, {@code manager/dispatcher/assignments.go}),
 * with docker/cli's defaults for the reference ({@code convert/service.go}: target the source's name,
 * uid and gid 0, mode 0444), and a rotation is a new secret granted by a deploy, which the rolling
 * updater rolls out task by task.
 */
class SecretsTest {

    static final String FILE = """
            scenario: secrets
            strategy: %s
            until: 2m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            secrets:
              db_v1: {file: ./db.v1.txt}
              db_v2: {file: ./db.v2.txt}
              tls: {external: true, name: prod_tls}
            configs:
              app: {file: ./app.toml}
            services:
              api:
                image: "api:1"
                secrets: [{source: db_v1, target: db, mode: 0400}, tls]
                configs: [app]
                deploy: {replicas: 2}
              web:
                image: "nginx:1.27"
                deploy: {replicas: 1, placement: {constraints: ["node.hostname == worker-3"]}}
            timeline:
              - at: 1m
                deploy:
                  services:
                    api:
                      image: "api:1"
                      secrets: [{source: db_v2, target: db, mode: 0400}, tls]
                      configs: [app]
                      deploy: {replicas: 2}
            """;

    private static Sim run(String strategy) {
        return Sim.run("secrets", FILE.formatted(strategy));
    }

    @Test
    void aTaskSeesWhatItsServiceIsGrantedAndNothingElse() {
        Sim sim = run("swarm");
        String api1 = sim.created("api.1").get(0).event().task();
        Sim.At<TaskSecrets> granted = sim.expect(TaskSecrets.class, 0, e -> e.task().equals(api1), "api.1's secrets");
        assertEquals(0, granted.time(), "with the task's creation");
        List<TaskSecrets.GrantedFile> secrets = granted.event().secrets();
        assertEquals(List.of("db_v1", "prod_tls"), secrets.stream().map(TaskSecrets.GrantedFile::name).toList());
        assertEquals(new TaskSecrets.GrantedFile("db_v1", secrets.get(0).id(), "/run/secrets/db", "0", "0", "0400"), secrets.get(0));
        assertEquals(new TaskSecrets.GrantedFile("prod_tls", secrets.get(1).id(), "/run/secrets/tls", "0", "0", "0444"),
                secrets.get(1));
        assertEquals(25, secrets.get(0).id().length());
        assertNotEquals(secrets.get(0).id(), secrets.get(1).id());
        assertEquals("/app", granted.event().configs().get(0).target(), "a config's relative target is under /");
        String web1 = sim.created("web.1").get(0).event().task();
        assertEquals(List.of(), sim.all(TaskSecrets.class, e -> e.task().equals(web1)), "web is granted nothing");
        assertEquals(List.of(), sim.at("30s").newest("web.1").orElseThrow().secrets());
    }

    @Test
    void aNodeHoldsOnlyTheSecretsOfItsOwnTasks() {
        Sim sim = run("swarm");
        assertEquals(List.of("db_v1", "prod_tls"), sim.at("30s").secretsOn("worker-1"));
        assertEquals(List.of(), sim.at("30s").secretsOn("worker-3"), "worker-3 runs only web");
    }

    /** The deploy at 1m grants db_v2 at the same path: each replacement task mounts the new version. */
    @Test
    void aDeployThatGrantsTheNewVersionRollsItOutTaskByTask() {
        Sim sim = run("swarm");
        List<Sim.At<TaskCreated>> api1 = sim.created("api.1");
        assertEquals(2, api1.size());
        assertEquals(t("1m"), api1.get(1).time(), "the updater replaces api.1 first");
        TaskSecrets rotated = sim.expect(TaskSecrets.class, t("1m"), e -> e.task().equals(api1.get(1).event().task()),
                "api.1's new secrets").event();
        assertEquals("db_v2", rotated.secrets().get(0).name());
        assertEquals("/run/secrets/db", rotated.secrets().get(0).target());
        assertEquals("db_v1", sim.at("1m").newest("api.2").orElseThrow().secrets().get(0).name(), "api.2 waits its turn");
        assertEquals("db_v2", sim.at("2m").newest("api.2").orElseThrow().secrets().get(0).name());
    }

    /** Under the kubernetes strategy a grant is a Secret (or ConfigMap) volume at the same path: the same names and files. */
    @Test
    void aPodMountsTheSameFiles() {
        Sim swarm = run("swarm");
        Sim kube = run("kubernetes");
        assertEquals(swarm.at("30s").newest("api.1").orElseThrow().secrets(), kube.at("30s").newest("api.1").orElseThrow().secrets());
        assertEquals(List.of(), kube.at("30s").newest("web.1").orElseThrow().secrets());
        // A Deployment's rollout surges a pod in a new slot, so read the running pods, not a slot.
        assertEquals(List.of("db_v2", "db_v2"),
                kube.at("2m").running("api").stream().map(p -> p.secrets().get(0).name()).toList());
    }
}
