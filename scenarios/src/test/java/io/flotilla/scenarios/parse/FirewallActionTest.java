package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scenarios.model.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code firewall}: what it binds to, which rules it refuses, and what it warns about. */
class FirewallActionTest {

    private static final String CLUSTER = """
            scenario: firewalls
            nodes: [{name: manager-1, role: manager}, {name: worker, count: 2}]
            services:
              web: {ports: ["8080:80", "5353:53/udp"]}
            timeline:
            """;

    private static ParseOutcome parse(String timeline) {
        return new ScenarioParser().parse("firewalls.yaml", CLUSTER + timeline);
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    @Test
    void dropsAndAcceptsTheRulesTheSimulationCarries() {
        ParseOutcome outcome = parse("""
                  - {at: 10s, firewall: {node: worker-1, drop: [4789/udp, esp, 8080, 2377/tcp]}}
                  - {at: 20s, firewall: {node: worker-1, accept: [8472/udp]}}
                """);
        assertEquals(List.of(), messages(outcome.problems()));
        assertEquals(List.of("7:25: warning: firewall: worker-1 does not drop 8472/udp at 20s; this accept of it does nothing"),
                messages(outcome.warnings()));
        List<Action> actions = outcome.scenario().orElseThrow().timeline().stream().map(t -> t.action()).toList();
        assertEquals(List.of(
                new Action.Firewall("worker-1", true, List.of(FirewallRule.SWARM_VXLAN, FirewallRule.ESP, FirewallRule.tcp(8080),
                        FirewallRule.SWARM_MANAGER)),
                new Action.Firewall("worker-1", false, List.of(FirewallRule.FLANNEL_VXLAN))), actions);
    }

    @Test
    void refusesWhatItDoesNotFilterWhereItIsWritten() {
        ParseOutcome outcome = parse("""
                  - {at: 10s, firewall: {node: worker-1, drop: [22/tcp, 8080/udp, 70000, "x", 5353/udp]}}
                  - {at: 20s, firewall: {node: worker-9, drop: [4789/udp], accept: [esp]}}
                  - {at: 30s, firewall: {node: worker-1, drop: []}}
                """);
        String notSimulated = " is not simulated; a rule drops the managers' 2377/tcp (6443/tcp, the API server's, under"
                + " kubernetes), gossip's 7946/tcp and 7946/udp, an overlay's VXLAN port (4789/udp; 8472/udp for the kubernetes"
                + " pod network), esp (an encrypted overlay) or a port a service publishes (8080/tcp)";
        assertEquals(List.of(
                "6:49: firewall: 22/tcp" + notSimulated,
                "6:57: firewall: 8080/udp" + notSimulated,
                "6:67: firewall: \"70000\": a port is 1 to 65535",
                "6:74: firewall: \"x\" is not a rule; expected PORT/tcp, PORT/udp or esp, such as 4789/udp",
                "6:79: firewall: 5353/udp is a published UDP port, which is not simulated: the simulated clients send TCP requests",
                "7:25: firewall: give either drop or accept, a list of rules such as [4789/udp]",
                "7:32: unknown node 'worker-9'; did you mean 'worker-1'?",
                "8:48: drop: at least one rule, such as 4789/udp"), messages(outcome.problems()));
    }

    @Test
    void warnsOfADropInPlaceAlready() {
        ParseOutcome outcome = parse("""
                  - {at: 10s, firewall: {node: worker-1, drop: [4789/udp]}}
                  - {at: 20s, firewall: {node: worker-2, drop: [4789/udp]}}
                  - {at: 30s, firewall: {node: worker-1, drop: [4789/udp]}}
                  - {at: 40s, firewall: {node: worker-1, accept: [4789/udp]}}
                """);
        assertEquals(List.of("8:25: warning: firewall: worker-1 already drops 4789/udp at 30s; this drop of it does nothing"),
                messages(outcome.warnings()));
    }

    @Test
    void gossipsTwoPortsGoTogether() {
        ParseOutcome outcome = parse("""
                  - {at: 10s, firewall: {node: worker-1, drop: [7946/tcp, 7946/udp]}}
                  - {at: 20s, firewall: {node: worker-1, accept: [7946/udp]}}
                  - {at: 30s, firewall: {node: worker-2, drop: [7946/tcp]}}
                """);
        String alone = " would drop one of 7946/tcp and 7946/udp without the other, which is not simulated (memberlist falls"
                + " back to TCP when its UDP probes fail, and NetworkDB's bulk syncs carry what its UDP broadcasts lose); drop"
                + " or accept the two together";
        assertEquals(List.of("7:50: firewall: worker-1" + alone, "8:48: firewall: worker-2" + alone), messages(outcome.problems()));
    }
}
