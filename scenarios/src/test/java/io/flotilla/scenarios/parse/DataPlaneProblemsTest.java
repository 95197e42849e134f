package io.flotilla.scenarios.parse;

import static io.flotilla.scenarios.parse.ProblemsTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.parse.ProblemsTest.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network, health, traffic and zone keys: each problem with the exact {@code line:column:
 * message} a user sees, every problem of the file listed. The cluster comes first (8 lines), so a
 * case's own lines start at line 9.
 */
class DataPlaneProblemsTest {

    static final String CLUSTER = """
            scenario: t
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 2, labels: {zone: a}}
            networks: {front: {}, back: {}}
            services:
              web: {networks: [front], ports: ["8080:80"], healthcheck: {interval: 5s}, deploy: {replicas: 2}}
              api: {networks: [back]}
            """;

    static Stream<Case> problems() {
        return Stream.of(
                problem("network options the driver has not", """
                        scenario: t
                        nodes: [{name: n1}]
                        networks:
                          a: {driver: bridge, encrypted: true}
                          b: {driver: macvlan}
                          c: {driver: vxlan}
                          d: {encrypted: yes}
                        """,
                        "4:34: encrypted: only an overlay network is encrypted (IPsec between hosts); a bridge network never is",
                        "5:15: driver: a macvlan network needs the subnet of the hosts' own segment, such as subnet: 192.168.10.0/24",
                        "6:15: driver: expected one of overlay, bridge, macvlan, ipvlan, got \"vxlan\"",
                        "7:18: encrypted: expected true or false, got \"yes\""),
                // moby's ipvlan driver: one network per parent ("network di-... is already using parent
                // interface eth0", createNetwork), no loopback parent, modes l2 (default), l3 and l3s.
                problem("ipvlan options as moby checks them", """
                        scenario: t
                        nodes: [{name: n1}]
                        networks:
                          a: {driver: ipvlan, parent: eth0, subnet: 192.168.20.0/24}
                          b: {driver: ipvlan, parent: eth0, subnet: 192.168.21.0/24, ipvlan_mode: l3}
                          c: {driver: ipvlan, parent: lo, subnet: 192.168.22.0/24}
                          d: {driver: ipvlan, parent: eth1, subnet: 192.168.23.0/24, ipvlan_mode: l3s}
                          e: {driver: ipvlan, parent: eth2, subnet: 192.168.24.0/24, ipvlan_mode: L3}
                          f: {driver: ipvlan, subnet: 192.168.25.0/24}
                          g: {driver: ipvlan, parent: eth3}
                          h: {driver: macvlan, parent: eth4, subnet: 192.168.26.0/24}
                          i: {ipvlan_mode: l2}
                          j: {driver: ipvlan, parent: "eth0 eth1", subnet: 192.168.27.0/24}
                        """,
                        "5:31: parent: network 'a' is already using parent interface eth0 (one ipvlan network per parent; "
                                + "a VLAN sub-interface such as eth0.20 is another parent)",
                        "6:31: parent: loopback interface is not a valid ipvlan parent link",
                        "7:75: " + DeclarationsBinder.L3S_NOT_SIMULATED,
                        "8:75: ipvlan_mode: expected one of l2, l3, got \"L3\"; did you mean 'l3'?",
                        "9:15: driver: an ipvlan network needs parent: the host interface its containers share, such as "
                                + "parent: eth0 (without one Docker makes a dummy link that never leaves the host, which is not simulated)",
                        "10:15: driver: an ipvlan network needs the subnet of the hosts' own segment, such as subnet: 192.168.10.0/24",
                        "11:24: parent: only an ipvlan network takes parent here; a macvlan network is simulated on the "
                                + "hosts' segment its subnet names",
                        "12:7: ipvlan_mode: only an ipvlan network takes ipvlan_mode here; an overlay network has no parent interface",
                        "13:31: parent: expected a host interface name such as eth0 or eth0.20 (at most 15 characters), got \"eth0 eth1\""),
                // The NetworkPolicy API's fields; what is not simulated is refused at its key.
                problem("network policies", """
                        scenario: t
                        strategy: kubernetes
                        nodes: [{name: n1, role: manager}]
                        services: {db: {ports: ["5432"]}, back: {}}
                        network_policies:
                          a: {pod_selector: {app: dbb}}
                          b: {pod_selector: {tier: x}, policy_types: [Ingress, Egress]}
                          c: {pod_selector: {app: db}, ingress: [{from: [{namespace_selector: {}}], ports: [0, http, 5432]}]}
                          d: {pod_selector: {app: back}, ingress: [{ports: [{port: 80, protocol: UDP}]}], egress: []}
                          E: {pod_selector: {}}
                          f: {ingress: [{from: [{pod_selector: {app: back}}], ports: [6432]}], pod_selector: {app: db}}
                        traffic:
                          - {name: c1, from: n1, as: web, to: db, rate: 1/s}
                        """,
                        "6:27: pod_selector: unknown service or statefulset 'dbb' in app; did you mean 'db'?; the workloads are db, back",
                        "7:21: pod_selector: selects no pod: no service or statefulset has the labels {tier=x}",
                        "7:56: policy_types: " + NetworkPoliciesBinder.EGRESS_WHY + "; Egress is not simulated yet",
                        "8:51: " + NetworkPoliciesBinder.NAMESPACES,
                        "8:85: ports: expected a port number from 1 to 65535, got \"0\"",
                        "8:88: ports: expected a port number from 1 to 65535, got \"http\" (named ports are not simulated)",
                        "9:53: ports: back declares no container port (ports: under the service), so no rule can name the "
                                + "port its connections reach",
                        "9:74: protocol: every simulated request is a TCP connection; \"UDP\" is not simulated yet",
                        "9:83: egress: " + NetworkPoliciesBinder.EGRESS_WHY + "; egress rules are not simulated yet",
                        "10:3: network policy name 'E' is invalid: lowercase letters, digits and '-', starting and ending "
                                + "with a letter or digit, at most 63 characters (RFC 1123)",
                        "13:30: as: unknown service or statefulset 'web'"),
                problem("health check values in the engine's words", """
                        scenario: t
                        nodes: [{name: n1}]
                        services:
                          a: {healthcheck: {interval: 500us, timeout: 0.5ms, start_period: 1us, retries: -1}}
                          b: {healthcheck: {test: [RUN, curl]}}
                          c: {healthcheck: {test: []}}
                          d: {healthcheck: {test: "curl -f localhost", disable: true}}
                          e: {healthcheck: {intervall: 5s}, stop_grace_period: soon}
                          f: {healthcheck: {test: [CMD-SHEL, x]}}
                        """,
                        "4:31: Interval in Healthcheck cannot be less than 1ms",
                        "4:47: Timeout in Healthcheck cannot be less than 1ms",
                        "4:68: StartPeriod in Healthcheck cannot be less than 1ms",
                        "4:82: Retries in Healthcheck cannot be negative",
                        "5:28: test: a list starts with NONE, CMD or CMD-SHELL, got \"RUN\"",
                        "6:27: test: expected a command, or a list starting with NONE, CMD or CMD-SHELL; got an empty list",
                        "7:48: healthcheck: disable is true, but a test is given; keep one",
                        "8:21: unknown key 'intervall' in healthcheck; did you mean 'interval'?",
                        "8:56: stop_grace_period: expected a duration such as 250ms, 30s or 1h30m, got \"soon\"",
                        "9:28: test: a list starts with NONE, CMD or CMD-SHELL, got \"CMD-SHEL\"; did you mean 'CMD-SHELL'?"),
                problem("a traffic client's own keys", CLUSTER + """
                        traffic:
                          - {from: manager-1, to: web, network: front, rate: 10/s}
                          - {name: a, rate: 10/s}
                          - {name: b, from: manager-1, network: front, to: web, rate: fast}
                          - {name: b, from: manager-1, network: front, to: web, rate: 200000/s}
                          - {name: c, from: manager-1, network: front, to: web, rate: 0/s}
                          - {name: d e, from: manager-1, network: front, to: web, rate: 1/m, start: 1m, stop: 30s, timeout: 0s}
                          - {name: f, from: manager-1, network: front, to: web, rate: 1/s, colour: red}
                        """,
                        "10:5: missing key 'name' in traffic client",
                        "11:5: missing key 'from' in traffic client",
                        "11:5: missing key 'to' in traffic client",
                        "12:63: rate: expected requests per second such as 50/s (or per minute, 90/m), got \"fast\"",
                        "13:12: duplicate traffic client 'b' (first at line 12)",
                        "13:63: rate: must be at most 100000/s (each request is simulated), got 200000/s",
                        "14:63: rate: must be more than 0",
                        "15:12: name: 'd e' is not a client name (letters, digits, '.', '-' and '_', starting and ending with a letter or digit)",
                        "15:87: stop: must be after start (1m), got 30s",
                        "15:101: timeout: must be more than 0s",
                        "16:68: unknown key 'colour' in traffic client"),
                problem("a traffic client's names, each checked where it is written", CLUSTER + """
                        traffic:
                          - {name: a, from: wroker-1, network: front, to: web, rate: 1/s}
                          - {name: b, from: manager-1, network: frnt, to: web, rate: 1/s}
                          - {name: c, from: outside, network: front, to: "worker-1:8080", rate: 1/s}
                          - {name: d, from: outside, to: web, rate: 1/s}
                          - {name: e, from: manager-1, to: "worker-9:8080", rate: 1/s}
                          - {name: f, from: manager-1, to: "worker-1:9090", rate: 1/s}
                          - {name: g, from: manager-1, network: front, to: api, rate: 1/s}
                          - {name: h, from: manager-1, network: front, to: wbe, rate: 1/s}
                          - {name: i, from: manager-1, network: front, to: tasks.ap, rate: 1/s}
                          - {name: j, from: manager-1, network: front, to: web.zero, rate: 1/s}
                          - {name: k, from: manager-1, to: web, rate: 1/s}
                        """,
                        "10:21: from: unknown node 'wroker-1'; did you mean 'worker-1'?; a client runs on a node, or is outside",
                        "11:41: unknown network 'frnt'; did you mean 'front'?",
                        "12:39: network: a client outside the cluster is on no network; leave network out",
                        "13:34: to: a client outside the cluster reaches a published port, NODE:PORT such as manager-1:8080; got \"web\"",
                        "14:36: to: unknown node 'worker-9'; did you mean 'worker-1'?",
                        "15:36: to: no service publishes port 9090; published: 8080",
                        "16:52: to: service 'api' is not on network 'front'; it is on back (a name not on the client's network is NXDOMAIN)",
                        "17:52: to: unknown service 'wbe'; did you mean 'web'?",
                        "18:52: to: unknown service 'ap'; did you mean 'api'?",
                        "19:52: to: task 'web.zero': the tasks of replicated service 'web' are named web.1, web.2, ...",
                        "20:5: missing key 'network' in traffic client 'k': a container resolves and connects on a network "
                                + "(only the kubernetes strategy, with its one pod network, needs none)"),
                problem("zones and health actions", CLUSTER + """
                        timeline:
                          - {at: 10s, zone_down: b}
                          - {at: 10s, zone_up: [a]}
                          - {at: 10s, unhealthy: web.zero}
                          - {at: 10s, healthy: wbe.1}
                        """,
                        "10:26: unknown zone 'b'; the zones are a",
                        "11:24: zone_up: expected a string, got a list",
                        "12:26: task 'web.zero': the tasks of replicated service 'web' are named web.1, web.2, ...",
                        "13:24: unknown task 'wbe.1': unknown service 'wbe'; did you mean 'web'?"),
                problem("a zone when no node has one", """
                        scenario: t
                        nodes: [{name: n1}]
                        timeline:
                          - {at: 10s, zone_down: a}
                        """,
                        "4:26: unknown zone 'a'; no node has a zone: give nodes labels: {zone: a}"),
                problem("dns checks", CLUSTER + """
                        expect:
                          - {dns: {name: web, from: wroker-1, network: front, answers: 1}}
                          - {dns: {name: web, from: worker-1, network: frnt, answers: 1}}
                          - {dns: {name: web, from: worker-1, answers: 1}}
                          - {dns: {name: tasks.web, from: worker-1, network: front, answers: [web.1, web.1, wbe.2]}}
                          - {dns: {name: wbe, from: worker-1, network: front, answers: 2}}
                          - {dns: {name: web, from: worker-1, network: front, answers: [web.1]}}
                          - {dns: {name: web, from: worker-1, network: front, answers: many}}
                          - {dns: {from: worker-1, network: front}}
                        """,
                        "10:29: unknown node 'wroker-1'; did you mean 'worker-1'?",
                        "11:48: unknown network 'frnt'; did you mean 'front'?",
                        "12:11: missing key 'network' in dns: the embedded DNS answers per network (only the kubernetes strategy, "
                                + "with its one pod network, needs none)",
                        "13:78: answers: 'web.1' is listed twice",
                        "13:85: answers: unknown task 'wbe.2': unknown service 'wbe'; did you mean 'web'?",
                        "14:18: name: unknown service or statefulset 'wbe'; did you mean 'web'?; the name is NXDOMAIN",
                        "15:18: name: service 'web' answers with its virtual IP (endpoint_mode: vip), which is no task; name tasks.web "
                                + "for its tasks' addresses, or give answers as a count",
                        "16:64: answers: expected a whole number, got \"many\"",
                        "17:11: missing key 'name' in dns",
                        "17:11: missing key 'answers' in dns"),
                problem("traffic checks", CLUSTER + """
                        traffic:
                          - {name: shoppers, from: manager-1, network: front, to: web, rate: 1/s}
                        until: 5m
                        expect:
                          - {traffic: {client: shopers, failed: 0}}
                          - {traffic: {client: shoppers}}
                          - {traffic: {client: shoppers, failed: 0, between: [1.5s, 10s]}}
                          - {traffic: {client: shoppers, failed: 0, between: [20s, 10s]}}
                          - {at: 1m, traffic: {client: shoppers, failed: 0, between: [0s, 2m]}}
                          - {traffic: {client: shoppers, failed: 0, between: [0s, 10m]}}
                          - {traffic: {client: shoppers, failed: 0, between: [0s]}}
                          - {traffic: {client: shoppers, failed: {at_least: 5, at_most: 2}}}
                          - {traffic: {client: shoppers, served_by: {}}}
                          - {traffic: {client: shoppers, sent: lots}}
                        """,
                        "13:24: unknown traffic client 'shopers'; did you mean 'shoppers'?",
                        "14:15: traffic: expected at least one of sent, served, failed, served_by",
                        "15:55: between: 1.5s is not a whole second; traffic is counted in one-second windows",
                        "16:60: between: the end (10s) must be after the start (20s)",
                        "17:67: between: 2m is after the expectation's time (at: 1m); requests sent later are not known then",
                        "18:59: between: 10m is after the end of the run (until: 5m)",
                        "19:54: between: expected [START, END], two times such as [2m, 10m]; got 1 time",
                        "20:53: at_least: must not be more than at_most (2)",
                        "21:45: served_by: expected a number, or at_least and/or at_most",
                        "22:40: sent: expected a whole number, got \"lots\""),
                problem("a network profile", """
                        scenario: t
                        nodes: [{name: n1}]
                        network_profile: {failed_peer_entries: forget, gossip: fast}
                        """,
                        "3:40: failed_peer_entries: expected one of suspend, delete, got \"forget\"",
                        "3:48: unknown key 'gossip' in network_profile"));
    }

