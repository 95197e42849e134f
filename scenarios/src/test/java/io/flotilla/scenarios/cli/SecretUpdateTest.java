package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code update: {secret_rm, secret_add}}, {@code docker service update --secret-rm db_password_v1
 * --secret-add source=db_password_v2,target=db_password}: one rolling update, after which every
 * running task sees the new secret at the old one's path, the kept secret first (docker/cli's
 * {@code getUpdatedSecrets} removes, then appends); under either strategy.
 */
class SecretUpdateTest {

    @TempDir
    Path dir;

    static final String FILE = """
            scenario: rotate
            until: 3m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            secrets:
              db_password_v1: {external: true}
              db_password_v2: {external: true}
              tls_key: {external: true}
            services:
              api:
                image: "shop/api:2"
                secrets:
                  - {source: db_password_v1, target: db_password, mode: 0400}
                  - tls_key
                deploy: {replicas: 3, update_config: {parallelism: 1, delay: 5s}}
            timeline:
              - {at: 1m, update: {service: api, secret_rm: [db_password_v1], secret_add: [{source: db_password_v2, target: db_password, mode: 0400}]}}
            """;

    static Stream<String> strategies() {
        return Stream.of("swarm", "kubernetes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void everyRunningTaskSeesTheNewSecret(String strategy) {
        Path file = Cli.write(dir, "rotate.yaml", FILE);
        JsonNode json = Cli.run("run", file.toString(), "--strategy", strategy, "--json").json();
        List<String> running = new ArrayList<>();
        for (JsonNode task : json.get("tasks")) {
            if (task.get("state").asText().equals("running")) {
                running.add(task.get("secrets").toString());
            }
        }
        assertFalse(running.isEmpty());
        running.forEach(secrets -> assertEquals("[\"tls_key\",\"db_password_v2\"]", secrets));
        assertEquals(3, running.size());
    }

    record Case(String name, String update, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> problems() {
        return Stream.of(
                new Case("a secret the service is not granted", "{service: api, secret_rm: [db_password_v2]}",
                        "18:49: secret_rm: service 'api' is not granted secret 'db_password_v2'"),
                new Case("an unknown secret", "{service: api, secret_rm: [db_pasword_v1]}",
                        "18:49: secret_rm: unknown secret 'db_pasword_v1'; did you mean 'db_password_v1'?"),
                new Case("a new secret on the old one's target, the old one kept",
                        "{service: api, secret_add: [{source: db_password_v2, target: db_password}]}",
                        "18:49: secret references 'db_password_v1' and 'db_password_v2' have a conflicting target: "
                                + "'/run/secrets/db_password'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void badSecretChangesAreErrorsWithTheirPlace(Case c) {
        Path file = Cli.write(dir, "rotate.yaml", FILE.replace(
                "{service: api, secret_rm: [db_password_v1], secret_add: [{source: db_password_v2, target: db_password, mode: 0400}]}",
                c.update()));
        Cli.Outcome out = Cli.run("validate", file.toString());
        assertEquals(2, out.code());
        assertEquals(List.of(file + ":" + c.expected()), out.err().lines().toList());
    }
}
