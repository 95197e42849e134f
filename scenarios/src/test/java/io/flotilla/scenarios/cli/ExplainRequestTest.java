package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.cli.Cli.Outcome;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.output.RequestReport;
import io.flotilla.sim.events.RequestExplained;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain --request}: what it refuses, and how it prints a request it followed. */
class ExplainRequestTest {

    @TempDir
    static Path dir;

    static Path scenario;

    @BeforeAll
    static void writeScenario() {
        scenario = Cli.write(dir, "request.yaml", """
                scenario: request
                until: 1m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 2}
                networks: {front: {}}
                services:
                  web: {networks: [front], deploy: {replicas: 2}}
                traffic:
                  - {name: shoppers, from: manager-1, network: front, to: web, rate: 10/s, start: 5s, stop: 30s}
                """);
    }

    /** A request a firewall dropped names the firewall and the rule: the overlay's, or the published port's. */
    @Test
    void aDroppedRequestNamesTheFirewall() {
        String example = "examples/firewall-blocks-overlay.yaml";
        assertEquals("""
                request of shoppers from manager-1 on frontend to web: timeout (sent at 30.2s, timed out at 31.2s)
                  resolved: 10.0.1.2
                  backend:  web.2#1
                  why:      its load balancer on manager-1 sent it to web.2#1 on worker-2, but the firewall in front of worker-2 \
                drops 4789/udp, which carries the network between the two hosts: the packets vanish, no answer until the client's \
                timeout
                """, Cli.run("explain", example, "--request", "shoppers", "--at", "30.2s").out());
        assertEquals("""
                request of visitors from outside to worker-3:8080: timeout (sent at 1m31s, timed out at 1m32s)
                  resolved: no name to resolve (a node and a port)
                  backend:  none chosen
                  why:      the firewall in front of worker-3 drops 8080/tcp: the packets vanish on their way in, no answer \
                until the client's timeout
                """, Cli.run("explain", example, "--request", "visitors", "--at", "1m31s").out());
    }

    @Test
    void itNeedsATaskOrARequestButNotBoth() {
        for (String[] args : List.of(
                new String[] {"explain", scenario.toString()},
                new String[] {"explain", scenario.toString(), "--task", "web.1", "--request", "shoppers"})) {
            Outcome o = Cli.run(args);
            assertEquals(2, o.code());
            assertEquals("flotilla: explain needs either --task NAME or --request CLIENT\n", o.err());
        }
    }

    @Test
    void theClientMustBeDeclaredAndSendSomethingThen() {
        Outcome unknown = Cli.run("explain", scenario.toString(), "--request", "shopers");
        assertEquals(2, unknown.code());
        assertEquals("flotilla: --request: unknown traffic client 'shopers'; the clients are shoppers\n", unknown.err());
        Outcome late = Cli.run("explain", scenario.toString(), "--request", "shoppers", "--at", "40s");
        assertEquals(2, late.code());
        assertEquals("flotilla: --at: client 'shoppers' sends nothing at or after 40s (it stops at 30s)\n", late.err());
    }

    /** Until the data plane follows requests, a run has none to explain, and says so. */
    @Test
    void aRunThatFollowedNoRequestSaysSo() {
        Outcome o = Cli.run("explain", scenario.toString(), "--request", "shoppers", "--at", "10s");
        if (o.code() != 0) {
            assertEquals(2, o.code());
            assertEquals("flotilla: no request of client 'shoppers' at or after 10s was followed in this run\n", o.err());
        }
    }

    @Test
    void aFollowedRequestSaysWhatResolvedWhatWasChosenAndWhy() throws Exception {
        // a timeout is known when the request is sent, and logged then; the client gives up a timeout later
        RequestExplained e = new RequestExplained("shoppers", "manager-1", "front", "web", List.of("10.0.1.2"), "web.2#1",
                "timeout", "web.2#1 is on worker-2, which is down; manager-1's load balancer still lists it",
                31_000_000_000L, 32_000_000_000L);
        StringWriter text = new StringWriter();
        RequestReport.print(e, 31_000_000_000L, new PrintWriter(text, true));
        assertEquals("""
                request of shoppers from manager-1 on front to web: timeout (sent at 31s, timed out at 32s)
                  resolved: 10.0.1.2
                  backend:  web.2#1
                  why:      web.2#1 is on worker-2, which is down; manager-1's load balancer still lists it
                """, text.toString());
        assertEquals("{\"client\":\"shoppers\",\"strategy\":\"swarm\",\"at\":\"31s\",\"sent\":\"31s\",\"ended\":\"32s\","
                        + "\"node\":\"manager-1\",\"network\":\"front\","
                        + "\"name\":\"web\",\"resolved\":[\"10.0.1.2\"],\"backend\":\"web.2#1\",\"outcome\":\"timeout\","
                        + "\"why\":\"web.2#1 is on worker-2, which is down; manager-1's load balancer still lists it\"}",
                RequestReport.json(e, 31_000_000_000L, Strategy.SWARM).toString());

        RequestExplained outside = new RequestExplained("visitors", "", "", "worker-1:8080", List.of(), "", "nxdomain", "no record",
                0, 0);
        StringWriter other = new StringWriter();
        RequestReport.print(outside, 0, new PrintWriter(other, true));
        assertEquals("""
                request of visitors from outside to worker-1:8080: nxdomain (sent at 0s, failed at once)
                  resolved: no name to resolve (a node and a port)
                  backend:  none chosen
                  why:      no record
                """, other.toString());
        assertEquals("{\"client\":\"visitors\",\"strategy\":\"kubernetes\",\"at\":\"0s\",\"sent\":\"0s\",\"ended\":\"0s\","
                        + "\"node\":null,\"network\":null,"
                        + "\"name\":\"worker-1:8080\",\"resolved\":[],\"backend\":null,\"outcome\":\"nxdomain\",\"why\":\"no record\"}",
                RequestReport.json(outside, 0, Strategy.KUBERNETES).toString());

        RequestExplained served = new RequestExplained("shoppers", "manager-1", "front", "web", List.of("10.0.1.2"), "web.1#1",
                "served", "web.1#1 runs on worker-1 and serves", 10_000_000_000L, 10_002_000_000L);
        StringWriter answered = new StringWriter();
        RequestReport.print(served, 10_002_000_000L, new PrintWriter(answered, true));
        assertEquals("request of shoppers from manager-1 on front to web: served (sent at 10s, answered at 10.002s)",
                answered.toString().lines().findFirst().orElseThrow());
    }
}
