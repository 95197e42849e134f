package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.driver.Driver;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Check.Traffic.Measure;
import io.flotilla.scenarios.model.Check.Traffic.Range;
import io.flotilla.scenarios.model.Check.Traffic.Span;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.NetworkProfile;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.ClusterSetup;
import io.flotilla.sim.dataplane.DataPlaneSettings;
import io.flotilla.sim.dataplane.DataPlaneSettings.FailedPeerEntries;
import io.flotilla.sim.dataplane.DataPlaneSettings.RequestProbe;
import io.flotilla.sim.dataplane.TrafficClient;
import io.flotilla.sim.control.NetworkSetup;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the network, health and traffic keys of full-data-plane.yaml become, and what the runner makes of them. */
class DataPlaneParseTest {

    static final long S = 1_000_000_000L;
    static Scenario full;

    @BeforeAll
    static void parse() throws Exception {
        ParseOutcome outcome = new ScenarioParser().parse(ScenarioParserTest.resource("full-data-plane.yaml"));
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(), outcome.warnings());
        full = outcome.scenario().orElseThrow();
    }

    @Test
    void networksHaveTheirDriverSubnetAndEncryption() {
        Map<String, NetworkDecl> n = full.networks();
        assertEquals(new NetworkDecl("frontend", Driver.OVERLAY, Optional.empty(), true, new SourcePos(13, 3)), n.get("frontend"));
        assertEquals(new NetworkDecl("backend", Driver.OVERLAY, Optional.of("10.0.9.0/24"), false, new SourcePos(14, 3)), n.get("backend"));
        assertEquals(Driver.BRIDGE, n.get("legacy").driver());
        assertEquals(Optional.of("192.168.10.0/24"), n.get("lan").subnet());
        assertEquals(new NetworkProfile(FailedPeerEntries.DELETE), full.networkProfile());
    }

    @Test
    void healthChecksAndStopGracePeriods() {
        TaskSpec web = service("web").task();
        assertEquals(Optional.of(new HealthCheck(5 * S, 2 * S, 2, 10 * S, List.of("curl", "-f", "http://localhost"))),
                web.healthcheck());
        assertEquals(30 * S, web.stopGracePeriodNanos());
        HealthCheck d = HealthCheck.DOCKER_DEFAULTS;
        assertEquals(Optional.of(new HealthCheck(d.intervalNanos(), d.timeoutNanos(), d.retries(), d.startPeriodNanos(),
                List.of("/bin/sh", "-c", "pg_isready"))), service("db").task().healthcheck(),
                "a zero interval or retry count is Docker's default; a string test runs through the shell");
        assertEquals(TaskSpec.DEFAULT_STOP_GRACE_NANOS, service("db").task().stopGracePeriodNanos());
        assertEquals(Optional.empty(), service("cache").task().healthcheck(), "test: [NONE]");
        assertEquals(Optional.empty(), service("quiet").task().healthcheck(), "disable: true");
    }

    @Test
    void trafficClientsInFileOrder() {
        assertEquals(List.of(
                        new TrafficDecl("shoppers", Optional.of("worker-a-1"), Optional.of("frontend"), "web", 50, 10 * S, 240 * S,
                                2 * S, new SourcePos(36, 5)),
                        new TrafficDecl("visitors", Optional.empty(), Optional.empty(), "worker-b:8080", 1.5, 0, 300 * S, S,
                                new SourcePos(44, 5)),
                        new TrafficDecl("reader", Optional.of("manager-1"), Optional.of("backend"), "tasks.db", 0.5, 0, 300 * S, S,
                                new SourcePos(45, 5)),
                        new TrafficDecl("pinger", Optional.of("manager-1"), Optional.of("frontend"), "web.2", 1.0 / 3600, 0, 300 * S,
                                S, new SourcePos(46, 5))),
                full.traffic(), "stop defaults to until (5m), and a later stop is the end of the run");
    }

    @Test
    void zoneAndHealthActions() {
        List<Action> actions = full.timeline().stream().map(t -> t.action()).toList();
        Action.Zone down = new Action.Zone("a", List.of("worker-a-1", "worker-a-2"), false);
        assertEquals(List.of(down, new Action.Zone("a", List.of("worker-a-1", "worker-a-2"), true),
                new Action.Health("web.2", false), new Action.Health("web.2", true)), actions);
        assertEquals(List.of(new Cluster.Crash("worker-a-1"), new Cluster.Crash("worker-a-2")), down.commands(),
                "one crash per node, in declaration order");
        assertEquals(List.of(new Cluster.Boot("worker-a-1"), new Cluster.Boot("worker-a-2")), actions.get(1).commands());
        assertEquals(List.of(new Cluster.Health("web.2", false)), actions.get(2).commands());
        assertEquals("zone_down a: crash worker-a-1, worker-a-2", down.describe());
        assertEquals("unhealthy web.2", actions.get(2).describe());
    }

    @Test
    void dnsAndTrafficChecks() {
        List<Check> checks = full.expectations().stream().map(e -> e.check()).toList();
        assertEquals(new Check.Dns("tasks.web", "worker-a-1", Optional.of("frontend"), Optional.empty(), 3), checks.get(0));
        assertEquals(new Check.Dns("tasks.db", "manager-1", Optional.of("backend"), Optional.of(List.of("db.1")), 1), checks.get(1));
        assertEquals(new Check.Traffic("shoppers", Optional.empty(), OptionalLong.empty(),
                Map.of(Measure.FAILED, new Range(OptionalLong.empty(), OptionalLong.of(20)))), checks.get(2));
        Map<Measure, Range> measures = new EnumMap<>(Measure.class);
        measures.put(Measure.FAILED, Range.exactly(0));
        measures.put(Measure.SERVED, new Range(OptionalLong.of(1), OptionalLong.of(6000)));
        assertEquals(new Check.Traffic("shoppers", Optional.of(new Span(120 * S, 240 * S)), OptionalLong.empty(), measures),
                checks.get(3));
        Check.Traffic visitors = (Check.Traffic) checks.get(4);
        assertEquals(OptionalLong.of(180 * S), visitors.at(), "the check knows its time: it reads the whole log");
        assertEquals(Range.exactly(270), visitors.measures().get(Measure.SENT));
    }

    @Test
    void theRunnerHandsItAllToTheCluster() {
        RunOptions options = new RunOptions(Optional.empty(), OptionalLong.empty(), Set.of(),
                Optional.of(new RequestProbe("shoppers", 70 * S)));
        ClusterSetup setup = ScenarioRunner.setup(full, Strategy.SWARM, options);
        assertEquals(List.of(
                        new NetworkSetup("frontend", Driver.OVERLAY, Optional.empty(), true),
                        new NetworkSetup("backend", Driver.OVERLAY, Optional.of("10.0.9.0/24"), false),
                        new NetworkSetup("legacy", Driver.BRIDGE, Optional.empty(), false),
                        new NetworkSetup("lan", Driver.MACVLAN, Optional.of("192.168.10.0/24"), false)),
                setup.networks(), "in the order the file declares them");
        assertEquals(new TrafficClient("shoppers", Optional.of("worker-a-1"), Optional.of("frontend"), "web", 50, 10 * S, 240 * S, 2 * S),
                setup.traffic().get(0));
        assertEquals(new TrafficClient("visitors", Optional.empty(), Optional.empty(), "worker-b:8080", 1.5, 0, 300 * S, S),
                setup.traffic().get(1));
        assertEquals(new DataPlaneSettings(FailedPeerEntries.DELETE, Optional.of(new RequestProbe("shoppers", 70 * S))),
                setup.dataPlane());
        assertEquals(DataPlaneSettings.DEFAULT, ScenarioRunner.setup(
                new ScenarioParser().parse("t.yaml", "scenario: t\nnodes: [{name: n}]\n").scenario().orElseThrow(),
                Strategy.SWARM, RunOptions.DEFAULT).dataPlane());
    }

    @Test
    void aKubernetesScenarioNeedsNoNetworkButTheSwarmStrategyCannotRunItWithout() {
        ParseOutcome outcome = new ScenarioParser().parse("pods.yaml", """
                scenario: pods
                strategy: kubernetes
                nodes: [{name: manager-1, role: manager}, {name: worker-1}]
                services: {web: {}}
                traffic: [{name: shoppers, from: manager-1, to: web, rate: 1/s}]
                expect:
                  - {dns: {name: web, from: worker-1, answers: 1}}
                """);
        assertEquals(List.of(), outcome.problems());
        Scenario pods = outcome.scenario().orElseThrow();
        assertEquals(Optional.empty(), pods.unrunnableUnder(Strategy.KUBERNETES));
        assertEquals(Optional.of("""
                        pods.yaml:5:11: the swarm strategy cannot run this: missing key 'network' in traffic client 'shoppers': \
                        a container resolves and connects on a network (only the kubernetes strategy, with its one pod network, needs none)
                        pods.yaml:7:11: the swarm strategy cannot run this: missing key 'network' in dns: the embedded DNS answers \
                        per network (only the kubernetes strategy, with its one pod network, needs none)"""),
                pods.unrunnableUnder(Strategy.SWARM));
    }

    private static ServiceSpec service(String name) {
        return full.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
