package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskExplained;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scenarios run under {@code strategy: kubernetes}, read back from the event log: when a dead or
 * cut-off node's pods are replaced (and that Swarm does it two orders of magnitude sooner), that a
 * killed container restarts in place, that a drain evicts at once, that an unschedulable pod says
 * why in kube-scheduler's words, and that explanations carry each plugin's score and the total.
 */
class KubernetesStrategyTest {

    private static final String CLUSTER = """
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 3}
            """;

    private static Sim kubernetes(String name, String body) {
        return Sim.run(name, "scenario: " + name + "\nstrategy: kubernetes\nseed: 3\n" + CLUSTER + body);
    }

    private static Sim run(String name, String body, Strategy strategy, Set<String> explain) {
        Scenario scenario = new ScenarioParser().parse(name + ".yaml", "scenario: " + name + "\nseed: 3\n" + CLUSTER + body)
                .scenario().orElseThrow();
        return Sim.of(ScenarioRunner.run(scenario, new RunOptions(Optional.of(strategy), OptionalLong.empty(), explain)));
    }

    private static final String WEB_6 = """
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 6}}
            """;

    @Test
    void aCrashedWorkersPodsAreReplacedAboutFiveMinutesFiftyLaterWhereSwarmTakesSeconds() {
        String body = "until: 8m\n" + WEB_6 + "timeline:\n  - {at: 30s, crash: worker-2}\n";
        Sim swarm = run("crash", body, Strategy.SWARM, Set.of());
        Sim kube = run("crash", body, Strategy.KUBERNETES, Set.of());
        assertEquals(6, swarm.running("web", "1m"));
        assertEquals(4, kube.running("web", "1m"));
        assertEquals(4, kube.running("web", "6m"), "5m30s after the crash: still within grace period + toleration");
        assertEquals(6, kube.running("web", "7m"));
        assertEquals(0, kube.at("7m").runningPerNode("web").getOrDefault("worker-2", 0));

        // the node's last lease renewal is at most 10s before the crash and is noticed within 5s;
        // Unknown after 50s more, at a 5s pass; then 300s of toleration
        List<Sim.At<PodEvicted>> evicted = kube.all(PodEvicted.class, e -> true);
        assertEquals(2, evicted.size());
        long after = evicted.get(0).time() - t("30s");
        assertTrue(after > t("5m45s") && after <= t("6m"), "evicted " + after / S + "s after the crash");
        assertEquals(evicted.get(0).time(), evicted.get(1).time());
        assertEquals(2, kube.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() == evicted.get(0).time()).count(), "replaced at the eviction");
        assertEquals(6, kube.maxRunning("web", 0, t("8m")), "a dead node's pods do not run twice");
        // the evicted pods stay Terminating while their node is down
        for (TaskView pod : kube.at("8m").allTasks()) {
            if (pod.node().orElse("").equals("worker-2")) {
                assertEquals(TaskState.SHUTDOWN, pod.desired());
                assertEquals(TaskState.RUNNING, pod.believed());
            }
        }
    }

    @Test
    void theScenariosGracePeriodAndTolerationSecondsShortenTheWait() {
        Sim sim = kubernetes("short", """
                until: 3m
                kubernetes: {node_monitor_grace_period: 20s, default_toleration_seconds: 10}
                """ + WEB_6 + "timeline:\n  - {at: 30s, crash: worker-2}\n");
        long evicted = sim.all(PodEvicted.class, e -> true).get(0).time() - t("30s");
        // at most 10s + 5s of lease and pass, 20s of grace, a pass, 10s of toleration
        assertTrue(evicted > t("25s") && evicted <= t("45s"), "evicted " + evicted / S + "s after the crash");
        assertEquals(6, sim.running("web", "1m30s"));
    }

    @Test
    void aPartitionedNodesPodsKeepRunningBesideTheirReplacementsUntilItIsBack() {
        Sim sim = kubernetes("split", "until: 9m\n" + WEB_6 + """
                timeline:
                  - {at: 30s, partition: [[worker-2]]}
                  - {at: 7m, heal: all}
                """);
        assertEquals(6, sim.running("web", "6m"));
        assertEquals(8, sim.running("web", "6m50s"), "two replacements and the two pods they replace");
        assertEquals(6, sim.running("web", "8m"));
        assertEquals(0, sim.at("8m").runningPerNode("web").getOrDefault("worker-2", 0));
        List<Sim.At<TaskStateChanged>> stopped = sim.all(TaskStateChanged.class,
                e -> "worker-2".equals(e.node()) && e.state() == TaskState.SHUTDOWN);
        assertEquals(2, stopped.size());
        assertTrue(stopped.get(0).time() > t("7m") && stopped.get(0).time() <= t("7m10s"),
                "its kubelet stops them at its first status post after the heal");
    }

    @Test
    void aRebootedNodeRunsItsPodsAgainInPlaceIfItIsBackBeforeEviction() {
        Sim sim = kubernetes("reboot", "until: 4m\n" + WEB_6 + """
                timeline:
                  - {at: 30s, crash: worker-2}
                  - {at: 2m, restart: worker-2}
                """);
        assertEquals(6, sim.all(TaskCreated.class, e -> true).size(), "no pod was replaced");
        assertEquals(Map.of("worker-1", 2, "worker-2", 2, "worker-3", 2), sim.at("3m").runningPerNode("web"));
    }

    @Test
    void aKilledContainerRestartsInPlaceAfterCrashLoopBackOff() {
        Sim sim = kubernetes("kill", "until: 2m\n" + WEB_6 + """
                timeline:
                  - {at: 30s, kill_task: web.2}
                  - {at: 40s, kill_task: web.2}
                  - {at: 1m, kill_task: web.2}
                """);
        assertEquals(6, sim.all(TaskCreated.class, e -> true).size(), "the pod is never replaced");
        String pod = sim.created("web.2").get(0).event().task();
        String node = sim.at("20s").task(pod).orElseThrow().node().orElseThrow();
        List<Long> restarts = sim.all(TaskStateChanged.class, e -> e.task().equals(pod) && e.state() == TaskState.STARTING)
                .stream().map(Sim.At::time).toList();
        // first start, then: at once, 10s after the second exit, 20s after the third
        assertEquals(List.of(t("30s"), t("50s"), t("1m20s")), restarts.subList(1, 4));
        assertEquals(List.of(10 * S, 20 * S), sim.all(ContainerBackOff.class, e -> true).stream()
                .map(b -> b.event().backOffNanos()).toList());
        assertTrue(sim.all(TaskStateChanged.class, e -> e.task().equals(pod)).stream()
                .allMatch(e -> e.event().node() == null || e.event().node().equals(node)), "always on " + node);
        assertEquals(5, sim.running("web", "1m10s"));
        assertEquals(6, sim.running("web", "1m30s"));
    }

    @Test
    void aContainerWaitingForItsRestartIsNotForgottenWhenItsKubeletGetsOtherPods() {
        Sim sim = kubernetes("busy", "until: 2m\n" + WEB_6 + """
                timeline:
                  - {at: 30s, kill_task: web.2}
                  - {at: 40s, kill_task: web.2}
                  - {at: 45s, scale: {web: 12}}
                """);
        String pod = sim.created("web.2").get(0).event().task();
        assertEquals(t("50s"), sim.first(TaskStateChanged.class, t("41s"),
                e -> e.task().equals(pod) && e.state() == TaskState.STARTING).orElseThrow().time());
        assertEquals(12, sim.running("web", "1m"));
    }

    @Test
    void aDrainEvictsTheNodesPodsAtOnceAndTheyAreReplacedElsewhere() {
        Sim sim = kubernetes("drain", "until: 2m\n" + WEB_6 + "timeline:\n  - {at: 30s, drain: worker-1}\n");
        List<Sim.At<PodEvicted>> evicted = sim.all(PodEvicted.class, e -> true);
        assertEquals(2, evicted.size());
        assertTrue(evicted.stream().allMatch(e -> e.time() == t("30s") && e.event().reason().equals("Evicted")));
        assertEquals(4, sim.running("web", "30s"));
        assertEquals(Map.of("worker-2", 3, "worker-3", 3), sim.at("1m").runningPerNode("web"));
    }

    @Test
    void anUnschedulablePodSaysWhyInKubeSchedulersWordsAndIsScheduledWhenRoomAppears() {
        Sim sim = Sim.run("tight", """
                scenario: tight
                strategy: kubernetes
                until: 2m
                nodes:
                  - {name: manager-1, role: manager, availability: drain, resources: {cpus: 4, memory: 8GiB}}
                  - {name: worker, count: 3, resources: {cpus: 4, memory: 8GiB}}
                services:
                  big: {image: "big:1", deploy: {replicas: 4, resources: {reservations: {cpus: "3"}}}}
                timeline:
                  - {at: 50s, activate: manager-1}
                """);
        String message = "0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient cpu. preemption: "
                + "0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.";
        assertEquals(1, sim.at("20s").pending("big").size());
        assertEquals(message, sim.at("20s").pending("big").get(0).error().orElseThrow());
        assertEquals(List.of(message), sim.all(TaskUnplaced.class, e -> true).stream().map(u -> u.event().error()).distinct().toList());
        // uncordoning the control-plane node lets the last pod run there
        assertEquals(0, sim.at("1m").pending("big").size());
        assertEquals(4, sim.running("big", "1m"));
        assertEquals(1, sim.at("1m").runningPerNode("big").get("manager-1"));
    }

    /** What a kubelet may do: run only pods bound to its node, and nothing while its node is down. */
    @Test
    void kubeletsRunOnlyTheirOwnPodsAndNothingWhileTheirNodeIsDown() {
        Sim sim = Sim.of(ScenarioRunner.run(ExamplesTest.load(Path.of("examples/kubernetes-node-failure.yaml")),
                RunOptions.DEFAULT));
        Map<String, String> boundTo = new HashMap<>();
        Set<String> down = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (LoggedEvent logged : sim.run.log().events()) {
            if (logged.event() instanceof TaskStateChanged e && e.node() != null) {
                if (e.state() == TaskState.ASSIGNED) {
                    boundTo.put(e.task(), e.node());
                } else if (!e.node().equals(boundTo.get(e.task()))) {
                    wrong.add(e.task() + " " + e.state() + " on " + e.node() + ", bound to " + boundTo.get(e.task()));
                } else if (down.contains(e.node()) && !e.message().equals("node crashed")) {
                    wrong.add(e.task() + " " + e.state() + " on " + e.node() + " while it is down");
                }
            } else if (logged.event() instanceof NodeCrashed e) {
                down.add(e.node());
            } else if (logged.event() instanceof NodeBooted e) {
                down.remove(e.node());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void explanationsCarryEachPluginsScoreBeforeWeightAndTheWeightedTotal() {
        Sim sim = run("explain", "until: 30s\n" + WEB_6, Strategy.KUBERNETES, Set.of("web.4"));
        TaskExplained explained = sim.all(TaskExplained.class, e -> true).get(0).event();
        Map<String, Long> weights = Map.of("TaintToleration", 3L, "NodeAffinity", 2L, "PodTopologySpread", 2L,
                "InterPodAffinity", 2L, "NodeResourcesFit", 1L, "NodeResourcesBalancedAllocation", 1L, "ImageLocality", 1L);
        assertEquals("manager-1", explained.nodes().get(0).node());
        assertEquals("node(s) were unschedulable", explained.nodes().get(0).reason());
        for (TaskExplained.Verdict v : explained.nodes().subList(1, 4)) {
            assertTrue(v.feasible());
            long total = v.scores().entrySet().stream().mapToLong(e -> weights.get(e.getKey()) * e.getValue()).sum();
            assertEquals(total, v.total(), v.node());
        }
    }

    /**
     * An update applies to the service as the manager knows it: a deploy it rejected changed nothing.
     * A file with such a deploy is refused when it is loaded, so the deploy is added in code here, to
     * reach the control plane's own refusal.
     */
    @Test
    void anUpdateAfterARejectedDeployKeepsTheAcceptedSpec() {
        Scenario base = parse("rejected-then-update", """
                strategy: kubernetes
                until: 2m
                services:
                  agent: {image: "agent:1", deploy: {mode: global, placement: {constraints: ["node.role == worker"]}}}
                timeline:
                  - {at: 1m, update: {service: agent, image: "agent:3"}}
                """);
        ServiceSpec replicated = parse("replicated", "services:\n  agent: {image: \"agent:2\", deploy: {replicas: 4}}\n")
                .services().get(0);
        List<TimelineItem> timeline = new ArrayList<>();
        timeline.add(new TimelineItem(t("30s"), new Action.Deploy(List.of(replicated), List.of(), new TreeMap<>()), SourcePos.START));
        timeline.addAll(base.timeline());
        Scenario scenario = new Scenario(base.file(), base.name(), base.description(), base.seed(), base.strategy(), base.until(),
                base.swarm(), base.kubernetes(), base.networkProfile(), base.nodes(), base.networks(), base.volumes(), base.services(),
                base.statefulsets(), base.storageClasses(), base.images(), base.pods(), base.traffic(), timeline,
                base.expectations(), base.kubernetesProblems(), base.swarmProblems());
        Sim sim = Sim.of(ScenarioRunner.run(scenario, RunOptions.DEFAULT));
        assertEquals(Map.of("worker-1", 1, "worker-2", 1, "worker-3", 1), sim.at("2m").runningPerNode("agent"));
        assertEquals(3, sim.all(TaskCreated.class, e -> e.service().equals("agent") && e.image().equals("agent:3")).size());
    }

    private static Scenario parse(String name, String body) {
        return new ScenarioParser().parse(name + ".yaml", "scenario: " + name + "\nseed: 3\n" + CLUSTER + body)
                .scenario().orElseThrow();
    }
}
