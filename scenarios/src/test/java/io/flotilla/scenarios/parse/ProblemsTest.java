package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of problem, with the exact {@code line:column: message} a user sees. Every case
 * lists all the problems of its file, so these also pin that nothing more is reported.
 */
class ProblemsTest {

    record Case(String name, String yaml, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case problem(String name, String yaml, String... expected) {
        return new Case(name, yaml, List.of(expected));
    }

    static Stream<Case> cases() {
        return Stream.of(
                problem("malformed YAML: position of the parser's error", """
                        scenario: t
                        nodes: [{name: n1}
                        services: {}
                        """,
                        "3:1: invalid YAML: expected ',' or ']', but got <scalar> (while parsing a flow sequence)"),
                problem("a tab for indentation", "scenario: t\nnodes:\n\t- name: n1\n",
                        "3:1: invalid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
                problem("not a mapping at the top", "- a\n- b\n",
                        "1:1: a scenario is a mapping with keys such as scenario, nodes, services; got a list"),
                problem("two YAML documents", """
                        scenario: t
                        nodes: [{name: n1}]
                        ---
                        scenario: u
                        """,
                        "4:1: a scenario file holds one YAML document; this is a second one"),
                problem("unknown top-level key with a suggestion", """
                        scenario: t
                        nodes: [{name: n1}]
                        servics: {}
                        """,
                        "3:1: unknown key 'servics' in the scenario; did you mean 'services'?"),
                problem("unknown key in deploy with a suggestion", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web:
                            deploy: {replcas: 3}
                        """,
                        "5:14: unknown key 'replcas' in deploy; did you mean 'replicas'?"),
                problem("a key one level off says where it goes", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web: {replicas: 3, deploy: {max_replicas_per_node: 1}}
                        """,
                        "4:9: unknown key 'replicas' in service 'web'; it goes under deploy",
                        "4:31: unknown key 'max_replicas_per_node' in deploy; it goes under placement"),
                problem("extension keys are ignored at the top and in services", """
                        scenario: t
                        x-defaults: &defaults {image: nginx:1.27}
                        nodes: [{name: n1, x-note: no}]
                        services:
                          web: {<<: *defaults, x-owner: me}
                        """,
                        "3:20: unknown key 'x-note' in node"),
                problem("wrong types", """
                        scenario: t
                        nodes: [{name: n1, count: three, labels: [a]}]
                        services:
                          web:
                            networks: frontend
                            deploy: {replicas: "3"}
                        """,
                        "2:27: count: expected a whole number, got \"three\"",
                        "2:42: labels: expected a mapping, got a list",
                        "5:15: networks: expected a list, got \"frontend\"",
                        "6:24: replicas: expected a whole number, got the quoted text \"3\""),
                problem("bad units, and swarmkit's minimum reservations", """
                        scenario: t
                        nodes: [{name: n1, resources: {cpus: 2 cores, memory: 12 parsecs}, pull_bandwidth: 100MB}]
                        services:
                          web:
                            deploy:
                              resources: {reservations: {memory: 1M}, limits: {cpus: "0.0001"}}
                              restart_policy: {delay: 5}
                        """,
                        "2:38: cpus: expected a CPU amount such as 0.5, 2 or 500m, got \"2 cores\"",
                        "2:55: memory: expected a size such as 512M or 1Gi, got \"12 parsecs\"",
                        "2:84: pull_bandwidth: expected a bandwidth such as 100MB/s, got \"100MB\"",
                        "6:42: invalid memory value 1048576: Must be at least 4MiB",
                        "6:62: invalid cpu value 0.0001: Must be at least 0.001",
                        "7:31: delay: expected a duration such as 250ms, 30s or 1h30m, got \"5\""),
                problem("duplicate node names, including those made by count", """
                        scenario: t
                        nodes:
                          - {name: worker, count: 3}
                          - {name: worker-2}
                          - {name: solo}
                          - {name: solo}
                        """,
                        "4:12: duplicate node name 'worker-2' (first at line 3 with count)",
                        "6:12: duplicate node name 'solo' (first at line 5)"),
                problem("duplicate keys", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web: {image: a}
                          web: {image: b}
                        seed: 1
                        seed: 2
                        """,
                        "5:3: duplicate key 'web' in services (first at line 4)",
                        "7:1: duplicate key 'seed' in the scenario (first at line 6)"),
                problem("counts out of range", """
                        scenario: t
                        nodes: [{name: a, count: 0}, {name: b, count: 100001}, {name: c, resources: {cpus: 0}}]
                        services:
                          web: {deploy: {replicas: -1}}
                          api: {deploy: {replicas: 1000001}}
                        """,
                        "2:26: count: must be at least 1, got 0",
                        "2:47: count: must be at most 100000, got 100001",
                        "2:84: cpus: a node's cpus must be more than 0",
                        "4:28: replicas: must be at least 0, got -1",
                        "5:28: replicas: must be at most 1000000, got 1000001"),
                problem("constraint syntax, in swarmkit's words", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web:
                            deploy:
                              placement:
                                constraints: ["node.role = worker", "1node==a", "node.labels.zone == a!", "node.role == manager"]
                        """,
                        "7:23: constraint expected one operator from ==, !=",
                        "7:45: key '1node' is invalid",
                        "7:57: value 'a!' is invalid"),
                problem("timeline items with no action, two actions, no time", """
                        scenario: t
                        nodes: [{name: n1}]
                        timeline:
                          - at: 1s
                          - at: 2s
                            crash: n1
                            restart: n1
                          - crash: n1
                        """,
                        "4:5: timeline item has no action; expected one of crash, restart, drain, pause, activate, partition, heal, scale, update, kill_task, deploy, link_down, link_up, zone_down, zone_up, unhealthy, healthy, out_of_service, force_delete, backup, restore, stop, start, unpause, remove, registry_down, registry_up, volume_prune, firewall",
                        "7:5: timeline item has 2 actions (crash, restart); give each action its own item",
                        "8:5: missing key 'at' in timeline item"),
                problem("expectations with no check, two checks, a stray reason", """
                        scenario: t
                        nodes: [{name: n1}]
                        services: {web: {}}
                        expect:
                          - at: 1s
                          - running: {web: 1}
                            spread: {web: [1]}
                          - running: {web: 1}
                            reason: x
                        """,
                        "5:5: expectation has no check; expected one of running, placement, spread, pending, on, node, dns, traffic, volume, secrets, update, image, event",
                        "7:5: expectation has 2 checks (running, spread); give each check its own item",
                        "9:5: reason: only a 'pending' check takes a reason"),
                problem("the inside of a broken item is checked too", """
                        scenario: t
                        nodes: [{name: n1}]
                        timeline:
                          - {at: soon, crash: n2}
                          - {at: 1s, crash: n3, drain: n4}
                        expect:
                          - {at: later, node: {n5: down}}
                          - {running: {web: 1}, node: {n6: up}}
                        """,
                        "4:10: at: expected a duration such as 250ms, 30s or 1h30m, got \"soon\"",
                        "4:23: unknown node 'n2'; did you mean 'n1'?",
                        "5:21: unknown node 'n3'; did you mean 'n1'?",
                        "5:25: timeline item has 2 actions (crash, drain); give each action its own item",
                        "5:32: unknown node 'n4'; did you mean 'n1'?",
                        "7:10: at: expected a duration such as 250ms, 30s or 1h30m, got \"later\"",
                        "7:24: unknown node 'n5'; did you mean 'n1'?",
                        "8:16: unknown service or statefulset 'web'",
                        "8:25: expectation has 2 checks (running, node); give each check its own item",
                        "8:32: unknown node 'n6'; did you mean 'n1'?",
                        "8:36: n6: expected one of ready, down, unknown, disconnected, got \"up\""),
                problem("Kubernetes pod inputs follow the API's validation", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web:
                            kubernetes:
                              tolerations:
                                - {operator: Equal, value: x}
                                - {key: a, operator: Exists, value: x}
                                - {key: b, effect: NoSchedule, toleration_seconds: 5}
                              node_affinity:
                                required:
                                  - match_expressions: [{key: zone, operator: In}, {key: gpu, operator: Exists, values: [x]}]
                                  - match_fields: [{key: metadata.labels, operator: Gt, values: [x]}]
                                preferred:
                                  - {weight: 101, preference: {match_expressions: [{key: a, operator: Near}]}}
                              topology_spread_constraints:
                                - {max_skew: 0, topology_key: zone, when_unsatisfiable: ScheduleAnyway, min_domains: 2}
                              pod_anti_affinity:
                                required: [{weight: 5, label_selector: {match_labels: {app: web}}}]
                        """,
                        "7:11: toleration: operator must be Exists when `key` is empty",
                        "8:45: toleration: value must be empty when `operator` is 'Exists'",
                        "9:40: toleration: effect must be 'NoExecute' when `tolerationSeconds` is set",
                        "12:33: values: must be specified when `operator` is 'In' or 'NotIn'",
                        "12:97: values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                        "13:34: key: the only field a match_fields requirement reads is metadata.name",
                        "13:73: values: must be specified single value when `operator` is 'Lt' or 'Gt'",
                        "15:22: weight: must be at most 100, got 101",
                        "15:79: operator: expected one of In, NotIn, Exists, DoesNotExist, Gt, Lt, got \"Near\"",
                        "17:22: max_skew: must be at least 1, got 0",
                        "17:81: min_domains: can only use minDomains if whenUnsatisfiable=DoNotSchedule",
                        "19:20: missing key 'topology_key' in pod affinity term",
                        "19:21: weight: only a preferred term has a weight"),
                problem("scenario name", "scenario: my scenario!\nnodes: [{name: n1}]\n",
                        "1:11: scenario: the name 'my scenario!' may hold only letters, digits and '-'"),
                problem("missing scenario name and nodes", "description: nothing\n",
                        "1:1: missing key 'scenario' (the scenario's name: letters, digits and '-')",
                        "1:1: a scenario needs 'nodes' with at least one node"),
                problem("ingress ports with dnsrr", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web:
                            ports: ["8080:80", {target: 53, published: 53, mode: host}]
                            deploy: {endpoint_mode: dnsrr}
                        """,
                        "5:13: EndpointSpec: port published with ingress mode can't be used with dnsrr mode"),
                problem("duplicate published ports, in a service and between services", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web:
                            ports: ["8080:80", "8080:81", "8080:81/udp"]
                          api:
                            ports: [{target: 80, published: 8080}]
                        """,
                        "5:24: EndpointSpec: duplicate published ports provided",
                        "7:13: port '8080' is already in use by service 'web' (web) as an ingress port"),
                problem("unknown nodes, services and tasks; a service known only once deployed", """
                        scenario: t
                        nodes: [{name: worker, count: 3}]
                        services:
                          web: {deploy: {replicas: 3}}
                          agent: {deploy: {mode: global}}
                        timeline:
                          - {at: 10s, crash: worker-4}
                          - {at: 20s, kill_task: wbe.2}
                          - {at: 30s, kill_task: agent.worker-9}
                          - {at: 40s, scale: {api: 2}}
                          - {at: 1m, deploy: {services: {api: {}}}}
                          - {at: 2m, scale: {api: 3, agent: 2}}
                          - {at: 45s, kill_task: api.1}
                          - {at: 50s, update: {service: api, force: true}}
                          - {at: 55s, kill_task: db-0}
                          - {at: 3m, deploy: {statefulsets: {db: {}}}}
                        expect:
                          - {at: 30s, running: {api: 2}}
                          - {running: {api: 3}}
                          - {on: {web.1: worker-7}}
                          - {node: {wroker-1: down}}
                        """,
                        "7:22: unknown node 'worker-4'; did you mean 'worker-1'?",
                        "8:26: unknown task 'wbe.2': unknown service 'wbe'; did you mean 'web'?",
                        "9:26: task 'agent.worker-9': global service 'agent' has a task per node, named agent.<node>, and there is no node 'worker-9'; did you mean 'worker-1'?",
                        "10:23: unknown service or statefulset 'api' at 40s; it is deployed only at 1m",
                        "12:30: scale can only be used with replicated mode; 'agent' is global",
                        "13:26: unknown task 'api.1': unknown service 'api' at 45s; it is deployed only at 1m",
                        "14:33: unknown service 'api' at 50s; it is deployed only at 1m",
                        "15:26: unknown task 'db-0': unknown service or statefulset 'db' at 55s; it is deployed only at 3m",
                        "18:25: unknown service or statefulset 'api' at 30s; it is deployed only at 1m",
                        "20:18: unknown node 'worker-7'; did you mean 'worker-1'?",
                        "21:13: unknown node 'wroker-1'; did you mean 'worker-1'?"),
                problem("a deploy cannot change a service's mode, in swarmkit's words", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web: {deploy: {replicas: 2}}
                          agent: {deploy: {mode: global}}
                        timeline:
                          - {at: 1m, deploy: {services: {web: {deploy: {mode: global}}}}}
                          - {at: 2m, deploy: {services: {agent: {image: "agent:2"}, web: {image: "nginx:2"}}}}
                          - {at: 3m, deploy: {services: {api: {}}}}
                          - {at: 4m, deploy: {services: {api: {deploy: {mode: global}}}}}
                        """,
                        "7:34: service mode change is not allowed: 'web' is replicated and this deploy makes it global",
                        "8:34: service mode change is not allowed: 'agent' is global and this deploy makes it replicated",
                        "10:34: service mode change is not allowed: 'api' is replicated and this deploy makes it global"),
                problem("the swarm, kubernetes and network_profile settings with the rest of the file", """
                        scenario: t
                        swarm: {heartbeat_period: 5x, bogus1: 1}
                        kubernetes: {bogus2: 1}
                        network_profile: {bogus3: 1}
                        nodes: [{name: n1}]
                        services:
                          web: {deploy: {replicas: bad}}
                        """,
                        "2:27: heartbeat_period: expected a duration such as 250ms, 30s or 1h30m, got \"5x\"",
                        "2:31: unknown key 'bogus1' in swarm",
                        "3:14: unknown key 'bogus2' in kubernetes",
                        "4:19: unknown key 'bogus3' in network_profile",
                        "7:28: replicas: expected a whole number, got \"bad\""),
                problem("numbers well written but too large say so, with the limit", """
                        scenario: t
                        seed: 99999999999999999999999
                        nodes: [{name: n1, resources: {cpus: 99999999999, memory: 99999999EiB}, pull_bandwidth: 9999999EiB/s}]
                        services:
                          web: {deploy: {replicas: -99999999999999999999}}
                        """,
                        "2:7: seed: must be at most 9223372036854775807, got 99999999999999999999999",
                        "3:38: cpus: 99999999999 is too large; a CPU amount is at most 9223372036",
                        "3:59: memory: 99999999EiB is too large; a size is at most 9223372036854775807 bytes (8EiB less one byte)",
                        "3:89: pull_bandwidth: 9999999EiB/s is too large; a bandwidth is at most 9223372036854775807 bytes per second",
                        "5:28: replicas: must be at least 0, got -99999999999999999999"),
                problem("an expectation after until is an error", """
                        scenario: t
                        until: 1m
                        nodes: [{name: n1}]
                        expect:
                          - {at: 3m, node: {n1: down}}
                        """,
                        "5:10: at: 3m is after the end of the run (until: 1m)"),
                problem("networks, storage classes, deploy settings and actions", """
                        scenario: t
                        nodes: [{name: n1}]
                        networks: {ingress: {}, a: {subnet: 10.0.9.0/24}, b: {subnet: 10.0.9.0/24}}
                        services:
                          web: {networks: [a, c], deploy: {mode: global, replicas: 2, update_config: {failure_action: stop}}}
                        statefulsets:
                          db: {volume_claim_templates: [{name: data, storage_class: ssd, size: 1Gi}]}
                        storage_classes:
                          sdd: {type: local}
                        timeline:
                          - {at: 1s, partition: [[n1]]}
                          - {at: 2s, heal: everything}
                          - {at: 3s, update: {service: web}}
                          - {at: 4s, kill_task: db-0}
                          - {at: 5s, kill_task: db.0}
                        """,
                        "3:12: network name 'ingress' is taken by the routing mesh's own network",
                        "3:63: subnet 10.0.9.0/24 is already the subnet of network 'a'",
                        "5:23: unknown network 'c'; did you mean 'a'?",
                        "5:50: replicas can only be used with replicated mode",
                        "5:95: failure_action: expected one of pause, continue, rollback, got \"stop\"",
                        "7:61: unknown storage class 'ssd'; did you mean 'sdd'?",
                        "11:25: partition: a single group cuts nothing; name at least two groups, or leave some nodes out",
                        "12:20: heal: expected all, got \"everything\"",
                        "13:22: update changes nothing; give image, update_config, secret_rm, secret_add or force: true",
                        "15:25: task 'db.0': the pods of statefulset 'db' are named db-0, db-1, ..."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reports(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertFalse(outcome.isValid(), "the file should be invalid");
        List<String> got = outcome.problems().stream()
                .map(p -> p.line() + ":" + p.column() + ": " + p.message())
                .toList();
        assertEquals(c.expected(), got);
    }

    @Test
    void anEmptyFileIsOneProblem() {
        ParseOutcome outcome = new ScenarioParser().parse("empty.yaml", "");
        assertEquals(List.of("empty.yaml:1:1: the file is empty; a scenario needs at least 'scenario' and 'nodes'"),
                outcome.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aMissingFileIsOneProblem() {
        ParseOutcome outcome = new ScenarioParser().parse(java.nio.file.Path.of("no/such/file.yaml"));
        assertEquals(List.of("no/such/file.yaml:1:1: no such file"),
                outcome.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aTimelineItemAfterUntilIsOnlyAWarning() {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", """
                scenario: t
                until: 1m
                nodes: [{name: n1}]
                timeline:
                  - {at: 2m, crash: n1}
                """);
        assertTrue(outcome.isValid());
        assertEquals(List.of("t.yaml:5:10: warning: at: 2m is after the end of the run (until: 1m); this item never happens"),
                outcome.warnings().stream().map(Problem::toString).toList());
    }

    /** A wrong until is one problem: nothing is checked against an end the file does not give. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"5x", "-1m", "0s", "99999999999999999999h"})
    void aWrongUntilIsOneProblem(String until) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", """
                scenario: t
                until: %s
                strategy: kubernetes
                nodes: [{name: n1}]
                services: {web: {}}
                traffic:
                  - {name: c, from: n1, to: web, rate: 1/s, start: 1m}
                timeline:
                  - {at: 1m, crash: n1}
                expect:
                  - {at: 30s, running: {web: 1}}
                """.formatted(until));
        assertEquals(1, outcome.problems().size(), outcome.problems().toString());
        assertTrue(outcome.problems().get(0).toString().startsWith("t.yaml:2:8: until: "), outcome.problems().toString());
        assertEquals(List.of(), outcome.warnings());
    }

    static Stream<Case> warnings() {
        return Stream.of(
                problem("restarting a node that is up does nothing", """
                        scenario: t
                        nodes: [{name: n, count: 2}]
                        timeline:
                          - {at: 10s, restart: n-1}
                          - {at: 20s, crash: n-2}
                          - {at: 30s, restart: n-2}
                          - {at: 40s, restart: n-2}
                        """,
                        "4:24: warning: restart: node 'n-1' is up at 10s (no crash before it); this restart does nothing",
                        "7:24: warning: restart: node 'n-2' is up at 40s (restarted at 30s, no crash since); this restart does nothing"),
                problem("crashing a node that is down does nothing; items at one time keep file order", """
                        scenario: t
                        nodes: [{name: n1}]
                        timeline:
                          - {at: 40s, crash: n1}
                          - {at: 10s, crash: n1}
                          - {at: 20s, restart: n1}
                          - {at: 20s, crash: n1}
                          - {at: 20s, crash: n1}
                        """,
                        "4:22: warning: crash: node 'n1' is already down at 40s (crashed at 20s, no restart since); this crash does nothing",
                        "8:22: warning: crash: node 'n1' is already down at 20s (crashed at 20s, no restart since); this crash does nothing"),
                problem("setting a node's availability it already has does nothing", """
                        scenario: t
                        nodes: [{name: m, role: manager, availability: drain}, {name: n1}]
                        timeline:
                          - {at: 10s, drain: m}
                          - {at: 20s, activate: n1}
                          - {at: 30s, pause: n1}
                          - {at: 40s, pause: n1}
                          - {at: 50s, activate: n1}
                        """,
                        "4:22: warning: drain: node 'm' is already drained at 10s; this drain does nothing",
                        "5:25: warning: activate: node 'n1' is already active at 20s; this activate does nothing",
                        "7:22: warning: pause: node 'n1' is already paused at 40s; this pause does nothing"),
                problem("scaling to the count of the moment, or healing a whole network, does nothing", """
                        scenario: t
                        nodes: [{name: n, count: 2}]
                        services:
                          web: {deploy: {replicas: 3}}
                        timeline:
                          - {at: 10s, scale: {web: 3}}
                          - {at: 20s, heal: all}
                          - {at: 30s, partition: [[n-1], [n-2]]}
                          - {at: 40s, heal: all}
                          - {at: 50s, heal: all}
                          - {at: 1m, link_down: [n-1, n-2]}
                          - {at: 1m10s, heal: all}
                        """,
                        "6:23: warning: scale: 'web' already asks for 3 replicas at 10s; this scale does nothing for it",
                        "7:21: warning: heal: nothing is partitioned or cut at 20s; this heal does nothing",
                        "10:21: warning: heal: nothing is partitioned or cut at 50s; this heal does nothing"),
                problem("killing a slot above the replica count of the moment does nothing", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          web: {deploy: {replicas: 3}}
                        timeline:
                          - {at: 10s, kill_task: web.3}
                          - {at: 10s, kill_task: web.4}
                          - {at: 20s, scale: {web: 5}}
                          - {at: 30s, kill_task: web.5}
                          - {at: 40s, deploy: {services: {web: {deploy: {replicas: 1}}}}}
                          - {at: 50s, kill_task: web.2}
                          - {at: 1m, deploy: {services: {api: {}}}}
                          - {at: 1m, kill_task: api.2}
                        """,
                        "7:26: warning: kill_task: 'web.4' cannot exist at 10s: 'web' has 3 replicas; this kill_task does nothing",
                        "11:26: warning: kill_task: 'web.2' cannot exist at 50s: 'web' has 1 replica; this kill_task does nothing",
                        "13:25: warning: kill_task: 'api.2' cannot exist at 1m: 'api' has 1 replica; this kill_task does nothing"),
                problem("killing a global task on a node that is down does nothing", """
                        scenario: t
                        nodes: [{name: n, count: 2}]
                        services:
                          agent: {deploy: {mode: global}}
                        timeline:
                          - {at: 10s, crash: n-1}
                          - {at: 20s, kill_task: agent.n-1}
                          - {at: 20s, kill_task: agent.n-2}
                          - {at: 30s, restart: n-1}
                          - {at: 40s, kill_task: agent.n-1}
                        """,
                        "7:26: warning: kill_task: 'agent.n-1' cannot exist at 20s: node 'n-1' is down (crashed at 10s, no restart since); this kill_task does nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warns(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertTrue(outcome.isValid(), () -> outcome.problems().toString());
        assertEquals(c.expected(), outcome.warnings().stream()
                .map(p -> p.line() + ":" + p.column() + ": " + p.message())
                .toList());
    }

    @Test
    void aBrokenItemIsNotWarnedAbout() {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", """
                scenario: t
                nodes: [{name: n1}]
                timeline:
                  - {restart: n1}
                """);
        assertEquals(List.of("4:5: missing key 'at' in timeline item"),
                outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertEquals(List.of(), outcome.warnings());
    }

    @Test
    void problemsPrintAsFileLineColumnMessage() {
        Problem p = new Problem(java.nio.file.Path.of("examples/x.yaml"), 3, 14, "unknown key 'replcas' in deploy");
        assertEquals("examples/x.yaml:3:14: unknown key 'replcas' in deploy", p.toString());
    }
}
