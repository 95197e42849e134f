package io.flotilla.scenarios.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files in the shape of real published ones, imported: the scenario each gives parses, runs and
 * holds its expectation, and what was left out is reported at its source, with why.
 */
class ImportTest {

    static final String DIR = "src/test/resources/imports/";
    static final String VOTING = DIR + "voting-app/docker-stack.yml";
    static final String FRONTEND = DIR + "guestbook/frontend.yaml";
    static final String REDIS = DIR + "guestbook/redis.yaml";
    static final String ODD = DIR + "odd-stack.yml";
    static final String VOLUMES = DIR + "volumes/docker-stack.yml";
    static final String NODES = DIR + "cluster/nodes.yaml";
    static final String WORKLOADS = DIR + "cluster/workloads.yaml";

    record Case(String name, List<String> files, Strategy strategy, List<String> dropped) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> runnable() {
        return Stream.of(
                new Case("the voting app's stack: five services on a front and a back tier", List.of(VOTING), Strategy.SWARM, List.of(
                        VOTING + ":5:1: dropped version: the scenario format is version 3's vocabulary; it needs no version",
                        VOTING + ":28:5: dropped services.db.environment: what runs inside a container is not simulated",
                        VOTING + ":50:5: dropped services.vote.command: what runs inside a container is not simulated",
                        VOTING + ":55:5: dropped services.vote.depends_on: start order is not simulated (docker stack deploy "
                                + "ignores depends_on too)",
                        VOTING + ":70:5: dropped services.result.depends_on: start order is not simulated (docker stack deploy "
                                + "ignores depends_on too)",
                        VOTING + ":85:5: dropped services.worker.depends_on: start order is not simulated (docker stack deploy "
                                + "ignores depends_on too)",
                        VOTING + ":91:7: dropped services.worker.deploy.labels: service labels are not simulated")),
                new Case("named volumes, a plugin volume and bind mounts, short and long", List.of(VOLUMES), Strategy.SWARM, List.of(
                        VOLUMES + ":1:1: dropped version: the scenario format is version 3's vocabulary; it needs no version",
                        VOLUMES + ":8:9: dropped services.web.volumes[2]: anonymous volumes (a target without a source) are not "
                                + "simulated yet",
                        VOLUMES + ":9:9: dropped services.web.volumes[3]: the mount options z are not simulated",
                        VOLUMES + ":10:59: dropped services.web.volumes[4].volume: volume options (nocopy, subpath) are not "
                                + "simulated yet",
                        VOLUMES + ":12:9: dropped services.web.volumes[6]: tmpfs mounts are not simulated yet (volume and bind are)",
                        VOLUMES + ":14:26: dropped volumes.cache.driver_opts: not simulated yet: the volume is the driver's, made "
                                + "with no options",
                        VOLUMES + ":15:30: dropped volumes.files.labels: volume labels are not simulated yet")),
                new Case("the guestbook: a front end, a Redis leader and followers, and their Services", List.of(FRONTEND, REDIS),
                        Strategy.KUBERNETES, List.of(
                        FRONTEND + ":21:11: dropped Deployment frontend: spec.template.spec.containers[0].env: what runs inside a "
                                + "container is not simulated")),
                new Case("Nodes, a DaemonSet, priorities, a spread and storage", List.of(NODES, WORKLOADS), Strategy.KUBERNETES, List.of(
                        NODES + ":25:7: dropped Node worker-a: spec.podCIDR: not simulated",
                        NODES + ":27:64: dropped Node worker-a: status.allocatable.ephemeral-storage: ephemeral-storage is not simulated",
                        WORKLOADS + ":7:38: dropped Namespace shop: metadata.labels.pod-security.kubernetes.io/warn: only the "
                                + "enforced Pod Security level is simulated",
                        WORKLOADS + ":16:34: dropped Deployment api: metadata.namespace: the scenario has one namespace; every "
                                + "object is in it",
                        WORKLOADS + ":42:11: dropped Deployment api: spec.template.spec.containers[0].livenessProbe: liveness probes "
                                + "are not simulated (a readiness probe is)",
                        WORKLOADS + ":48:11: dropped Deployment api: spec.template.spec.containers[1]: a pod runs one container in the "
                                + "scenario; the first one, api, is kept",
                        WORKLOADS + ":53:18: dropped Service api-internal: metadata.name: the scenario reaches api by its own name; the "
                                + "Service's name api-internal is not simulated",
                        WORKLOADS + ":75:7: dropped StatefulSet db: kind: StatefulSet: importing storage from manifests is not done yet (the scenario format has "
                                + "statefulsets with volume_claim_templates and storage_classes: write them by hand)",
                        WORKLOADS + ":90:7: dropped StorageClass local-ssd: kind: StorageClass: importing storage from manifests is not done yet (the scenario format has "
                                + "statefulsets with volume_claim_templates and storage_classes: write them by hand)",
                        WORKLOADS + ":96:7: dropped ConfigMap settings: kind: ConfigMap: a scenario declares secrets and configs in "
                                + "compose's words (top-level secrets and configs, a service's grants); the import does not read them "
                                + "from manifests")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runnable")
    void theScenarioParsesRunsAndHoldsItsExpectation(Case c) throws Exception {
        Imports.Result result = Imports.of(c.files().stream().map(Path::of).toList(), 3);
        assertEquals(c.dropped(), result.dropped().stream().map(Dropped::toString).toList());
        ParseOutcome outcome = new ScenarioParser().parse("imported.yaml", result.scenario());
        assertEquals(List.of(), outcome.problems(), result.scenario());
        assertEquals(List.of(), outcome.warnings(), result.scenario());
        Scenario scenario = outcome.scenario().orElseThrow();
        assertEquals(c.strategy(), scenario.strategy());
        assertFalse(scenario.expectations().isEmpty());
        List<ExpectationResult> results = Expectations.evaluate(ScenarioRunner.run(scenario, RunOptions.DEFAULT));
        assertTrue(results.stream().allMatch(ExpectationResult::passed), results::toString);
    }

    /** A service pinned to the manager that mounts a plugin volume runs there: every node has the plugin. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 0})
    void aPluginVolumeMountsOnEveryNodeTheManagerToo(int workers, @TempDir Path dir) throws Exception {
        Path stack = Files.writeString(dir.resolve("stack.yml"), """
                services:
                  db:
                    image: postgres:16
                    volumes: ["data:/var/lib/postgresql/data"]
                    deploy: {placement: {constraints: [node.role == manager]}}
                volumes:
                  data: {driver: azurefile}
                """);
        String s = Imports.of(List.of(stack), workers).scenario();
        assertTrue(s.contains("# Every node has the volume plugin azurefile, which the stack's volumes use.\n"), s);
        assertEquals(workers == 0 ? 1 : 2, s.lines().filter("    plugins: [azurefile]"::equals).count(), s);
        Scenario scenario = new ScenarioParser().parse("imported.yaml", s).scenario().orElseThrow();
        List<ExpectationResult> results = Expectations.evaluate(ScenarioRunner.run(scenario, RunOptions.DEFAULT));
        assertTrue(results.stream().allMatch(ExpectationResult::passed), results::toString);
    }

    @Test
    void theVotingAppKeepsItsNetworksPortsChecksAndPlacement() throws Exception {
        String s = Imports.of(List.of(Path.of(VOTING)), 3).scenario();
        for (String line : List.of(
                "  front-tier: {}",
                "    networks: [front-tier, back-tier]",
                "    ports: [\"5000:80\"]",
                "    file: \"./db_password.txt\"",
                "    secrets: [db_password]",
                "    volumes: [\"db-data:/var/lib/postgresql/data\"]",
                "    healthcheck: {test: [CMD, redis-cli, ping], interval: 5s, timeout: 3s, retries: 3}",
                "    deploy: {placement: {constraints: [\"node.role == manager\"]}}",
                "      resources: {reservations: {cpus: \"0.25\", memory: 128M}, limits: {cpus: \"0.5\", memory: 256M}}",
                "      restart_policy: {condition: on-failure, delay: 10s, max_attempts: 3, window: 120s}",
                "  - running: {redis: 1, db: 1, vote: 2, result: 1, worker: 1}")) {
            assertTrue(s.lines().anyMatch(line::equals), "no line '" + line + "' in\n" + s);
        }
    }

    @Test
    void theGuestbookKeepsRequestsProbesLabelsAntiAffinityAndNodePorts() throws Exception {
        String s = Imports.of(List.of(Path.of(FRONTEND), Path.of(REDIS)), 3).scenario();
        for (String line : List.of(
                "    healthcheck: {interval: 5s, timeout: 1s, retries: 3}",
                "    deploy: {replicas: 3, resources: {reservations: {cpus: 100m, memory: 100Mi}}}",
                "    kubernetes: {labels: {app: guestbook, tier: frontend}}",
                "    ports: [{target: 80, published: 30080}]",
                "            topology_key: kubernetes.io/hostname",
                "            label_selector: {match_labels: {role: follower}}",
                "  - running: {frontend: 3, redis-leader: 1, redis-follower: 2}")) {
            assertTrue(s.lines().anyMatch(line::equals), "no line '" + line + "' in\n" + s);
        }
    }

    @Test
    void whatTheScenarioParserRefusesIsDroppedAtItsSourceWithTheParsersWords() throws Exception {
        Imports.Result result = Imports.of(List.of(Path.of(ODD)), 2);
        assertEquals(List.of(
                ODD + ":2:1: dropped version: the scenario format is version 3's vocabulary; it needs no version",
                ODD + ":5:3: dropped services.web.restart: docker stack deploy ignores restart; deploy.restart_policy is what a service "
                        + "follows",
                ODD + ":14:9: dropped services.web.ports[0]: the host address 127.0.0.1 is dropped: ports are published on every "
                        + "node's address",
                ODD + ":15:9: dropped services.web.ports[1]: port ranges are not simulated",
                ODD + ":19:9: dropped services.web.ports[2].host_ip: ports are published on every node's address",
                ODD + ":22:9: dropped services.web.networks.front: network aliases and addresses are not simulated",
                ODD + ":30:13: dropped services.batch.deploy.mode: jobs (tasks that run to completion) are not simulated; the service "
                        + "runs as replicated",
                ODD + ":32:23: dropped services.batch.deploy.placement.constraints[0]: constraint expected one operator from ==, !=",
                ODD + ":36:17: dropped services.gpu.deploy.replicas: replicas: expected a whole number, got the quoted text \"2\""),
                result.dropped().stream().map(Dropped::toString).toList());
        String s = result.scenario();
        for (String line : List.of(
                "# Services without networks are on the network 'default', as docker stack deploy puts them on the stack's default "
                        + "network.",
                "    encrypted: true",
                "    subnet: 10.20.0.0/24",
                "  default: {}",
                "    networks: [default]",
                "    ports: [\"8080:80\", {target: 443, published: 8443, mode: host}]",
                "    deploy: {restart_policy: {condition: any}}",
                "    deploy: {resources: {reservations: {generic: {gpu: 1}}}}",
                "  - running: {web: 1, agent: 3, batch: 1, gpu: 1}")) {
            assertTrue(s.lines().anyMatch(line::equals), "no line '" + line + "' in\n" + s);
        }
        assertEquals(List.of(), new ScenarioParser().parse("imported.yaml", s).problems());
    }

    @Test
    void nodesPodSecurityAndSecurityContextsComeFromTheManifestsAndMemoryIsInBytesWhereKubernetesIsDecimal() throws Exception {
        String s = Imports.of(List.of(Path.of(NODES), Path.of(WORKLOADS)), 3).scenario();
        for (String line : List.of(
                "# The cluster is the manifests' Node objects.",
                "  pod_security: restricted",
                "    user: \"1000:1000\"",
                "    read_only: true",
                "    cap_drop: [ALL]",
                "    security_opt: [\"no-new-privileges:true\", \"seccomp=builtin\"]",
                "  - name: cp-1",
                "    role: manager",
                "    taints: [\"node-role.kubernetes.io/control-plane:NoSchedule\"]",
                "    resources: {cpus: 3900m, memory: 8000000000}",
                "      update_config: {parallelism: 1, order: start-first}",
                "      resources: {reservations: {cpus: 500m, memory: 256000000}, limits: {cpus: \"1\", memory: 512Mi}}",
                "      endpoint_mode: dnsrr",
                "      priority: 1000",
                "    ports: [{target: 9100, published: 9100, mode: host}]",
                "    deploy: {mode: global}")) {
            assertTrue(s.lines().anyMatch(line::equals), "no line '" + line + "' in\n" + s);
        }
    }

    @Test
    void inputThatIsNeitherIsRefusedWithItsPosition(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.yaml"), "title: notes\n");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "services: [a\n");
        Path both = Files.writeString(dir.resolve("both.yaml"), "services: {a: {}}\n---\napiVersion: v1\nkind: Service\n");
        assertEquals(List.of(notes + ":1:1: neither a stack file (no services) nor a Kubernetes object (no apiVersion and kind)"),
                assertThrows(ImportException.class, () -> Imports.of(List.of(notes), 3)).problems());
        assertEquals(List.of(broken + ":2:1: invalid YAML: expected ',' or ']', but got <stream end>"),
                assertThrows(ImportException.class, () -> Imports.of(List.of(broken), 3)).problems());
        assertEquals(List.of(both + ":3:1: a stack file and Kubernetes manifests cannot be imported together"),
                assertThrows(ImportException.class, () -> Imports.of(List.of(both), 3)).problems());
    }
}
