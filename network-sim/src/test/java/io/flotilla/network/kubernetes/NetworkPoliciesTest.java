package io.flotilla.network.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.kubernetes.NetworkPolicies.Source;
import io.flotilla.network.kubernetes.NetworkPolicy.Peer;
import io.flotilla.network.kubernetes.NetworkPolicy.Rule;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which connections the policies let into a pod, case by case, after the Kubernetes documentation
 * ("Network Policies") and the upstream network policy e2e suite's cases
 * ({@code test/e2e/network/netpol/network_policy.go}: "should support a 'default-deny-ingress'
 * policy", "should enforce policy to allow traffic only from a pod in a different namespace based on
 * PodSelector", "should enforce policy based on Ports", "should enforce multiple, stacked policies
 * with overlapping podSelectors"). The world: workloads front, back, db and backup; db's pods on node
 * 1; a connection on port 5432 unless a case says otherwise.
 */
class NetworkPoliciesTest {

    static final NetworkPolicy DB_FROM_BACK = new NetworkPolicy("db-from-back", Set.of("db"),
            List.of(new Rule(List.of(Peer.podsOf(Set.of("back"))), Set.of(5432))));
    static final NetworkPolicy DB_FROM_BACKUP = new NetworkPolicy("db-from-backup", Set.of("db"),
            List.of(new Rule(List.of(Peer.podsOf(Set.of("backup"))), Set.of())));
    static final NetworkPolicy DENY_ALL = new NetworkPolicy("default-deny", Set.of("front", "back", "db", "backup"), List.of());
    static final NetworkPolicy DB_FROM_ANY_POD = new NetworkPolicy("db-from-pods", Set.of("db"),
            List.of(new Rule(List.of(Peer.anyPod()), Set.of())));
    static final NetworkPolicy DB_FROM_ANYWHERE = new NetworkPolicy("db-open", Set.of("db"),
            List.of(new Rule(List.of(), Set.of())));

    record Case(String name, List<NetworkPolicy> policies, Source source, String to, int port, boolean admitted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Source pod(String workload) {
        return new Source.Pod(workload);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no policy: every pod is non-isolated", List.of(), pod("front"), "db", 5432, true),
                new Case("a policy selecting another workload leaves db open", List.of(
                        new NetworkPolicy("x", Set.of("back"), List.of())), pod("front"), "db", 5432, true),
                new Case("default deny: a policy with no rule admits nothing", List.of(DENY_ALL), pod("back"), "db", 5432, false),
                new Case("from a selected pod on a listed port", List.of(DB_FROM_BACK), pod("back"), "db", 5432, true),
                new Case("from a pod the rule does not select: dropped", List.of(DB_FROM_BACK), pod("front"), "db", 5432, false),
                new Case("from a selected pod on another port: dropped", List.of(DB_FROM_BACK), pod("back"), "db", 6432, false),
                new Case("to a port no rule can name: dropped by a rule with ports", List.of(DB_FROM_BACK), pod("back"), "db", -1,
                        false),
                new Case("policies add up: the second one admits backup", List.of(DB_FROM_BACK, DB_FROM_BACKUP), pod("backup"), "db",
                        9999, true),
                new Case("stacked on a default deny, an allow still admits", List.of(DENY_ALL, DB_FROM_BACK), pod("back"), "db",
                        5432, true),
                new Case("the order of the policies does not matter", List.of(DB_FROM_BACK, DENY_ALL), pod("back"), "db", 5432,
                        true),
                new Case("podSelector {} admits every pod, even one with no label", List.of(DB_FROM_ANY_POD), pod(""), "db", 5432,
                        true),
                new Case("podSelector {} admits no node address", List.of(DB_FROM_ANY_POD), new Source.Node(2), "db", 5432, false),
                new Case("a rule without from admits every source, a node too", List.of(DB_FROM_ANYWHERE), new Source.Node(2), "db",
                        5432, true),
                new Case("traffic from the pod's own node is always allowed", List.of(DENY_ALL), new Source.Node(1), "db", 5432,
                        true),
                new Case("a pod of no workload matches no label selector", List.of(DB_FROM_BACK), pod(""), "db", 5432, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneConnection(Case c) {
        assertEquals(c.admitted, new NetworkPolicies(c.policies).admits(c.source, c.to, 1, c.port));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theIsolatingPoliciesAreThoseThatSelectThePod(Case c) {
        List<String> isolating = new NetworkPolicies(c.policies).isolating(c.to).stream().map(NetworkPolicy::name).toList();
        assertEquals(c.policies.stream().filter(p -> p.selects().contains(c.to)).map(NetworkPolicy::name).toList(), isolating);
    }
}
