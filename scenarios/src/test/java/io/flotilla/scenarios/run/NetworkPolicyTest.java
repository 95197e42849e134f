package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.sim.dataplane.DataPlaneSettings.RequestProbe;
import io.flotilla.sim.events.RequestExplained;
import io.flotilla.sim.events.TrafficCounted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * NetworkPolicies in a run, at exact virtual times: a connection the policies of an isolated pod do
 * not admit is dropped, so the client times out (the docs' "default deny" walkthrough: "wget:
 * download timed out"), while a pod no policy selects takes every connection; through a NodePort, a
 * connection arrives SNATed from the node kube-proxy took it on, admitted only when that is the
 * pod's own node (the docs: traffic from the pod's node is always allowed).
 */
class NetworkPolicyTest {

    static final String SCENARIO = """
            scenario: policy
            strategy: kubernetes
            until: 30s
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              front: {image: "nginx:1", ports: ["80"]}
              db:
                image: "postgres:16"
                ports: ["5432:5432"]
                kubernetes: {node_selector: {kubernetes.io/hostname: worker-1}}
            network_policies:
              db-from-front:
                pod_selector: {app: db}
                ingress:
                  - from: [{pod_selector: {app: front}}]
                    ports: [5432]
            traffic:
              - {name: front-to-db, from: worker-2, as: front, to: db, rate: 5/s, start: 10s}
              - {name: bare-to-db, from: worker-2, to: db, rate: 5/s, start: 10s}
              - {name: db-to-front, from: worker-1, as: db, to: front, rate: 5/s, start: 10s}
              - {name: via-own-node, from: outside, to: "worker-1:5432", rate: 5/s, start: 10s}
              - {name: via-other-node, from: outside, to: "worker-2:5432", rate: 5/s, start: 10s}
            """;

    static Scenario scenario() {
        ParseOutcome outcome = new ScenarioParser().parse("policy.yaml", SCENARIO);
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

    static Sim run(Optional<RequestProbe> probe) {
        return Sim.of(ScenarioRunner.run(scenario(), new RunOptions(Optional.empty(), OptionalLong.empty(), Set.of(), probe)));
    }

    static TrafficCounted firstWindow(Sim sim, String client) {
        return sim.expect(TrafficCounted.class, 0, e -> e.client().equals(client), client).event();
    }

    @Test
    void whatThePolicyAdmitsIsServedAndTheRestTimesOutFromTheFirstRequest() {
        Sim sim = run(Optional.empty());
        record Expected(String client, long served, Map<String, Long> failed) {}
        List<Expected> expected = List.of(
                new Expected("front-to-db", 5, Map.of()),
                new Expected("bare-to-db", 0, Map.of("timeout", 5L)),
                new Expected("db-to-front", 5, Map.of()),
                new Expected("via-own-node", 5, Map.of()),
                new Expected("via-other-node", 0, Map.of("timeout", 5L)));
        for (Expected e : expected) {
            TrafficCounted w = firstWindow(sim, e.client());
            assertEquals(10 * Sim.S, w.from(), e.client());
            assertEquals(5L, w.sent(), e.client());
            assertEquals(e.served(), w.served(), e.client());
            assertEquals(new TreeMap<>(e.failed()), w.failed(), e.client());
        }
    }

    @Test
    void explainNamesThePolicyAndTheDropEndsAtTheClientsTimeout() {
        Sim sim = run(Optional.of(new RequestProbe("bare-to-db", 20 * Sim.S)));
        RequestExplained e = sim.expect(RequestExplained.class, 0, x -> true, "the explained request").event();
        assertEquals("timeout", e.outcome());
        assertEquals(20 * Sim.S, e.sent());
        assertEquals(21 * Sim.S, e.ended());
        assertTrue(e.why().startsWith("network policy db-from-front selects the pods of db ("), e.why());
        assertTrue(e.why().endsWith("and no ingress rule admits a pod with no label a selector names, on worker-2 on port "
                + "5432: the CNI drops the packets, no answer until the client's timeout"), e.why());
    }

    @Test
    void throughAnotherNodeTheSourceIsThatNodesAddress() {
        Sim sim = run(Optional.of(new RequestProbe("via-other-node", 20 * Sim.S)));
        RequestExplained e = sim.expect(RequestExplained.class, 0, x -> true, "the explained request").event();
        assertTrue(e.why().contains("a connection SNATed to worker-2's address by its kube-proxy"), e.why());
    }

    @Test
    void swarmHasNoNetworkPolicyAndSaysWhatItDoesInstead() {
        Optional<String> refusal = scenario().unrunnableUnder(Strategy.SWARM);
        assertTrue(refusal.orElseThrow().startsWith("policy.yaml:13:1: the swarm strategy cannot run this: network_policies: "
                + "Swarm has no NetworkPolicy; it isolates by networks"), refusal.get());
        assertEquals(Optional.empty(), scenario().unrunnableUnder(Strategy.KUBERNETES));
    }
}