    static Stream<Case> warnings() {
        return Stream.of(
                problem("health actions that do nothing", CLUSTER + """
                        timeline:
                          - {at: 10s, unhealthy: api.1}
                          - {at: 20s, healthy: web.1}
                          - {at: 30s, unhealthy: web.1}
                          - {at: 40s, unhealthy: web.1}
                          - {at: 50s, healthy: web.1}
                        """,
                        "10:26: warning: unhealthy: service 'api' has no healthcheck at 10s; this unhealthy does nothing",
                        "11:24: warning: healthy: 'web.1' is not unhealthy at 20s (no unhealthy before it); this healthy does nothing",
                        "13:26: warning: unhealthy: 'web.1' is already unhealthy at 40s (since 30s, no healthy since); this unhealthy "
                                + "does nothing"),
                problem("zone actions that do nothing", CLUSTER + """
                        timeline:
                          - {at: 10s, zone_up: a}
                          - {at: 20s, crash: worker-1}
                          - {at: 30s, zone_down: a}
                          - {at: 40s, zone_down: a}
                          - {at: 50s, crash: worker-2}
                        """,
                        "10:24: warning: zone_up: every node of zone 'a' is up at 10s; this zone_up does nothing",
                        "13:26: warning: zone_down: every node of zone 'a' is already down at 40s; this zone_down does nothing",
                        "14:22: warning: crash: node 'worker-2' is already down at 50s (crashed at 30s, no restart since); this crash "
                                + "does nothing"),
                problem("a client that starts after the end, a dns check of a name nobody has", CLUSTER + """
                        until: 1m
                        traffic:
                          - {name: late, from: manager-1, network: front, to: web, rate: 1/s, start: 2m}
                        expect:
                          - {dns: {name: nobody, from: worker-1, network: front, answers: 0}}
                        """,
                        "11:78: warning: start: 2m is not before the end of the run (until: 1m); this client sends nothing",
                        "13:18: warning: dns: unknown service or statefulset 'nobody'; the name is NXDOMAIN, so this check holds "
                                + "whatever happens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reports(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertFalse(outcome.isValid(), "the file should be invalid");
        assertEquals(c.expected(), outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warns(Case c) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", c.yaml());
        assertTrue(outcome.isValid(), () -> outcome.problems().toString());
        assertEquals(c.expected(), outcome.warnings().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }
}
