package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.driver.Driver;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.KubernetesSettings;
import io.flotilla.scheduler.admission.kubernetes.PodSecurityLevel;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.SwarmSettings;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.PodAffinity;
import io.flotilla.scheduler.placement.kubernetes.PodAffinityTerm;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.placement.kubernetes.TopologySpreadConstraint;
import io.flotilla.scheduler.time.Durations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A scenario using every key parses into the model we expect: spot checks, section by section. */
class ScenarioParserTest {

    private static final long S = Durations.SECOND;
    private static final long MI = 1024L * 1024;
    private static final long GI = 1024 * MI;
    private static Scenario full;

    @BeforeAll
    static void parseTheFullScenario() throws Exception {
        ParseOutcome outcome = new ScenarioParser().parse(resource("full.yaml"));
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of(), outcome.warnings());
        full = outcome.scenario().orElseThrow();
    }

    static Path resource(String name) throws Exception {
        return Path.of(ScenarioParserTest.class.getResource("/scenarios/" + name).toURI());
    }

    @Test
    void header() {
        assertEquals("full-house", full.name());
        assertEquals("Every key of the format.", full.description());
        assertEquals(42, full.seed());
        assertEquals(Strategy.KUBERNETES, full.strategy());
        assertEquals(20 * Durations.MINUTE, full.until());
        assertEquals(new SwarmSettings(2 * S, 100 * Durations.MILLISECOND, 4), full.swarm());
        assertEquals(8 * S, full.swarm().gracePeriod());
        assertEquals(new KubernetesSettings(2 * S, 40 * S, 60, PodSecurityLevel.PRIVILEGED), full.kubernetes());
    }

    @Test
    void nodesAreExpandedInFileOrder() {
        assertEquals(List.of("manager-1", "worker-1", "worker-2", "worker-3", "edge.example"),
                full.nodes().stream().map(NodeDecl::name).toList());
        NodeDecl manager = full.nodes().get(0);
        assertEquals(NodeRole.MANAGER, manager.spec().role());
        assertEquals(Availability.DRAIN, manager.availability());
        assertEquals(Resources.of(4, 8 * GI), manager.spec().resources());
        assertEquals(Map.of("zone", "a", "ssd", "true"), manager.spec().labels());
        assertEquals(Map.of("kernel", "6.1"), manager.spec().engineLabels());
        assertEquals(NodeDecl.DEFAULT_PULL_BANDWIDTH, manager.pullBandwidthBytesPerSecond());

        NodeDecl worker = full.nodes().get(2);
        assertEquals(NodeRole.WORKER, worker.spec().role());
        assertEquals(Resources.of(2.5, 4 * GI).withGeneric("gpu", 2), worker.spec().resources());
        assertEquals(new Platform("linux", "arm64"), worker.spec().platform());
        assertEquals(List.of("dedicated=db:NoSchedule", "spot:PreferNoSchedule"), worker.spec().taints());
        assertEquals(50 * MI, worker.pullBandwidthBytesPerSecond());
        assertEquals(new SourcePos(22, 5), worker.pos(), "every counted node points at its item");

        NodeDecl edge = full.nodes().get(4);
        assertEquals(Resources.NONE, edge.spec().resources());
        assertEquals(Platform.LINUX_AMD64, edge.spec().platform());
        assertEquals(Availability.PAUSE, edge.availability());
    }

    @Test
    void networksAndImages() {
        assertEquals(List.of("backend", "frontend", "local"), List.copyOf(full.networks().keySet()));
        assertEquals(Driver.OVERLAY, full.networks().get("backend").driver());
        assertEquals(Optional.of("10.0.9.0/24"), full.networks().get("backend").subnet());
        assertEquals(Driver.OVERLAY, full.networks().get("local").driver());
        assertEquals(Optional.empty(), full.networks().get("local").subnet());

        assertEquals(new ImageDecl("nginx:1.28", 70 * MI, 2 * S, OptionalLong.of(10 * S)), full.images().get("nginx:1.28"));
        assertEquals(3 * GI / 2, full.images().get("postgres:16").sizeBytes());
        // Every image the scenario names is in the table, the unlisted ones with the defaults.
        assertEquals(List.of("agent:2", "api:latest", "batch:1", "nginx:1.27", "nginx:1.28", "postgres:16"),
                List.copyOf(full.images().keySet()));
        assertEquals(ImageDecl.defaults("agent:2"), full.images().get("agent:2"));
        assertEquals(ImageDecl.defaults("unlisted:1"), full.image("unlisted:1"));
    }

    @Test
    void aServiceWithEveryKey() {
        ServiceSpec web = full.services().get(0);
        assertEquals("web", web.name());
        assertEquals(ServiceMode.REPLICATED, web.mode());
        assertEquals(6, web.replicas());
        assertEquals(EndpointMode.VIP, web.endpointMode());
        assertEquals("nginx:1.27", web.task().image());
        assertEquals(List.of("frontend", "backend"), web.task().networks());
        assertEquals(List.of(
                        new PortConfig("tcp", 80, 8080, PublishMode.INGRESS),
                        new PortConfig("udp", 90, 9090, PublishMode.INGRESS),
                        new PortConfig("tcp", 7070, 0, PublishMode.INGRESS),
                        new PortConfig("tcp", 443, 8443, PublishMode.HOST)),
                web.task().ports());
        assertEquals(new Placement(
                        List.of("node.role == worker", "node.labels.zone != c"),
                        List.of("node.labels.zone", "node.labels.rack"),
                        2,
                        List.of(new Platform("linux", "arm64"), new Platform("linux", ""))),
                web.task().placement());
        assertEquals(Resources.of(0.5, 256 * MI).withGeneric("gpu", 1), web.task().reservations());
        assertEquals(Resources.of(1, 512 * MI), web.task().limits());
        assertEquals(new RestartPolicy(RestartPolicy.Condition.ON_FAILURE, 3 * S, 5, 120 * S), web.task().restartPolicy());
        assertEquals(new UpdateConfig(2, 10 * S, UpdateConfig.FailureAction.ROLLBACK, 30 * S, 0.25, UpdateConfig.Order.START_FIRST),
                web.update());
        assertEquals(new UpdateConfig(0, 0, UpdateConfig.FailureAction.CONTINUE, 5 * S, 0, UpdateConfig.Order.STOP_FIRST),
                web.rollback());
    }

    @Test
    void defaultsOfAServiceAreSwarmkits() {
        ServiceSpec agent = full.services().get(1);
        assertEquals(ServiceMode.GLOBAL, agent.mode());
        assertEquals(0, agent.replicas());
        assertEquals(EndpointMode.DNSRR, agent.endpointMode());
        assertEquals(Resources.of(0.25, 64 * MI), agent.task().reservations(), "a YAML alias is followed");
        ServiceSpec api = full.services().get(2);
        assertEquals(1, api.replicas());
        assertEquals("api:latest", api.task().image());
        assertEquals(RestartPolicy.DEFAULT, api.task().restartPolicy());
        assertEquals(UpdateConfig.DEFAULT, api.update());
        assertEquals(UpdateConfig.DEFAULT, api.rollback());
        assertEquals(Placement.NONE, api.task().placement());
        assertEquals(List.of(), api.task().networks());
    }

    @Test
    void kubernetesPodInputs() {
        KubernetesPodSpec web = full.pod("web");
        assertEquals(Map.of("tier", "frontend"), web.labels());
        assertEquals(1000, web.priority());
        assertEquals(Pod.PreemptionPolicy.NEVER, web.preemptionPolicy());
        assertEquals(Map.of("disktype", "ssd"), web.nodeSelector());
        assertEquals(List.of(
                        Toleration.equal("dedicated", "db", TaintEffect.NO_SCHEDULE),
                        new Toleration("", Toleration.Operator.EXISTS, "", Optional.empty(), OptionalLong.empty()),
                        new Toleration("node.kubernetes.io/unreachable", Toleration.Operator.EXISTS, "",
                                Optional.of(TaintEffect.NO_EXECUTE), OptionalLong.of(30))),
                web.tolerations());
        assertEquals(new NodeAffinity(
                        Optional.of(List.of(
                                NodeSelectorTerm.of(NodeSelectorRequirement.in("zone", "a", "b")),
                                NodeSelectorTerm.fields(NodeSelectorRequirement.notIn("metadata.name", "worker-3")))),
                        List.of(new NodeAffinity.Preferred(50, NodeSelectorTerm.of(new NodeSelectorRequirement(
                                "rack", NodeSelectorRequirement.Operator.GT, List.of("2")))))),
                web.nodeAffinity());
        assertEquals(PodAffinity.preferred(100, PodAffinityTerm.of(LabelSelector.of("app", "db"), "zone")), web.podAffinity());
        assertEquals(PodAffinity.required(PodAffinityTerm.of(LabelSelector.EVERYTHING.and(
                        new LabelSelector.Requirement("app", LabelSelector.Operator.IN, List.of("web"))), "kubernetes.io/hostname")),
                web.podAntiAffinity());
        assertEquals(List.of(
                        new TopologySpreadConstraint(1, "zone", TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE,
                                Optional.of(LabelSelector.of("app", "web")), OptionalInt.of(2),
                                TopologySpreadConstraint.InclusionPolicy.HONOR, TopologySpreadConstraint.InclusionPolicy.IGNORE, List.of()),
                        new TopologySpreadConstraint(3, "kubernetes.io/hostname", TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY,
                                Optional.empty(), OptionalInt.empty(), TopologySpreadConstraint.InclusionPolicy.HONOR,
                                TopologySpreadConstraint.InclusionPolicy.HONOR, List.of("pod-template-hash"))),
                web.topologySpreadConstraints());
        assertEquals(KubernetesPodSpec.NONE, full.pod("api"));
        assertEquals(List.of("web"), List.copyOf(full.pods().keySet()));
    }

    @Test
    void theTimelineIsSortedByTimeAndStable() {
        List<String> order = full.timeline().stream()
                .map(t -> Durations.format(t.at()) + " " + t.action().keyword())
                .toList();
        assertEquals(List.of("30s crash", "2m restart", "3m drain", "3m pause", "3m30s activate", "4m partition",
                "5m heal", "5m30s link_down", "5m45s link_up", "6m scale", "7m update", "7m30s update", "8m kill_task",
                "8m kill_task", "8m kill_task", "9m deploy", "10m scale"), order);
        List<Action> actions = full.timeline().stream().map(t -> t.action()).toList();
        assertEquals(new Action.Crash("worker-2"), actions.get(0));
        assertEquals(new Action.SetAvailability("worker-1", Availability.PAUSE), actions.get(3));
        assertEquals(new Action.Partition(List.of(List.of("manager-1", "worker-1"), List.of("worker-2"),
                List.of("worker-3", "edge.example"))), actions.get(5), "the unlisted nodes form one more group");
        assertEquals(new Action.Link("manager-1", "worker-1", false), actions.get(7));
        assertEquals(new Action.Link("worker-1", "manager-1", true), actions.get(8));
        assertEquals(new Action.Scale(new TreeMap<>(Map.of("web", 10))), actions.get(9));
        Action.Update update = (Action.Update) actions.get(10);
        assertEquals(Optional.of("nginx:1.28"), update.image());
        assertEquals(Optional.of(new UpdateConfig(1, 10 * S, UpdateConfig.FailureAction.ROLLBACK, 30 * S, 0.25,
                UpdateConfig.Order.START_FIRST)), update.updateConfig(), "unset fields come from the service");
        assertEquals(new Action.Update("api", Optional.empty(), Optional.empty(), true), actions.get(11));
        assertEquals(new Action.KillTask("agent.worker-1"), actions.get(13));
        Action.Deploy deploy = (Action.Deploy) actions.get(15);
        assertEquals("batch", deploy.services().get(0).name());
        assertEquals(List.of(), deploy.statefulsets());
        assertEquals(new SourcePos(97, 5), full.timeline().get(0).pos());
    }

    @Test
    void expectations() {
        List<Expectation> e = full.expectations();
        assertEquals(6, e.size());
        assertEquals(OptionalLong.of(20 * S), e.get(0).at());
        assertEquals(new Check.Running(new TreeMap<>(Map.of("web", 6, "api", 1))), e.get(0).check());
        assertEquals(OptionalLong.empty(), e.get(1).at());
        assertEquals(full.until(), e.get(1).effectiveAt(full.until()));
        assertEquals("placement", e.get(1).check().keyword());
        assertEquals(List.of(2, 2, 2, 1), ((Check.Spread) e.get(2).check()).wanted().get("web").counts(), "stored largest first");
        assertEquals(OptionalLong.empty(), e.get(3).at(), "at: end is the default");
        assertEquals(Optional.of("no suitable node (insufficient resources on 3 nodes)"), ((Check.Pending) e.get(3).check()).reason());
        Check.On on = (Check.On) e.get(4).check();
        assertEquals(List.of("worker-1"), on.nodes().get("agent.worker-1"));
        assertEquals(List.of("worker-1", "worker-2"), on.nodes().get("web.1"));
        assertEquals(Map.of("worker-2", NodeStatus.DOWN, "worker-1", NodeStatus.READY, "manager-1", NodeStatus.UNKNOWN),
                ((Check.NodeCondition) e.get(5).check()).states());
        assertEquals(139, e.get(5).pos().line());
    }

    @Test
    void untilDefaultsToTheLastTimelineItemPlusTwoMinutes() {
        Scenario s = parse("scenario: t\nnodes: [{name: n}]\ntimeline:\n  - {at: 3m, crash: n}\n  - {at: 1m, restart: n}\n");
        assertEquals(5 * Durations.MINUTE, s.until());
        Scenario none = parse("scenario: t\nnodes: [{name: n}]\n");
        assertEquals(2 * Durations.MINUTE, none.until());
        assertEquals(1, none.seed());
        assertEquals(Strategy.SWARM, none.strategy());
        assertEquals(SwarmSettings.DEFAULT, none.swarm());
        assertEquals("", none.description());
    }

    @Test
    void aServiceDeployedByTheTimelineIsKnownFromThenOn() {
        Scenario s = parse("""
                scenario: t
                nodes: [{name: n}]
                timeline:
                  - {at: 1m, kill_task: api.1}
                  - {at: 1m, deploy: {services: {api: {}}}}
                  - {at: 30s, deploy: {services: {api: {deploy: {replicas: 3}}}}}
                expect:
                  - {at: 30s, running: {api: 3}}
                """);
        assertEquals(List.of("deploy", "kill_task", "deploy"),
                s.timeline().stream().map(t -> t.action().keyword()).toList());
    }

    @Test
    void severalProblemsInOneFileAreAllReportedInFileOrder() throws Exception {
        ParseOutcome outcome = new ScenarioParser().parse(resource("many-problems.yaml"));
        List<String> lines = outcome.problems().stream().map(p -> p.line() + ":" + p.column()).toList();
        assertEquals(35, outcome.problems().size(), String.join("\n", outcome.problems().stream().map(Problem::toString).toList()));
        List<String> sorted = outcome.problems().stream()
                .sorted(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .map(p -> p.line() + ":" + p.column())
                .toList();
        assertEquals(sorted, lines);
        assertTrue(outcome.problems().get(0).toString().endsWith("many-problems.yaml:1:11: scenario: the name 'bad name' may hold only letters, digits and '-'"));
        assertTrue(outcome.problems().stream().anyMatch(p -> p.message().equals("unknown key 'replcas' in deploy; did you mean 'replicas'?")));
        assertTrue(outcome.problems().stream().anyMatch(p -> p.message().equals("memory: expected a size such as 512M or 1Gi, got \"12 parsecs\"")));
        assertEquals(48, outcome.problems().get(outcome.problems().size() - 1).line());
    }

    @Test
    void nothingThrowsOnPathologicalInput() {
        for (String text : List.of("&a [*a]", "{", "- - - -", "scenario: [", ":", "!!binary x", "a: !!timestamp 2001",
                "scenario: t\nnodes: *x\n", "\u0000", "scenario: t\nnodes: [{name: n, count: 99999999999999999999}]\n")) {
            ParseOutcome outcome = new ScenarioParser().parse("p.yaml", text);
            assertTrue(!outcome.isValid(), text);
        }
    }

    @Test
    void theContractsOwnExampleIsRefusedOnlyForWhatIsNotSimulatedYet() throws Exception {
        // SCENARIO-FORMAT.md's example with `big` declared; its items after `until` are warnings.
        ParseOutcome outcome = new ScenarioParser().parse(resource("contract.yaml"));
        assertEquals(List.of(),
                outcome.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertEquals(4, outcome.warnings().size());
    }

    private static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("t.yaml", yaml);
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

}
