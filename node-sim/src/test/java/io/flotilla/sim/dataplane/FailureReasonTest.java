package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.MS;
import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.driver.Driver;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.events.RequestExplained;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a request can fail, each from a small cluster in which one client sends ten requests a
 * second from 5s to 15s; the request sent at 10s is explained. Each case names the reason the whole
 * second from 10s to 11s fails for (or, for {@code reset}, the one request in flight when its task
 * stopped), and words the explanation must hold. The explanation is logged once the request's fate is
 * known: at once for a failure decided when it is sent, when it is answered or reset otherwise. It says
 * when the client sent the request and when it saw it end: a timeout a timeout (1s) after sending,
 * however early it was known, a reset when the task stopped, any other failure at once.
 */
class FailureReasonTest {

    record Case(String name, Supplier<Net> cluster, String reason, long failedFrom10s, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final DataPlaneSettings EXPLAIN_AT_10S = new DataPlaneSettings(DataPlaneSettings.FailedPeerEntries.SUSPEND,
            Optional.of(new DataPlaneSettings.RequestProbe("c", 10 * S)));

    static Net swarm() {
        return Net.swarm("manager-1", "worker-1", "worker-2").settings(EXPLAIN_AT_10S);
    }

    static Net kubernetes() {
        return Net.kubernetes("manager-1", "worker-1", "worker-2").settings(EXPLAIN_AT_10S);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("swarm: no such name", () -> swarm().overlay("frontend")
                        .service(Net.Service.named("web").on("frontend"))
                        .client("c", "manager-1", "frontend", "nosuch", 10, 5 * S, 15 * S, S), "nxdomain", 10,
                        "no service or task named nosuch is on frontend"),
                new Case("kubernetes: no such Service", () -> kubernetes()
                        .service(Net.Service.named("web"))
                        .client("c", "manager-1", null, "nosuch", 10, 5 * S, 15 * S, S), "nxdomain", 10,
                        "knows no Service nosuch"),
                new Case("swarm: the service is on another network, so not in this one's DNS", () -> swarm().overlay("frontend").overlay("backend")
                        .service(Net.Service.named("db").on("backend"))
                        .service(Net.Service.named("web").on("frontend"))
                        .client("c", "manager-1", "frontend", "db", 10, 5 * S, 15 * S, S), "nxdomain", 10,
                        "db is not on frontend, so frontend's embedded DNS has no record for db"),
                new Case("swarm: a bridge network's task on another host", () -> swarm()
                        .network("legacy", Driver.BRIDGE, null)
                        .service(Net.Service.named("db").on("legacy").dnsrr())
                        .service(Net.Service.named("shell").on("legacy").replicas(2).anywhere())
                        .client("c", "manager-1", "legacy", "db", 10, 5 * S, 15 * S, S), "nxdomain", 10,
                        "a bridge network, which never leaves its host: manager-1's embedded DNS there has no record for db"),
                new Case("swarm: a node the client cannot reach", () -> swarm().overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").publish(8080, 80))
                        .client("c", "manager-1", "frontend", "worker-2:8080", 10, 5 * S, 15 * S, S)
                        .linkDown(9 * S, "manager-1", "worker-2"), "no_route", 10,
                        "manager-1 cannot reach worker-2"),
                new Case("swarm: a host-mode port where no task runs", () -> swarm()
                        .service(Net.Service.named("web").publishHost(8080, 80).replicas(1).constrained("node.hostname == worker-1"))
                        .client("c", "manager-1", null, "worker-2:8080", 10, 5 * S, 15 * S, S), "refused", 10,
                        "nothing listens on port 8080 of worker-2"),
                new Case("kubernetes: a Service without endpoints", () -> kubernetes()
                        .service(Net.Service.named("web").replicas(0))
                        .client("c", "manager-1", null, "web", 10, 5 * S, 15 * S, S), "refused", 10,
                        "REJECT"),
                new Case("swarm: the only task's node crashed", () -> swarm().overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").replicas(1))
                        .client("c", "manager-1", "frontend", "web", 10, 5 * S, 15 * S, S)
                        .crash(9 * S, "worker-1"), "timeout", 10,
                        "worker-1 is down"),
                new Case("kubernetes: the only pod's node crashed, still a ready endpoint", () -> kubernetes()
                        .service(Net.Service.named("web").replicas(1).constrained("node.hostname == worker-2"))
                        .client("c", "manager-1", null, "web", 10, 5 * S, 15 * S, S)
                        .crash(9 * S, "worker-2"), "timeout", 10,
                        "worker-2 is down"),
                new Case("swarm: the task was killed while serving", () -> swarm().overlay("frontend")
                        .service(Net.Service.named("web").on("frontend").replicas(1))
                        .client("c", "manager-1", "frontend", "web", 10, 5 * S, 15 * S, S)
                        .at(10 * S + 500_000, new Cluster.KillTask("web.1")), "reset", 1,
                        "stopped while serving the request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachReasonIsCountedAndExplained(Case c) {
        try (Net n = c.cluster().get().run(16 * S)) {
            Map<String, Long> second = n.totals("c", 10 * S, 11 * S);
            assertEquals(10L, second.get("sent"));
            assertEquals(c.failedFrom10s(), second.getOrDefault(c.reason(), 0L), second.toString());
            List<Net.At<RequestExplained>> explained = n.all(RequestExplained.class);
            assertEquals(1, explained.size());
            assertTrue(explained.get(0).time() >= 10 * S && explained.get(0).time() < 10 * S + 10 * MS,
                    "explained once its fate is known: at once, or when it is answered or reset");
            RequestExplained e = explained.get(0).event();
            assertEquals(c.reason(), e.outcome());
            assertTrue(e.why().contains(c.why()), e.why());
            assertEquals(10 * S, e.sent());
            long ended = switch (c.reason()) {
                case "timeout" -> e.sent() + S;
                case "reset" -> explained.get(0).time();
                default -> e.sent();
            };
            assertEquals(ended, e.ended());
        }
    }
}
