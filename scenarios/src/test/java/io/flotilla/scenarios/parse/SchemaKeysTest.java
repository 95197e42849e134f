package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.output.JsonResult;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Nothing is accepted that is not simulated. This walks every key the JSON Schema allows and
 * holds each to one verdict: {@link Simulated}, a run with the key (or with another value of it)
 * differs from a run without, in its event log or its {@code run --json} result; or
 * {@link Refused}, the parser reports it as not simulated yet, at the key. A key whose schema
 * has keys of its own (a section) is proven through those, unless they were already proven
 * elsewhere in the schema (a shared definition); then it needs its own case.
 *
 * <p>Keys are named by where the schema defines them: {@code deploy.replicas} at the top level
 * path, {@code #deploy.replicas} inside the definition {@code deploy}; {@code *} is any name,
 * {@code []} any item.
 */
class SchemaKeysTest {

    /** A run with {@code with} differs from a run with {@code without}; both files must be valid. */
    record Simulated(String without, String with) implements Verdict {}

    /** The file is refused, with {@code message} among its problems, on a line that names the key. */
    record Refused(String yaml, String message) implements Verdict {}

    /** A key that no run reads, and why that is right. */
    record NotARun(String why) implements Verdict {}

    sealed interface Verdict permits Simulated, Refused, NotARun {}

    private static final Map<String, Verdict> KEYS = new LinkedHashMap<>();

    private static void simulated(String key, String without, String with) {
        KEYS.put(key, new Simulated(without, with));
    }

    /** A swarm scenario: the header, then {@code body}. */
    static String swarm(String body) {
        return "scenario: keys\nstrategy: swarm\n" + body;
    }

    static String kube(String body) {
        return "scenario: keys\nstrategy: kubernetes\n" + body;
    }

    /** A drained manager and two workers. */
    static final String NODES = """
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            """;

    static final String WEB = NODES + """
            services:
              web: {image: "nginx:1", deploy: {replicas: 2}}
            """;

    static final String CRASH = WEB + """
            timeline:
              - {at: 10s, crash: worker-1}
            """;

    /**
     * A client on the drained manager sending 10 requests a second to {@code web} (two tasks on
     * network {@code front}); formatted with the network's keys, the service's extra keys and more
     * networks (lines such as {@code "  back: {}\n"}).
     */
    static final String SHOPPERS = NODES + """
            networks:
              front: {%1$s}
            %3$sservices:
              web: {image: "nginx:1", networks: [front], %2$sdeploy: {replicas: 2}}
            traffic:
              - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s}
            """;

    /** Workers in zones a, a and b. */
    static final String ZONES = """
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker-1, labels: {zone: a}}
              - {name: worker-2, labels: {zone: a}}
              - {name: worker-3, labels: {zone: b}}
            """;

    /** Two workers, a pod of {@code db} pinned on the first and one of {@code cache} on the second. */
    static final String DB_ON_WORKER_1 = """
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker-1, labels: {zone: a}}
              - {name: worker-2, labels: {zone: b}}
            services:
              db: {kubernetes: {node_selector: {kubernetes.io/hostname: worker-1}}}
              cache: {kubernetes: {node_selector: {kubernetes.io/hostname: worker-2}}}
            """;

    static {
        // The top level.
        simulated("scenario", "scenario: one\n" + NODES, "scenario: two\n" + NODES);
        KEYS.put("description", new NotARun("the one line `./flotilla examples` prints for a scenario; a run is the same without it"));
        simulated("seed", swarm(CRASH), swarm("seed: 2\n" + CRASH));
        simulated("strategy", swarm(WEB), kube(WEB));
        simulated("until", swarm(CRASH), swarm("until: 30s\n" + CRASH));
        simulated("swarm.heartbeat_period", swarm(CRASH), swarm("swarm: {heartbeat_period: 2s}\n" + CRASH));
        simulated("swarm.heartbeat_epsilon", swarm(CRASH), swarm("swarm: {heartbeat_epsilon: 100ms}\n" + CRASH));
        simulated("swarm.missed_heartbeats", swarm(CRASH), swarm("swarm: {missed_heartbeats: 2}\n" + CRASH));
        simulated("kubernetes.node_monitor_period", kube(CRASH), kube("kubernetes: {node_monitor_period: 1s}\n" + CRASH));
        simulated("kubernetes.node_monitor_grace_period", kube(CRASH), kube("kubernetes: {node_monitor_grace_period: 20s}\n" + CRASH));
        simulated("kubernetes.default_toleration_seconds", kube(CRASH), kube("kubernetes: {default_toleration_seconds: 10}\n" + CRASH));

        // Nodes.
        simulated("#node.name", swarm(WEB), swarm(WEB.replace("{name: worker, count: 2}", "{name: node, count: 2}")));
        String roles = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: w1%s}
                  - {name: w2}
                services:
                  web: {deploy: {replicas: 2, placement: {constraints: ["node.role == worker"]}}}
                """;
        simulated("#node.role", swarm(roles.formatted("")), swarm(roles.formatted(", role: manager")));
        simulated("#node.count", swarm(WEB), swarm(WEB.replace("count: 2", "count: 3")));
        String sized = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2, resources: {cpus: %s, memory: %s, generic: {gpu: %d}}}
                services:
                  web: {deploy: {replicas: 4, resources: {reservations: {cpus: 1, memory: 1G, generic: {gpu: 1}}}}}
                """;
        simulated("#nodeResources.cpus", swarm(sized.formatted(1, "4G", 4)), swarm(sized.formatted(2, "4G", 4)));
        simulated("#nodeResources.memory", swarm(sized.formatted(4, "1G", 4)), swarm(sized.formatted(4, "2G", 4)));
        simulated("#nodeResources.generic", swarm(sized.formatted(4, "4G", 1)), swarm(sized.formatted(4, "4G", 2)));
        String labelled = """
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker-1%s}
                services:
                  web: {deploy: {placement: {constraints: ["%s"]}}}
                """;
        simulated("#node.labels", swarm(labelled.formatted("", "node.labels.zone == a")),
                swarm(labelled.formatted(", labels: {zone: a}", "node.labels.zone == a")));
        simulated("#node.engine_labels", swarm(labelled.formatted("", "engine.labels.disk == ssd")),
                swarm(labelled.formatted(", engine_labels: {disk: ssd}", "engine.labels.disk == ssd")));
        simulated("#node.availability", swarm(WEB.replace(", availability: drain", "")), swarm(WEB));
        String platforms = """
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker-1%s}
                services:
                  web: {deploy: {placement: {platforms: [%s]}}}
                """;
        simulated("#platform.os", swarm(platforms.formatted("", "{os: windows}")),
                swarm(platforms.formatted(", platform: {os: windows}", "{os: windows}")));
        simulated("#platform.arch", swarm(platforms.formatted("", "{architecture: arm64}")),
                swarm(platforms.formatted(", platform: {arch: arm64}", "{architecture: arm64}")));
        simulated("#platform.architecture", swarm(platforms.formatted("", "{architecture: arm64}")),
                swarm(platforms.formatted(", platform: {architecture: arm64}", "{architecture: arm64}")));
        simulated("#node.taints", kube(WEB), kube(WEB.replace("{name: worker, count: 2}",
                "{name: worker, count: 2, taints: [\"dedicated=db:NoSchedule\"]}")));
        simulated("#node.pull_bandwidth", swarm(WEB), swarm(WEB.replace("count: 2", "count: 2, pull_bandwidth: 1MB/s")));

        // Networks.
        simulated("#network.driver", swarm(SHOPPERS.formatted("", "", "")), swarm(SHOPPERS.formatted("driver: bridge", "", "")));
        simulated("#network.encrypted", swarm(SHOPPERS.formatted("", "", "")), swarm(SHOPPERS.formatted("encrypted: true", "", "")));
        String network = NODES + """
                networks:
                  front: {%s}
                services:
                  web: {networks: [front], deploy: {replicas: 2%s}}
                """;
        simulated("#network.subnet", swarm(network.formatted("", "")), swarm(network.formatted("subnet: 10.0.9.0/24", "")));
        String ipvlan = "driver: ipvlan, parent: eth0, subnet: 192.168.20.0/24";
        simulated("#network.ipvlan_mode", swarm(SHOPPERS.formatted(ipvlan, "", "")),
                swarm(SHOPPERS.formatted(ipvlan + ", ipvlan_mode: l3", "", "")));
        KEYS.put("#network.parent", new NotARun("the host interface an ipvlan network hangs off: required, and checked as "
                + "moby checks it (one ipvlan network per parent, never lo); every host's interface is on the one "
                + "simulated segment, so which one it names changes no run"));

        // Services.
        simulated("#service.image", swarm(WEB), swarm(WEB.replace("nginx:1", "nginx:2")));
        String checked = SHOPPERS.formatted("", "healthcheck: {%s}, ", "") + """
                timeline:
                  - {at: 20s, unhealthy: web.1}
                """;
        simulated("#healthcheck.test", swarm(checked.formatted("interval: 5s")),
                swarm(checked.formatted("interval: 5s, test: [\"NONE\"]")));
        simulated("#healthcheck.interval", swarm(checked.formatted("")), swarm(checked.formatted("interval: 5s")));
        simulated("#healthcheck.timeout", swarm(checked.formatted("interval: 5s")), swarm(checked.formatted("interval: 5s, timeout: 1ms")));
        simulated("#healthcheck.retries", swarm(checked.formatted("interval: 5s")), swarm(checked.formatted("interval: 5s, retries: 1")));
        String early = checked.replace("at: 20s", "at: 3s");
        simulated("#healthcheck.start_period", swarm(early.formatted("interval: 5s")),
                swarm(early.formatted("interval: 5s, start_period: 1m")));
        simulated("#healthcheck.disable", swarm(checked.formatted("interval: 5s")),
                swarm(checked.formatted("interval: 5s, disable: true")));
        // An unhealthy task's application hangs: it ignores SIGTERM and is killed when the grace period ends.
        String graceful = SHOPPERS.formatted("", "healthcheck: {interval: 5s}, %s", "") + """
                timeline:
                  - {at: 20s, unhealthy: web.1}
                """;
        simulated("#service.stop_grace_period", swarm(graceful.formatted("")), swarm(graceful.formatted("stop_grace_period: 1s, ")));
        simulated("#service.networks", swarm(network.formatted("", "").replace("networks: [front], ", "")),
                swarm(network.formatted("", "")));
        String oneWorker = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1}
                services:
                """;
        String redeployed = oneWorker + """
                  web: {deploy: {replicas: 2}, ports: [{target: 80, published: 8080, mode: host}]}
                timeline:
                  - {at: 20s, deploy: {services: {web: {deploy: {replicas: 2%s}, ports: [{target: %d, published: 8080, mode: host}]}}}}
                """;
        simulated("#port.target", swarm(redeployed.formatted("", 80)), swarm(redeployed.formatted("", 81)));
        String twoPorts = oneWorker + """
                  web: {ports: [{target: 80, published: 8080, mode: host}]}
                  api: {ports: [{target: 80, published: %d, protocol: %s, mode: host}]}
                """;
        simulated("#port.published", swarm(twoPorts.formatted(8080, "tcp")), swarm(twoPorts.formatted(8081, "tcp")));
        simulated("#port.protocol", swarm(twoPorts.formatted(8080, "tcp")), swarm(twoPorts.formatted(8080, "udp")));
        String twoTasks = oneWorker + """
                  web: {deploy: {replicas: 2}, ports: [{target: 80, published: 8080, mode: %s}]}
                """;
        simulated("#port.mode", swarm(twoTasks.formatted("ingress")), swarm(twoTasks.formatted("host")));
        simulated("#deploy.mode", swarm(WEB.replace("{replicas: 2}", "{}")), swarm(WEB.replace("{replicas: 2}", "{mode: global}")));
        simulated("#deploy.replicas", swarm(WEB), swarm(WEB.replace("replicas: 2", "replicas: 3")));
        simulated("#deploy.endpoint_mode", swarm(network.formatted("", "")), swarm(network.formatted("", ", endpoint_mode: dnsrr")));
        String placed = """
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 2}
                services:
                  web: {deploy: {replicas: 3, placement: {%s}}}
                """;
        simulated("#placement.constraints", swarm(placed.formatted("")),
                swarm(placed.formatted("constraints: [\"node.role == worker\"]")));
        simulated("#placement.max_replicas_per_node", swarm(placed.formatted("").replace("replicas: 3", "replicas: 4")),
                swarm(placed.formatted("max_replicas_per_node: 1").replace("replicas: 3", "replicas: 4")));
        simulated("#placement.platforms", swarm(placed.formatted("")), swarm(placed.formatted("platforms: [{os: windows}]")));
        String spread = ZONES + """
                services:
                  web: {deploy: {replicas: 6, placement: {%s}}}
                """;
        simulated("#placement.preferences[].spread", swarm(spread.formatted("")),
                swarm(spread.formatted("preferences: [{spread: node.labels.zone}]")));
        String reserving = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2, resources: {cpus: 2, memory: 2G, generic: {gpu: 1}}}
                services:
                  web: {deploy: {replicas: 4, resources: {reservations: {%s}}}}
                """;
        simulated("#taskResources.cpus", swarm(reserving.formatted("")), swarm(reserving.formatted("cpus: 2")));
        simulated("#taskResources.memory", swarm(reserving.formatted("")), swarm(reserving.formatted("memory: 2G")));
        simulated("#taskResources.generic", swarm(reserving.formatted("")), swarm(reserving.formatted("generic: {gpu: 1}")));
        // Limits are part of the task's spec: a deploy that changes them replaces the tasks, as swarmkit does.
        String limited = WEB + """
                timeline:
                  - {at: 20s, deploy: {services: {web: {image: "nginx:1", deploy: {replicas: 2%s}}}}}
                """;
        simulated("#resources.limits", swarm(limited.formatted("")),
                swarm(limited.formatted(", resources: {limits: {memory: 512M}}")));

        // Restart policy, rolling updates and rollbacks.
        String killed = WEB.replace("{replicas: 2}", "{replicas: 2, restart_policy: {%s}}") + """
                timeline:
                  - {at: 20s, kill_task: web.1}
                  - {at: 50s, kill_task: web.1}
                """;
        simulated("#restartPolicy.condition", swarm(killed.formatted("")), swarm(killed.formatted("condition: none")));
        simulated("#restartPolicy.delay", swarm(killed.formatted("")), swarm(killed.formatted("delay: 1s")));
        simulated("#restartPolicy.max_attempts", swarm(killed.formatted("")), swarm(killed.formatted("max_attempts: 1")));
        simulated("#restartPolicy.window", swarm(killed.formatted("max_attempts: 1")),
                swarm(killed.formatted("max_attempts: 1, window: 10s")));
        String updated = NODES + """
                images:
                  "bad:1": {crash_after: 3s}
                services:
                  web: {image: "nginx:1", deploy: {replicas: 4, update_config: {%s}}}
                timeline:
                  - {at: 20s, update: {service: web, image: "%s"}}
                """;
        simulated("#updateConfig.parallelism", swarm(updated.formatted("", "nginx:2")),
                swarm(updated.formatted("parallelism: 2", "nginx:2")));
        simulated("#updateConfig.delay", swarm(updated.formatted("", "nginx:2")), swarm(updated.formatted("delay: 10s", "nginx:2")));
        simulated("#updateConfig.order", swarm(updated.formatted("", "nginx:2")),
                swarm(updated.formatted("order: start-first", "nginx:2")));
        simulated("#updateConfig.failure_action", swarm(updated.formatted("", "bad:1")),
                swarm(updated.formatted("failure_action: continue", "bad:1")));
        simulated("#updateConfig.monitor", swarm(updated.formatted("", "bad:1")), swarm(updated.formatted("monitor: 1s", "bad:1")));
        simulated("#updateConfig.max_failure_ratio", swarm(updated.formatted("", "bad:1")),
                swarm(updated.formatted("max_failure_ratio: 1", "bad:1")));
        // A rollback to an image whose tasks crash too: the rollback's own settings decide what happens next.
        String rolledBack = NODES + """
                images:
                  "pay:1": {crash_after: %s}
                  "pay:2": {crash_after: 1s}
                services:
                  pay:
                    image: "pay:1"
                    deploy:
                      replicas: 4
                      update_config: {failure_action: rollback}
                      rollback_config: {%s}
                timeline:
                  - {at: 20s, update: {service: pay, image: "pay:2"}}
                """;
        simulated("#rollbackConfig.parallelism", swarm(rolledBack.formatted("1h", "")),
                swarm(rolledBack.formatted("1h", "parallelism: 0")));
        simulated("#rollbackConfig.delay", swarm(rolledBack.formatted("1h", "")), swarm(rolledBack.formatted("1h", "delay: 10s")));
        simulated("#rollbackConfig.order", swarm(rolledBack.formatted("1h", "")),
                swarm(rolledBack.formatted("1h", "order: start-first")));
        simulated("#rollbackConfig.failure_action", swarm(rolledBack.formatted("3s", "")),
                swarm(rolledBack.formatted("3s", "failure_action: continue")));
        simulated("#rollbackConfig.monitor", swarm(rolledBack.formatted("3s", "")),
                swarm(rolledBack.formatted("3s", "monitor: 1s")));
        simulated("#rollbackConfig.max_failure_ratio", swarm(rolledBack.formatted("3s", "")),
                swarm(rolledBack.formatted("3s", "max_failure_ratio: 1")));

        // Kubernetes pod inputs.
        String affinityToFront = NODES + """
                services:
                  web: {kubernetes: {%s}}
                  api: {kubernetes: {pod_affinity: {required: [{topology_key: kubernetes.io/hostname, label_selector: {match_labels: {tier: front}}}]}}}
                """;
        simulated("#kubernetesPod.labels", kube(affinityToFront.formatted("")), kube(affinityToFront.formatted("labels: {tier: front}")));
        String preempting = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, resources: {cpus: 2, memory: 4G}}
                services:
                  low: {deploy: {resources: {reservations: {cpus: 2}}}}
                timeline:
                  - {at: 20s, deploy: {services: {high: {deploy: {resources: {reservations: {cpus: 2}}}, kubernetes: {%s}}}}}
                """;
        simulated("#kubernetesPod.priority", kube(preempting.formatted("")), kube(preempting.formatted("priority: 1000")));
        simulated("#kubernetesPod.preemption_policy", kube(preempting.formatted("priority: 1000")),
                kube(preempting.formatted("priority: 1000, preemption_policy: Never")));
        String selected = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, labels: {disk: ssd}}
                  - {name: worker-2}
                services:
                  web: {deploy: {replicas: 4}, kubernetes: {%s}}
                """;
        simulated("#kubernetesPod.node_selector", kube(selected.formatted("")), kube(selected.formatted("node_selector: {disk: ssd}")));
        String tainted = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, taints: ["dedicated=db:NoSchedule"]}
                services:
                  web: {kubernetes: {tolerations: [%s]}}
                """;
        simulated("#kubernetesPod.tolerations[].key", kube(tainted.formatted("{key: other, operator: Exists}")),
                kube(tainted.formatted("{key: dedicated, operator: Exists}")));
        simulated("#kubernetesPod.tolerations[].operator", kube(tainted.formatted("{key: dedicated}")),
                kube(tainted.formatted("{key: dedicated, operator: Exists}")));
        simulated("#kubernetesPod.tolerations[].value", kube(tainted.formatted("{key: dedicated, value: web}")),
                kube(tainted.formatted("{key: dedicated, value: db}")));
        simulated("#kubernetesPod.tolerations[].effect", kube(tainted.formatted("{key: dedicated, operator: Exists, effect: NoExecute}")),
                kube(tainted.formatted("{key: dedicated, operator: Exists, effect: NoSchedule}")));
        String unreachable = CRASH.replace("{image: \"nginx:1\", deploy: {replicas: 2}}",
                "{image: \"nginx:1\", deploy: {replicas: 2}, kubernetes: {tolerations: [%s]}}");
        simulated("#kubernetesPod.tolerations[].toleration_seconds",
                kube(unreachable.formatted("{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}")),
                kube(unreachable.formatted("{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, toleration_seconds: 10}")));
        String required = ZONES + """
                services:
                  web: {deploy: {replicas: 2}, kubernetes: {node_affinity: {required: [%s]}}}
                """;
        simulated("#nodeRequirement.key", kube(required.formatted("{match_expressions: [{key: rack, operator: In, values: [b]}]}")),
                kube(required.formatted("{match_expressions: [{key: zone, operator: In, values: [b]}]}")));
        simulated("#nodeRequirement.operator", kube(required.formatted("{match_expressions: [{key: zone, operator: In, values: [b]}]}")),
                kube(required.formatted("{match_expressions: [{key: zone, operator: NotIn, values: [b]}]}")));
        simulated("#nodeRequirement.values", kube(required.formatted("{match_expressions: [{key: zone, operator: In, values: [b]}]}")),
                kube(required.formatted("{match_expressions: [{key: zone, operator: In, values: [a]}]}")));
        simulated("#nodeSelectorTerm.match_fields", kube(required.formatted("{match_expressions: [{key: zone, operator: In, values: [a]}]}")),
                kube(required.formatted("{match_fields: [{key: metadata.name, operator: In, values: [worker-3]}]}")));
        String preferred = ZONES + """
                services:
                  web: {kubernetes: {node_affinity: {preferred: [%s]}}}
                """;
        simulated("#kubernetesPod.node_affinity.preferred[].weight",
                kube(preferred.formatted("{weight: 100, preference: {match_expressions: [{key: zone, operator: In, values: [a]}]}}, "
                        + "{weight: 1, preference: {match_expressions: [{key: zone, operator: In, values: [b]}]}}")),
                kube(preferred.formatted("{weight: 1, preference: {match_expressions: [{key: zone, operator: In, values: [a]}]}}, "
                        + "{weight: 100, preference: {match_expressions: [{key: zone, operator: In, values: [b]}]}}")));
        simulated("#kubernetesPod.node_affinity.preferred[].preference",
                kube(preferred.formatted("{weight: 100, preference: {match_expressions: [{key: zone, operator: In, values: [a]}]}}")),
                kube(preferred.formatted("{weight: 100, preference: {match_expressions: [{key: zone, operator: In, values: [b]}]}}")));
        String podAffinity = DB_ON_WORKER_1 + """
                  web: {kubernetes: {pod_affinity: {%s}}}
                """;
        simulated("#podAffinityTerm.topology_key",
                kube(podAffinity.formatted("required: [{topology_key: zone, label_selector: {match_labels: {app: db}}}]")),
                kube(podAffinity.formatted("required: [{topology_key: rack, label_selector: {match_labels: {app: db}}}]")));
        simulated("#labelSelector.match_labels",
                kube(podAffinity.formatted("required: [{topology_key: zone, label_selector: {match_labels: {app: db}}}]")),
                kube(podAffinity.formatted("required: [{topology_key: zone, label_selector: {match_labels: {app: nothing}}}]")));
        String expressions = "required: [{topology_key: zone, label_selector: {match_expressions: [{key: %s, operator: %s, values: [%s]}]}}]";
        simulated("#labelRequirement.key", kube(podAffinity.formatted(expressions.formatted("app", "In", "db"))),
                kube(podAffinity.formatted(expressions.formatted("tier", "In", "db"))));
        simulated("#labelRequirement.operator", kube(podAffinity.formatted(expressions.formatted("app", "In", "db"))),
                kube(podAffinity.formatted(expressions.formatted("app", "NotIn", "db"))));
        simulated("#labelRequirement.values", kube(podAffinity.formatted(expressions.formatted("app", "In", "db"))),
                kube(podAffinity.formatted(expressions.formatted("app", "In", "nothing"))));
        simulated("#podAffinityTerm.namespaces",
                kube(podAffinity.formatted("required: [{topology_key: zone, label_selector: {match_labels: {app: db}}}]")),
                kube(podAffinity.formatted("required: [{topology_key: zone, label_selector: {match_labels: {app: db}}, namespaces: [elsewhere]}]")));
        String towards = "{weight: %d, topology_key: kubernetes.io/hostname, label_selector: {match_labels: {app: db}}}, "
                + "{weight: %d, topology_key: kubernetes.io/hostname, label_selector: {match_labels: {app: cache}}}";
        simulated("#podAffinityTerm.weight", kube(podAffinity.formatted("preferred: [" + towards.formatted(100, 1) + "]")),
                kube(podAffinity.formatted("preferred: [" + towards.formatted(1, 100) + "]")));
        simulated("#podAffinity.preferred",
                kube(podAffinity.formatted("preferred: [{weight: 100, topology_key: kubernetes.io/hostname, label_selector: {match_labels: {app: db}}}]")),
                kube(podAffinity.formatted("preferred: [{weight: 100, topology_key: kubernetes.io/hostname, label_selector: {match_labels: {app: cache}}}]")));
        String apart = NODES + """
                services:
                  web: {deploy: {replicas: 3}, kubernetes: {%s}}
                """;
        simulated("#kubernetesPod.pod_anti_affinity", kube(apart.formatted("")), kube(apart.formatted(
                "pod_anti_affinity: {required: [{topology_key: kubernetes.io/hostname, label_selector: {match_labels: {app: web}}}]}")));
        String spreadPods = ZONES + """
                services:
                  web: {deploy: {replicas: 4}, kubernetes: {topology_spread_constraints: [%s]}}
                """;
        String skew = "{max_skew: %d, topology_key: %s, when_unsatisfiable: %s, label_selector: {match_labels: {app: %s}}%s}";
        simulated("#kubernetesPod.topology_spread_constraints[].max_skew",
                kube(spreadPods.formatted(skew.formatted(1, "zone", "DoNotSchedule", "web", ""))),
                kube(spreadPods.formatted(skew.formatted(4, "zone", "DoNotSchedule", "web", ""))));
        simulated("#kubernetesPod.topology_spread_constraints[].topology_key",
                kube(spreadPods.formatted(skew.formatted(1, "zone", "DoNotSchedule", "web", ""))),
                kube(spreadPods.formatted(skew.formatted(1, "kubernetes.io/hostname", "DoNotSchedule", "web", ""))));
        simulated("#kubernetesPod.topology_spread_constraints[].label_selector",
                kube(spreadPods.formatted(skew.formatted(1, "zone", "DoNotSchedule", "web", ""))),
                kube(spreadPods.formatted(skew.formatted(1, "zone", "DoNotSchedule", "other", ""))));
        simulated("#kubernetesPod.topology_spread_constraints[].min_domains",
                kube(spreadPods.formatted(skew.formatted(1, "zone", "DoNotSchedule", "web", ""))),
                kube(spreadPods.formatted(skew.formatted(1, "zone", "DoNotSchedule", "web", ", min_domains: 3"))));
        // Zone b's only node is out of reach (a taint, or the pod's node affinity): whether it is a
        // domain with no pod, which blocks a second pod in zone a, is what these keys decide.
        String pinned = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, labels: {zone: a}}
                  - {name: worker-2, labels: {zone: b}%s}
                services:
                  web:
                    deploy: {replicas: 2}
                    kubernetes:
                      %s
                      topology_spread_constraints:
                        - {max_skew: 1, topology_key: zone, when_unsatisfiable: %s, label_selector: {match_labels: {app: web}}%s}
                """;
        String toWorker1 = "node_affinity: {required: [{match_fields: [{key: metadata.name, operator: In, values: [worker-1]}]}]}";
        String taint = ", taints: [\"dedicated=db:NoSchedule\"]";
        simulated("#kubernetesPod.topology_spread_constraints[].node_affinity_policy",
                kube(pinned.formatted("", toWorker1, "DoNotSchedule", "")),
                kube(pinned.formatted("", toWorker1, "DoNotSchedule", ", node_affinity_policy: Ignore")));
        simulated("#kubernetesPod.topology_spread_constraints[].node_taints_policy",
                kube(pinned.formatted(taint, "labels: {tier: web}", "DoNotSchedule", "")),
                kube(pinned.formatted(taint, "labels: {tier: web}", "DoNotSchedule", ", node_taints_policy: Honor")));
        simulated("#kubernetesPod.topology_spread_constraints[].when_unsatisfiable",
                kube(pinned.formatted(taint, "labels: {tier: web}", "DoNotSchedule", "")),
                kube(pinned.formatted(taint, "labels: {tier: web}", "ScheduleAnyway", "")));
        // api's two pods on worker-1 count for web's spread unless only pods of web's own app count.
        String keyed = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  api: {deploy: {replicas: 2}, kubernetes: {labels: {tier: back}, node_selector: {kubernetes.io/hostname: worker-1}}}
                  web:
                    deploy: {replicas: 2}
                    kubernetes:
                      labels: {tier: back}
                      topology_spread_constraints:
                        - {max_skew: 1, topology_key: kubernetes.io/hostname, when_unsatisfiable: DoNotSchedule, label_selector: {match_labels: {tier: back}}%s}
                """;
        simulated("#kubernetesPod.topology_spread_constraints[].match_label_keys", kube(keyed.formatted("")),
                kube(keyed.formatted(", match_label_keys: [app]")));
        // Security: in a restricted namespace each key the level demands decides whether web's pods exist.
        String hardened = NODES + """
                kubernetes: {pod_security: %s}
                services:
                  web: {image: "nginx:1", %sdeploy: {replicas: 2}}
                """;
        String user = "user: \"1000\", ";
        String dropAll = "cap_drop: [ALL], ";
        String options = "security_opt: [\"no-new-privileges:true\", \"seccomp=builtin\"], ";
        simulated("#service.user", kube(hardened.formatted("restricted", dropAll + options)),
                kube(hardened.formatted("restricted", user + dropAll + options)));
        simulated("#service.cap_drop", kube(hardened.formatted("restricted", user + options)),
                kube(hardened.formatted("restricted", user + dropAll + options)));
        simulated("#service.security_opt", kube(hardened.formatted("restricted", user + dropAll)),
                kube(hardened.formatted("restricted", user + dropAll + options)));
        simulated("#service.cap_add", kube(hardened.formatted("restricted", user + dropAll + options)),
                kube(hardened.formatted("restricted", user + dropAll + options + "cap_add: [NET_ADMIN], ")));
        simulated("#service.privileged", kube(hardened.formatted("baseline", "")),
                kube(hardened.formatted("baseline", "privileged: true, ")));
        simulated("kubernetes.pod_security", kube(hardened.formatted("privileged", "")),
                kube(hardened.formatted("restricted", "")));
        // No level reads it; it is part of the pod template, whose hash names the ReplicaSet and its pods.
        simulated("#service.read_only", kube(hardened.formatted("privileged", "")),
                kube(hardened.formatted("privileged", "read_only: true, ")));

        // Secrets and configs: what each new task is granted is in its task.secrets event.
        String granted = NODES + """
                secrets:
                  db: {%s}
                  tls: {external: true}
                configs:
                  app: {file: ./app.toml}
                services:
                  web: {image: "nginx:1", secrets: [%s], %sdeploy: {replicas: 2}}
                """;
        String db = "file: ./db.txt";
        simulated("#fileObject.file", swarm(granted.formatted(db, "db", "")), swarm(granted.formatted("file: ./db.v2.txt", "db", "")));
        simulated("#fileObject.external", swarm(granted.formatted(db, "db", "")), swarm(granted.formatted("external: true", "db", "")));
        simulated("#fileObject.name", swarm(granted.formatted(db, "db", "")), swarm(granted.formatted(db + ", name: db_v2", "db", "")));
        simulated("#fileGrant.source", swarm(granted.formatted(db, "{source: db, target: x}", "")),
                swarm(granted.formatted(db, "{source: tls, target: x}", "")));
        simulated("#fileGrant.target", swarm(granted.formatted(db, "{source: db}", "")),
                swarm(granted.formatted(db, "{source: db, target: password}", "")));
        simulated("#fileGrant.uid", swarm(granted.formatted(db, "{source: db}", "")),
                swarm(granted.formatted(db, "{source: db, uid: \"1000\"}", "")));
        simulated("#fileGrant.gid", swarm(granted.formatted(db, "{source: db}", "")),
                swarm(granted.formatted(db, "{source: db, gid: \"1000\"}", "")));
        simulated("#fileGrant.mode", swarm(granted.formatted(db, "{source: db}", "")),
                swarm(granted.formatted(db, "{source: db, mode: 0400}", "")));
        simulated("#service.configs", swarm(granted.formatted(db, "db", "")), swarm(granted.formatted(db, "db", "configs: [app], ")));
        simulated("configs", swarm(WEB), swarm(WEB.replace("services:", "configs: {app: {file: ./app.toml}}\nservices:")
                .replace("{image: \"nginx:1\", ", "{image: \"nginx:1\", configs: [app], ")));
        String rotated = granted.formatted(db, "db", "") + "timeline:\n  - {at: 10s, update: {service: web, %s}}\n";
        simulated("#timelineItem.update.secret_rm", swarm(rotated.formatted("secret_add: [tls]")),
                swarm(rotated.formatted("secret_rm: [db], secret_add: [tls]")));
        simulated("#timelineItem.update.secret_add", swarm(rotated.formatted("secret_rm: [db]")),
                swarm(rotated.formatted("secret_rm: [db], secret_add: [tls]")));
        simulated("#expectation.secrets", swarm(granted.formatted(db, "db", "")),
                swarm(granted.formatted(db, "db", "") + "expect:\n  - {secrets: {web.1: [db]}}\n"));

        // Images.
        String imaged = WEB + """
                images:
                  "nginx:1": {%s}
                """;
        simulated("images.*.size", swarm(imaged.formatted("")), swarm(imaged.formatted("size: 10GB")));
        simulated("images.*.start", swarm(imaged.formatted("")), swarm(imaged.formatted("start: 20s")));
        simulated("images.*.crash_after", swarm(imaged.formatted("")), swarm(imaged.formatted("crash_after: 10s")));
        // Registries, layers and builds: each changes what a pull fetches, from where, and how long it takes.
        simulated("registries.*.bandwidth", swarm(WEB + "registries: {hub: {}}\n"), swarm(WEB + "registries: {hub: {bandwidth: 1MB/s}}\n"));
        simulated("registries.*.latency", swarm(WEB + "registries: {hub: {}}\n"), swarm(WEB + "registries: {hub: {latency: 1s}}\n"));
        String slow = WEB + "registries: {slow: {bandwidth: 1MB/s}}\n";
        simulated("images.*.registry", swarm(slow + "images: {\"nginx:1\": {}}\n"),
                swarm(slow + "images: {\"nginx:1\": {registry: slow}}\n"));
        String layered = WEB + """
                  api: {image: "api:1", deploy: {replicas: 2}}
                images:
                  "nginx:1": {layers: [{digest: base, size: 50MB}]}
                  "api:1": {%s}
                """;
        simulated("#imageLayers[].digest", swarm(layered.formatted("layers: [{digest: own, size: 50MB}]")),
                swarm(layered.formatted("layers: [{digest: base, size: 50MB}]")));
        simulated("#imageLayers[].size", swarm(layered.formatted("layers: [{digest: own, size: 50MB}]")),
                swarm(layered.formatted("layers: [{digest: own, size: 5MB}]")));
        String scanned = "what a scan finds: validate --lint reports it and --fail-on gates on it; a layer's pull is the same";
        KEYS.put("#imageLayers[].vulnerabilities[].id", new NotARun(scanned));
        KEYS.put("#imageLayers[].vulnerabilities[].severity", new NotARun(scanned));
        KEYS.put("#imageLayers[].vulnerabilities[].package", new NotARun(scanned));
        KEYS.put("#imageLayers[].vulnerabilities[].fixed_in", new NotARun(scanned));
        simulated("images.*.from", swarm(layered.formatted("layers: [{digest: own, size: 50MB}]")),
                swarm(layered.formatted("from: \"nginx:1\", layers: [{digest: own, size: 50MB}]")));
        String built = "build: {stages: [{name: fat, from: \"nginx:1\", layers: [{digest: modules, size: 500MB}]}, "
                + "{name: slim, from: %s, layers: [{digest: dist, size: 1MB}]}]%s}";
        simulated("images.*.build.stages[].name", swarm(layered.formatted(built.formatted("\"nginx:1\"", ""))),
                swarm(layered.formatted(built.formatted("\"nginx:1\"", ", final: fat"))));
        simulated("images.*.build.final", swarm(layered.formatted(built.formatted("\"nginx:1\"", ", final: slim"))),
                swarm(layered.formatted(built.formatted("\"nginx:1\"", ", final: fat"))));
        simulated("images.*.build.stages[].from", swarm(layered.formatted(built.formatted("\"nginx:1\"", ""))),
                swarm(layered.formatted(built.formatted("fat", ""))));
        simulated("images.*.build.stages[].layers", swarm(layered.formatted(built.formatted("\"nginx:1\"", ""))),
                swarm(layered.formatted(built.formatted("\"nginx:1\"", "").replace("{digest: dist, size: 1MB}",
                        "{digest: dist, size: 1MB}, {digest: assets, size: 100MB}"))));
        simulated("#service.pull_policy", swarm(WEB), swarm(WEB.replace("{image: \"nginx:1\", ", "{image: \"nginx:1\", pull_policy: never, ")));
        // What an image's application does shows against its task's limits, and when it is stopped.
        String capped = NODES + """
                images:
                  "nginx:1": {%s}
                services:
                  web: {image: "nginx:1", deploy: {replicas: 2, resources: {limits: {memory: 256M, cpus: "0.5"}}}}
                timeline:
                  - {at: 10s, stop: web.1}
                """;
        simulated("images.*.memory_use", swarm(capped.formatted("")), swarm(capped.formatted("memory_use: 512M")));
        simulated("images.*.memory_use[].after", swarm(capped.formatted("memory_use: [{after: 0s, use: 512M}]")),
                swarm(capped.formatted("memory_use: [{after: 5s, use: 512M}]")));
        simulated("images.*.memory_use[].use", swarm(capped.formatted("memory_use: [{after: 5s, use: 100M}]")),
                swarm(capped.formatted("memory_use: [{after: 5s, use: 512M}]")));
        simulated("images.*.cpu_use", swarm(capped.formatted("")), swarm(capped.formatted("cpu_use: 2")));
        simulated("images.*.sigterm", swarm(capped.formatted("")), swarm(capped.formatted("sigterm: ignore")));

        // Traffic: each client reports what became of its requests.
        simulated("#trafficClient.name", swarm(SHOPPERS.formatted("", "", "")),
                swarm(SHOPPERS.formatted("", "", "").replace("name: shoppers", "name: browsers")));
        String client = SHOPPERS.formatted("", "ports: [\"8080:80\"], ", "");
        simulated("#trafficClient.from", swarm(client), swarm(client.replace("from: manager-1", "from: worker-1")));
        simulated("#trafficClient.network", swarm(client.replace("from: manager-1, network: front, to: web", "from: manager-1, to: \"worker-1:8080\"")),
                swarm(client.replace("to: web", "to: \"worker-1:8080\"")));
        simulated("#trafficClient.to", swarm(client), swarm(client.replace("to: web", "to: tasks.web")));
        simulated("#trafficClient.rate", swarm(client), swarm(client.replace("rate: 10/s", "rate: 20/s")));
        simulated("#trafficClient.start", swarm(client), swarm(client.replace("rate: 10/s", "rate: 10/s, start: 5s")));
        simulated("#trafficClient.stop", swarm(client), swarm(client.replace("rate: 10/s", "rate: 10/s, stop: 5s")));
        // The answer from a worker takes the round trip (0.5ms each way) and 1ms of service: more than 100us.
        simulated("#trafficClient.timeout", swarm(client), swarm(client.replace("rate: 10/s", "rate: 10/s, timeout: 100us")));
        // Gossip declares worker-1 failed while it is cut off; when the partition heals, its entries come back only if suspended.
        String cutOff = SHOPPERS.formatted("", "", "") + """
                timeline:
                  - {at: 10s, partition: [[worker-1]]}
                  - {at: 40s, heal: all}
                """;
        simulated("network_profile.failed_peer_entries", swarm(cutOff),
                swarm("network_profile: {failed_peer_entries: delete}\n" + cutOff));

        // The timeline.
        String timeline = WEB + "timeline:\n";
        simulated("#timelineItem.at", swarm(timeline + "  - {at: 10s, crash: worker-1}\n"), swarm(timeline + "  - {at: 20s, crash: worker-1}\n"));
        simulated("#timelineItem.crash", swarm(WEB), swarm(timeline + "  - {at: 10s, crash: worker-1}\n"));
        simulated("#timelineItem.restart", swarm(timeline + "  - {at: 10s, crash: worker-1}\n"),
                swarm(timeline + "  - {at: 10s, crash: worker-1}\n  - {at: 40s, restart: worker-1}\n"));
        simulated("#timelineItem.drain", swarm(WEB), swarm(timeline + "  - {at: 10s, drain: worker-1}\n"));
        simulated("#timelineItem.pause", swarm(timeline + "  - {at: 20s, scale: {web: 4}}\n"),
                swarm(timeline + "  - {at: 10s, pause: worker-1}\n  - {at: 20s, scale: {web: 4}}\n"));
        simulated("#timelineItem.activate", swarm(timeline + "  - {at: 10s, drain: worker-1}\n"),
                swarm(timeline + "  - {at: 10s, drain: worker-1}\n  - {at: 30s, activate: worker-1}\n"));
        simulated("#timelineItem.partition", swarm(WEB), swarm(timeline + "  - {at: 10s, partition: [[worker-1]]}\n"));
        simulated("#timelineItem.heal", swarm(timeline + "  - {at: 10s, partition: [[worker-1]]}\n"),
                swarm(timeline + "  - {at: 10s, partition: [[worker-1]]}\n  - {at: 40s, heal: all}\n"));
        simulated("#timelineItem.link_down", swarm(WEB), swarm(timeline + "  - {at: 10s, link_down: [manager-1, worker-1]}\n"));
        simulated("#timelineItem.link_up", swarm(timeline + "  - {at: 10s, link_down: [manager-1, worker-1]}\n"),
                swarm(timeline + "  - {at: 10s, link_down: [manager-1, worker-1]}\n  - {at: 40s, link_up: [manager-1, worker-1]}\n"));
        simulated("#timelineItem.scale", swarm(WEB), swarm(timeline + "  - {at: 10s, scale: {web: 3}}\n"));
        simulated("#timelineItem.kill_task", swarm(WEB), swarm(timeline + "  - {at: 10s, kill_task: web.1}\n"));
        String twoServices = WEB + "  api: {image: \"api:1\"}\ntimeline:\n";
        simulated("#timelineItem.update.service", swarm(twoServices + "  - {at: 10s, update: {service: web, image: \"nginx:2\"}}\n"),
                swarm(twoServices + "  - {at: 10s, update: {service: api, image: \"nginx:2\"}}\n"));
        simulated("#timelineItem.update.image", swarm(timeline + "  - {at: 10s, update: {service: web, force: true}}\n"),
                swarm(timeline + "  - {at: 10s, update: {service: web, image: \"nginx:2\"}}\n"));
        simulated("#timelineItem.update.update_config", swarm(timeline + "  - {at: 10s, update: {service: web, image: \"nginx:2\"}}\n"),
                swarm(timeline + "  - {at: 10s, update: {service: web, image: \"nginx:2\", update_config: {parallelism: 0}}}\n"));
        simulated("#timelineItem.update.force", swarm(timeline + "  - {at: 10s, update: {service: web, update_config: {delay: 1s}}}\n"),
                swarm(timeline + "  - {at: 10s, update: {service: web, update_config: {delay: 1s}, force: true}}\n"));
        simulated("#timelineItem.deploy.services", swarm(WEB), swarm(timeline + "  - {at: 10s, deploy: {services: {api: {}}}}\n"));
        String zoned = ZONES + "services:\n  web: {deploy: {replicas: 3}}\ntimeline:\n";
        simulated("#timelineItem.zone_down", swarm(zoned + "  - {at: 10s, crash: worker-3}\n"),
                swarm(zoned + "  - {at: 10s, zone_down: a}\n"));
        simulated("#timelineItem.zone_up", swarm(zoned + "  - {at: 10s, zone_down: a}\n"),
                swarm(zoned + "  - {at: 10s, zone_down: a}\n  - {at: 40s, zone_up: a}\n"));
        String health = WEB.replace("{image: \"nginx:1\", ", "{image: \"nginx:1\", healthcheck: {interval: 5s}, ") + "timeline:\n";
        simulated("#timelineItem.unhealthy", swarm(health + "  - {at: 10s, kill_task: web.1}\n"),
                swarm(health + "  - {at: 10s, unhealthy: web.1}\n"));
        simulated("#timelineItem.healthy", swarm(health + "  - {at: 10s, unhealthy: web.1}\n"),
                swarm(health + "  - {at: 10s, unhealthy: web.1}\n  - {at: 30s, healthy: web.1}\n"));
        // Storage: one service on worker-1 writing to a local volume, and a plugin volume beside it.
        String stored = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2, plugins: [azurefile]}
                volumes: {cache: {}, files: {driver: azurefile}}
                services:
                  db: {volumes: ["cache:/data", "files:/files"], deploy: {placement: {constraints: [node.hostname == worker-1]}}}
                timeline:
                """;
        simulated("#timelineItem.backup.volume", swarm(stored + "  - {at: 10s, backup: {volume: cache, name: b}}\n"),
                swarm(stored + "  - {at: 10s, backup: {volume: files, name: b}}\n"));
        simulated("#timelineItem.backup.name", swarm(stored + "  - {at: 10s, backup: {volume: cache, name: b}}\n"),
                swarm(stored + "  - {at: 10s, backup: {volume: cache, name: nightly}}\n"));
        // A global service: a copy of cache on each worker.
        String twoCopies = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                volumes: {cache: {}}
                services:
                  db: {volumes: ["cache:/data"], deploy: {mode: global}}
                timeline:
                """;
        simulated("#timelineItem.backup.node", swarm(twoCopies + "  - {at: 10s, backup: {volume: cache, name: b}}\n"),
                swarm(twoCopies + "  - {at: 10s, backup: {volume: cache, name: b, node: worker-2}}\n"));
        String restored = stored + "  - {at: 10s, backup: {volume: cache, name: b}}\n  - {at: 15s, backup: {volume: files, name: f}}\n"
                + "  - {at: 20s, scale: {db: 0}}\n";
        simulated("#timelineItem.restore.volume", swarm(restored + "  - {at: 30s, restore: {volume: cache, from: b}}\n"),
                swarm(restored + "  - {at: 30s, restore: {volume: files, from: b}}\n"));
        simulated("#timelineItem.restore.from", swarm(restored + "  - {at: 30s, restore: {volume: cache, from: b}}\n"),
                swarm(restored + "  - {at: 30s, restore: {volume: cache, from: f}}\n"));
        String drained = twoCopies + "  - {at: 10s, backup: {volume: cache, name: b, node: worker-1}}\n  - {at: 20s, drain: worker-1}\n";
        simulated("#timelineItem.restore.node", swarm(drained + "  - {at: 30s, restore: {volume: cache, from: b}}\n"),
                swarm(drained + "  - {at: 30s, restore: {volume: cache, from: b, node: worker-1}}\n"));
        simulated("#timelineItem.deploy.statefulsets", kube(timeline + "  - {at: 10s, deploy: {services: {api: {}}}}\n"),
                kube(timeline + "  - {at: 10s, deploy: {services: {api: {}}, statefulsets: {db2: {}}}}\n"));
        statefulSets();
        simulated("#timelineItem.registry_down", swarm(WEB), swarm(timeline + "  - {at: 0s, registry_down: hub}\n"));
        simulated("#timelineItem.registry_up", swarm(timeline + "  - {at: 0s, registry_down: hub}\n"),
                swarm(timeline + "  - {at: 0s, registry_down: hub}\n  - {at: 20s, registry_up: hub}\n"));
        String firewalled = NODES + """
                networks: {front: {}}
                services:
                  web: {image: "nginx:1", networks: [front], ports: ["8080:80"], deploy: {replicas: 2}}
                traffic:
                  - {name: c, from: manager-1, network: front, to: web, rate: 10/s, start: 10s}
                timeline:
                  - {at: 20s, firewall: {node: %s, drop: [%s]}}
                """;
        String unfiltered = firewalled.formatted("worker-1", "4789/udp");
        simulated("#timelineItem.firewall", swarm(unfiltered.substring(0, unfiltered.indexOf("timeline:"))), swarm(unfiltered));
        simulated("#timelineItem.firewall.node", swarm(firewalled.formatted("manager-1", "4789/udp")),
                swarm(firewalled.formatted("worker-1", "4789/udp")));
        simulated("#timelineItem.firewall.drop", swarm(firewalled.formatted("worker-1", "esp")),
                swarm(firewalled.formatted("worker-1", "4789/udp")));
        simulated("#timelineItem.firewall.accept", swarm(firewalled.formatted("worker-1", "4789/udp")),
                swarm(firewalled.formatted("worker-1", "4789/udp") + "  - {at: 40s, firewall: {node: worker-1, accept: [4789/udp]}}\n"));
        simulated("#timelineItem.stop", swarm(WEB), swarm(timeline + "  - {at: 10s, stop: web.1}\n"));
        simulated("#timelineItem.remove", swarm(WEB), swarm(timeline + "  - {at: 10s, remove: web.1}\n"));
        simulated("#timelineItem.unpause", swarm(timeline + "  - {at: 10s, pause: web.1}\n"),
                swarm(timeline + "  - {at: 10s, pause: web.1}\n  - {at: 20s, unpause: web.1}\n"));
        // A kubelet waits 10s before the second restart of a container; a start cuts the wait short.
        String killedTwice = timeline + "  - {at: 10s, kill_task: web.1}\n  - {at: 20s, kill_task: web.1}\n";
        simulated("#timelineItem.start", kube(killedTwice), kube(killedTwice + "  - {at: 21s, start: web.1}\n"));

        // Expectations: each changes the run's result.
        String expect = WEB + "  big: {deploy: {resources: {reservations: {cpus: 100}}}}\nexpect:\n";
        simulated("#expectation.at", swarm(expect + "  - {running: {web: 2}}\n"), swarm(expect + "  - {at: 1s, running: {web: 2}}\n"));
        simulated("#expectation.reason", swarm(expect + "  - {pending: {big: 1}}\n"),
                swarm(expect + "  - {pending: {big: 1}, reason: \"no suitable node\"}\n"));
        simulated("#expectation.running", swarm(WEB), swarm(expect + "  - {running: {web: 2}}\n"));
        simulated("#expectation.placement", swarm(WEB), swarm(expect + "  - {placement: {web: {worker-1: 1}}}\n"));
        simulated("#expectation.spread", swarm(WEB), swarm(expect + "  - {spread: {web: [1, 1]}}\n"));
        simulated("#expectation.pending", swarm(WEB), swarm(expect + "  - {pending: {big: 1}}\n"));
        simulated("#expectation.on", swarm(WEB), swarm(expect + "  - {on: {web.1: worker-1}}\n"));
        simulated("#expectation.node", swarm(WEB), swarm(expect + "  - {node: {worker-1: ready}}\n"));
        String spreadOver = ZONES + "services:\n  web: {deploy: {replicas: 3}}\nexpect:\n  - {spread: {web: %s}}\n";
        simulated("#expectation.spread.*.by", swarm(spreadOver.formatted("[1, 1, 1]")),
                swarm(spreadOver.formatted("{by: node.labels.zone, counts: [1, 1, 1]}")));
        simulated("#expectation.spread.*.counts", swarm(spreadOver.formatted("{by: node.labels.zone, counts: [2, 1]}")),
                swarm(spreadOver.formatted("{by: node.labels.zone, counts: [3]}")));
        simulated("#expectation.update", swarm(WEB), swarm(expect + "  - {update: {web: none}}\n"));
        simulated("#expectation.image", swarm(WEB), swarm(expect + "  - {image: {web.1: \"nginx:1\"}}\n"));
        String happened = CRASH + "expect:\n  - {event: {%s}}\n";
        simulated("#expectation.event.kind", swarm(happened.formatted("kind: node.crash")),
                swarm(happened.formatted("kind: node.boot")));
        simulated("#expectation.event.task", swarm(happened.formatted("kind: task.failed")),
                swarm(happened.formatted("kind: task.failed, task: web.1")));
        simulated("#expectation.event.service", swarm(happened.formatted("kind: service.create")),
                swarm(happened.formatted("kind: service.create, service: web")));
        simulated("#expectation.event.node", swarm(happened.formatted("kind: node.crash")),
                swarm(happened.formatted("kind: node.crash, node: worker-2")));
        simulated("#expectation.event.between", swarm(happened.formatted("kind: node.crash")),
                swarm(happened.formatted("kind: node.crash, between: [0s, 10s]")));
        simulated("#expectation.event.happened", swarm(happened.formatted("kind: node.crash")),
                swarm(happened.formatted("kind: node.crash, happened: false")));
        String asked = SHOPPERS.formatted("", "", "  back: {}\n") + "expect:\n  - {dns: {%s}}\n";
        String dns = "name: tasks.web, from: worker-1, network: front, answers: 0";
        simulated("#expectation.dns.name", swarm(asked.formatted(dns)), swarm(asked.formatted(dns.replace("tasks.web", "web.1"))));
        simulated("#expectation.dns.from", swarm(asked.formatted(dns)), swarm(asked.formatted(dns.replace("from: worker-1", "from: worker-2"))));
        simulated("#expectation.dns.network", swarm(asked.formatted(dns)), swarm(asked.formatted(dns.replace("front", "back"))));
        simulated("#expectation.dns.answers", swarm(asked.formatted(dns)), swarm(asked.formatted(dns.replace("answers: 0", "answers: 2"))));
        String counted = SHOPPERS.formatted("", "", "") + "expect:\n  - {traffic: {client: shoppers, %s}}\n";
        simulated("#expectation.traffic.client", swarm(counted.formatted("failed: 0").replace("  - {name: shoppers", "  - {name: browsers, from: manager-1, network: front, to: web, rate: 1/s}\n  - {name: shoppers")),
                swarm(counted.formatted("failed: 0").replace("  - {name: shoppers", "  - {name: browsers, from: manager-1, network: front, to: web, rate: 1/s}\n  - {name: shoppers").replace("client: shoppers", "client: browsers")));
        // The check without the key always holds; with it, the key's measure asks for more than a run can send.
        String holds = "served: {at_most: 1000000}";
        simulated("#expectation.traffic.sent", swarm(counted.formatted(holds)), swarm(counted.formatted(holds + ", sent: 1000000")));
        simulated("#expectation.traffic.served", swarm(counted.formatted("sent: {at_most: 1000000}")),
                swarm(counted.formatted("sent: {at_most: 1000000}, served: 1000000")));
        simulated("#expectation.traffic.failed", swarm(counted.formatted(holds)), swarm(counted.formatted(holds + ", failed: 1000000")));
        simulated("#expectation.traffic.served_by", swarm(counted.formatted(holds)), swarm(counted.formatted(holds + ", served_by: 1000")));
        simulated("#expectation.traffic.between", swarm(counted.formatted(holds)), swarm(counted.formatted(holds + ", between: [0s, 10s]")));
        simulated("#countRange.at_least", swarm(counted.formatted("sent: {at_most: 1000000}")),
                swarm(counted.formatted("sent: {at_least: 1000000}")));
        simulated("#countRange.at_most", swarm(counted.formatted("sent: 1000000")), swarm(counted.formatted("sent: {at_most: 1000000}")));
        String volumeCheck = stored.replace("timeline:\n", "expect:\n  - {volume: {cache: {%s}}}\n");
        simulated("#expectation.volume.*.node", swarm(volumeCheck.formatted("state: attached")),
                swarm(volumeCheck.formatted("state: attached, node: worker-2")));
        simulated("#expectation.volume.*.state", swarm(volumeCheck.formatted("node: worker-1")),
                swarm(volumeCheck.formatted("node: worker-1, state: lost")));
        simulated("#expectation.volume.*.data_through", swarm(volumeCheck.formatted("node: worker-1")),
                swarm(volumeCheck.formatted("node: worker-1, data_through: none")));

        // The node's disk and storage driver: a 1GiB disk holds one 600MB image; vfs copies it into each container.
        String disky = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2%s}
                images: {"big:1": {size: 600MB}}
                services:
                  big: {image: "big:1", deploy: {replicas: 2}}
                """;
        simulated("#node.disk", swarm(disky.formatted("")), swarm(disky.formatted(", disk: 500MB")));
        simulated("#node.storage_driver", swarm(disky.formatted(", disk: 1GiB")), swarm(disky.formatted(", disk: 1GiB, storage_driver: vfs")));
        // Volumes and mounts.
        String mounted = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2%s}
                volumes: {cache: {%s}, logs: {}}
                services:
                  db: {volumes: [%s]}
                """;
        String plain = "{type: volume, source: cache, target: /data}";
        simulated("#node.plugins", swarm(mounted.formatted("", "driver: azurefile", plain)),
                swarm(mounted.formatted(", plugins: [azurefile]", "driver: azurefile", plain)));
        simulated("#volume.driver", swarm(mounted.formatted("", "", plain)), swarm(mounted.formatted("", "driver: azurefile", plain)));
        simulated("#volume.size", swarm(mounted.formatted(", disk: 1GiB", "", plain)),
                swarm(mounted.formatted(", disk: 1GiB", "size: 2GiB", plain)));
        simulated("#volumeMount.type", swarm(mounted.formatted("", "", plain.replace("type: volume, source: cache", "type: bind, source: /srv"))),
                swarm(mounted.formatted("", "", plain)));
        simulated("#volumeMount.source", swarm(mounted.formatted("", "", plain)),
                swarm(mounted.formatted("", "", plain.replace("source: cache", "source: logs"))));
        simulated("#volume.labels", swarm(mounted.formatted("", "", plain)),
                swarm(mounted.formatted("", "labels: {com.example.tier: cache}", plain)));
        // worker-1 back from a crash, without the container: its old cache is unused.
        String prunable = mounted.formatted("", "labels: {com.example.tier: cache}", plain)
                + "timeline:\n  - {at: 10s, crash: worker-1}\n  - {at: 1m, restart: worker-1}\n"
                + "  - {at: 70s, volume_prune: {node: worker-%s%s}}\n";
        simulated("#timelineItem.volume_prune.node", swarm(prunable.formatted("2", ", all: true")),
                swarm(prunable.formatted("1", ", all: true")));
        simulated("#timelineItem.volume_prune.all", swarm(prunable.formatted("1", "")), swarm(prunable.formatted("1", ", all: true")));
        simulated("#timelineItem.volume_prune.filter.label",
                swarm(prunable.formatted("1", ", all: true, filter: {label: com.example.tier=db}")),
                swarm(prunable.formatted("1", ", all: true, filter: {label: com.example.tier=cache}")));
        KEYS.put("#volumeMount.target", new NotARun("where the container sees the volume; a simulated container reads and writes no path"));
        simulated("#volumeMount.read_only", swarm(mounted.formatted("", "", plain)),
                swarm(mounted.formatted("", "", plain.replace("}", ", read_only: true}"))));
    }

    /**
     * Statefulsets and storage classes, under the kubernetes strategy (the swarm strategy refuses them
     * yet): a set {@code db} on the two workers, on network {@code front}, with a claim template when
     * the case needs one.
     */
    private static void statefulSets() {
        String set = NODES + """
                networks: {front: {}}
                storage_classes:
                  ssd: {type: local, binding: WaitForFirstConsumer}
                  disk: {type: network, binding: WaitForFirstConsumer}
                statefulsets:
                  db: {networks: [front], %s}
                """;
        String claims = "volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}], ";
        simulated("#statefulset.image", kube(set.formatted("")), kube(set.formatted("image: \"postgres:16\"")));
        simulated("#statefulset.replicas", kube(set.formatted("")), kube(set.formatted("replicas: 2")));
        simulated("#statefulset.service", kube(set.formatted("")), kube(set.formatted("service: dbh")));
        simulated("#statefulset.pod_management_policy", kube(set.formatted("replicas: 2")),
                kube(set.formatted("replicas: 2, pod_management_policy: Parallel")));
        simulated("#statefulset.networks", kube(set.formatted("").replace("networks: [front], ", "")), kube(set.formatted("")));
        String probed = set + "timeline:\n  - {at: 20s, unhealthy: db-0}\n";
        simulated("#statefulset.readiness.period", kube(probed.formatted("readiness: {}")),
                kube(probed.formatted("readiness: {period: 2s}")));
        simulated("#statefulset.readiness.timeout", kube(probed.formatted("readiness: {}")),
                kube(probed.formatted("readiness: {timeout: 4s}")));
        simulated("#statefulset.readiness.failure_threshold", kube(probed.formatted("readiness: {}")),
                kube(probed.formatted("readiness: {failure_threshold: 1}")));
        simulated("#statefulset.readiness.initial_delay", kube(probed.formatted("readiness: {}")),
                kube(probed.formatted("readiness: {initial_delay: 5s}")));
        KEYS.put("#statefulset.readiness.success_threshold", new Refused(kube(set.formatted("readiness: {success_threshold: 2}")),
                "success_threshold: a readiness probe that needs more than one success in a row is not simulated yet"));
        String updated = set + "timeline:\n  - {at: 30s, update: {service: db, image: \"postgres:17\"}}\n";
        simulated("#statefulset.update_strategy.type", kube(updated.formatted("replicas: 2")),
                kube(updated.formatted("replicas: 2, update_strategy: {type: OnDelete}")));
        simulated("#statefulset.update_strategy.partition", kube(updated.formatted("replicas: 2")),
                kube(updated.formatted("replicas: 2, update_strategy: {partition: 1}")));
        String scaled = set + "timeline:\n  - {at: 30s, scale: {db: 1}}\n";
        simulated("#statefulset.persistent_volume_claim_retention_policy.when_scaled",
                kube(scaled.formatted(claims + "replicas: 2")),
                kube(scaled.formatted(claims + "replicas: 2, persistent_volume_claim_retention_policy: {when_scaled: Delete}")));
        simulated("#statefulset.persistent_volume_claim_retention_policy.when_deleted", kube(set.formatted(claims)),
                kube(set.formatted(claims + "persistent_volume_claim_retention_policy: {when_deleted: Delete}")));
        simulated("#statefulset.volume_claim_templates[].name", kube(set.formatted(claims)),
                kube(set.formatted(claims.replace("name: data", "name: logs"))));
        simulated("#statefulset.volume_claim_templates[].storage_class", kube(set.formatted(claims)),
                kube(set.formatted(claims.replace("storage_class: ssd", "storage_class: disk"))));
        simulated("#statefulset.volume_claim_templates[].size", kube(set.formatted(claims)),
                kube(set.formatted(claims.replace("size: 1Gi", "size: 2Gi"))));
        simulated("#statefulset.replication.lag", kube(set.formatted(claims + "replicas: 2")),
                kube(set.formatted(claims + "replicas: 2, replication: {lag: 2s}")));
        String replicated = set.formatted(claims + "replicas: 2, replication: {lag: 2s}")
                + "expect:\n  - {at: 30s, volume: {data-db-1: {%s}}}\n";
        simulated("#expectation.volume.*.of", kube(replicated.formatted("data_through: 30s")),
                kube(replicated.formatted("of: db-0, data_through: 30s")));
        simulated("#statefulset.deploy.resources", kube(set.formatted("")),
                kube(set.formatted("deploy: {resources: {reservations: {memory: 1G}}}")));
        simulated("#statefulset.deploy.placement", kube(set.formatted("")),
                kube(set.formatted("deploy: {placement: {constraints: [node.hostname == worker-2]}}")));
        String ordinal = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                storage_classes: {ssd: {type: local}}
                statefulsets:
                  db: {volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}]%s}
                timeline:
                  - {at: 10s, kill_task: db-0}
                """;
        simulated("#statefulset.deploy.restart_policy", swarm(ordinal.formatted("")),
                swarm(ordinal.formatted(", deploy: {restart_policy: {condition: none}}")));
        simulated("#statefulset.kubernetes", kube(set.formatted("")),
                kube(set.formatted("kubernetes: {node_selector: {kubernetes.io/hostname: worker-2}}")));

        // Storage classes: a claim of each, and what its class changes.
        String classed = ZONES + """
                storage_classes:
                  c: {%s}
                statefulsets:
                  db: {replicas: 2, volume_claim_templates: [{name: data, storage_class: c, size: 1Gi}]}
                timeline:
                  - {at: 1m, scale: {db: 1}}
                """;
        simulated("storage_classes.*.type", kube(classed.formatted("type: local")), kube(classed.formatted("type: network")));
        simulated("storage_classes.*.binding", kube(classed.formatted("type: network")),
                kube(classed.formatted("type: network, binding: WaitForFirstConsumer")));
        simulated("storage_classes.*.zones", kube(classed.formatted("type: network")),
                kube(classed.formatted("type: network, zones: [b]")));
        simulated("storage_classes.*.attach_delay", kube(classed.formatted("type: network")),
                kube(classed.formatted("type: network, attach_delay: 1s")));
        simulated("storage_classes.*.detach_delay", kube(classed.formatted("type: network")),
                kube(classed.formatted("type: network, detach_delay: 1s")));
        String oneWorker = """
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1}
                storage_classes:
                  c: {%s}
                statefulsets:
                  db: {replicas: 2, volume_claim_templates: [{name: data, storage_class: c, size: 1Gi}]}
                """;
        simulated("storage_classes.*.max_volumes_per_node", kube(oneWorker.formatted("type: network")),
                kube(oneWorker.formatted("type: network, max_volumes_per_node: 1")));

        // The Kubernetes-only actions and an update's partition.
        String lost = set.formatted("replicas: 2") + "timeline:\n  - {at: 20s, crash: worker-1}\n";
        simulated("#timelineItem.out_of_service", kube(lost), kube(lost + "  - {at: 2m, out_of_service: worker-1}\n"));
        simulated("#timelineItem.force_delete", kube(lost), kube(lost + "  - {at: 2m, force_delete: db-0}\n"));
        // NetworkPolicies: web's pod on worker-1 asks db; what the policy admits decides whether it is served.
        String policed = NODES + """
                services:
                  web: {image: "nginx:1", ports: ["80"]}
                  db: {image: "postgres:16", ports: ["5432", "6432"]}
                network_policies:
                  db-in:
                    pod_selector: {%s}
                    ingress:
                      - from: [{pod_selector: {%s}}]
                        ports: [%s]
                traffic:
                  - {name: c, from: worker-1, %sto: db, rate: 10/s, start: 10s}
                """;
        simulated("#networkPolicy.pod_selector", kube(policed.formatted("app: web", "app: db", "5432", "as: web, ")),
                kube(policed.formatted("app: db", "app: db", "5432", "as: web, ")));
        simulated("#networkPolicyRule.from[].pod_selector", kube(policed.formatted("app: db", "app: web", "5432", "as: web, ")),
                kube(policed.formatted("app: db", "app: db", "5432", "as: web, ")));
        simulated("#networkPolicyRule.ports[].port", kube(policed.formatted("app: db", "app: web", "{port: 5432}", "as: web, ")),
                kube(policed.formatted("app: db", "app: web", "{port: 6432}", "as: web, ")));
        simulated("#trafficClient.as", kube(policed.formatted("app: db", "app: web", "5432", "")),
                kube(policed.formatted("app: db", "app: web", "5432", "as: web, ")));
        KEYS.put("#networkPolicyRule.ports[].protocol", new Refused(kube(policed.formatted("app: db", "app: web",
                "{port: 5432, protocol: UDP}", "as: web, ")), "protocol: every simulated request is a TCP connection; \"UDP\" is not simulated yet"));
        KEYS.put("#networkPolicy.policy_types", new Refused(kube(policed.formatted("app: db", "app: web", "5432", "as: web, ")
                .replace("    ingress:", "    policy_types: [Ingress, Egress]\n    ingress:")), "policy_types: " + NetworkPoliciesBinder.EGRESS_WHY + "; Egress is not simulated yet"));
        simulated("#timelineItem.update.partition", kube(updated.formatted("replicas: 2")),
                kube(updated.formatted("replicas: 2").replace("image: \"postgres:17\"", "image: \"postgres:17\", partition: 1")));
    }

    @Test
    void everyKeyTheSchemaAllowsHasAVerdict() throws Exception {
        SchemaWalk walk = SchemaWalk.of(new ObjectMapper().readTree(SchemaFixture.root().resolve("docs/scenario.schema.json").toFile()),
                refused());
        Set<String> missing = new TreeSet<>(walk.needingACase);
        missing.removeAll(KEYS.keySet());
        assertEquals(Set.of(), missing, "keys the schema allows with neither a run that shows them nor a refusal");
        Set<String> unknown = new TreeSet<>(KEYS.keySet());
        unknown.removeAll(walk.all);
        assertEquals(Set.of(), unknown, "cases for keys the schema does not have");
    }

    @TestFactory
    Stream<DynamicTest> aSimulatedKeyChangesTheRun() {
        return KEYS.entrySet().stream().filter(e -> e.getValue() instanceof Simulated).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Simulated s = (Simulated) e.getValue();
            String name = e.getKey().substring(e.getKey().lastIndexOf('.') + 1).replace("[]", "");
            assertTrue(s.with().contains(name + ":"), e.getKey() + ": the run with the key names it");
            assertNotEquals(output(s.without()), output(s.with()), e.getKey() + " changes nothing in a run");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aRefusedKeyIsRefusedAtItsPosition() {
        return KEYS.entrySet().stream().filter(e -> e.getValue() instanceof Refused).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Refused r = (Refused) e.getValue();
            String name = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            ParseOutcome outcome = new ScenarioParser().parse("keys.yaml", r.yaml());
            List<Problem> refusals = outcome.problems().stream().filter(p -> p.message().equals(r.message())).toList();
            assertEquals(1, refusals.size(), () -> outcome.problems().toString());
            assertTrue(r.yaml().lines().toList().get(refusals.get(0).line() - 1).contains(name + ":"), "at the key");
            assertTrue(r.message().endsWith(" is not simulated yet"));
        }));
    }

    private static Set<String> refused() {
        Set<String> out = new TreeSet<>();
        KEYS.forEach((k, v) -> {
            if (v instanceof Refused) {
                out.add(k);
            }
        });
        return out;
    }

    private static final Map<String, String> OUTPUTS = new HashMap<>();

    /** The run's event log and its {@code run --json} result, as text; the same file runs once. */
    private static String output(String yaml) {
        return OUTPUTS.computeIfAbsent(yaml, y -> {
            ParseOutcome outcome = new ScenarioParser().parse("keys.yaml", y);
            assertEquals(List.of(), outcome.problems(), y);
            RunResult run = ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT);
            StringWriter log = new StringWriter();
            try {
                run.log().writeJsonLines(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return log + JsonResult.render(JsonResult.of(run, Expectations.evaluate(run)));
        });
    }

    /**
     * The keys of the schema, each named once where it is defined, and those that need a case of
     * their own: every key but a section whose keys are all new to the walk (it is shown through
     * them). The keys under a refused key are not walked: the file is refused before them.
     */
    static final class SchemaWalk {
        final Set<String> all = new TreeSet<>();
        final Set<String> needingACase = new TreeSet<>();
        private final JsonNode defs;
        private final Set<String> refused;
        private final Set<String> seenDefs = new java.util.HashSet<>();

        private SchemaWalk(JsonNode defs, Set<String> refused) {
            this.defs = defs;
            this.refused = refused;
        }

        static SchemaWalk of(JsonNode schema, Set<String> refused) {
            SchemaWalk walk = new SchemaWalk(schema.path("$defs"), refused);
            walk.walk(schema, "");
            return walk;
        }

        /** Walks the keys under {@code node}; true when it found at least one key not seen before. */
        private boolean walk(JsonNode node, String path) {
            if (!node.isObject()) {
                return false;
            }
            boolean found = false;
            if (node.has("$ref")) {
                String def = node.path("$ref").asText().substring("#/$defs/".length());
                if (!seenDefs.add(def)) {
                    return false;
                }
                return walk(defs.path(def), "#" + def);
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                for (JsonNode alternative : node.path(combinator)) {
                    found |= walk(alternative, path);
                }
            }
            var fields = node.path("properties").fields();
            while (fields.hasNext()) {
                var property = fields.next();
                String key = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                all.add(key);
                found = true;
                boolean shownByItsKeys = !refused.contains(key) && walk(property.getValue(), key);
                if (!shownByItsKeys) {
                    needingACase.add(key);
                }
            }
            if (node.path("additionalProperties").isObject()) {
                found |= walk(node.path("additionalProperties"), path + ".*");
            }
            if (node.path("items").isObject()) {
                found |= walk(node.path("items"), path + "[]");
            }
            return found;
        }
    }
}
