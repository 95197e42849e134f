package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.view.ClusterView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code deploy} timeline action, as {@code docker stack deploy}: a new service is created
 * at its time (port of swarmkit's {@code TestReplicatedOrchestrator}, second service); a service
 * of the same name gets the new spec, which a rolling update rolls out. Global services deployed
 * this way are in {@link GlobalServiceTest}.
 */
class DeployTest {

    @Test
    void deployCreatesANewServiceAtItsTime() {
        Sim sim = Sim.run("deploy", """
                scenario: deploy
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                  web: {image: "nginx:1.27", deploy: {replicas: 2}}
                timeline:
                  - at: 30s
                    deploy:
                      services:
                        api: {image: "api:1", deploy: {replicas: 2}}
                """);
        Sim.At<ServiceChanged> created = sim.expect(ServiceChanged.class, 0,
                e -> e.service().equals("api"), "api created");
        assertEquals(t("30s"), created.time());
        assertEquals("create", created.event().change());
        List<Sim.At<TaskCreated>> tasks = sim.all(TaskCreated.class, e -> e.service().equals("api"));
        assertEquals(List.of("api.1", "api.2"), tasks.stream().map(c -> c.event().name()).toList());
        assertTrue(tasks.stream().allMatch(c -> c.time() == t("30s")));
        // Scheduled at the next pass (50ms), 1s to pull 100MB, 1s to start.
        assertEquals(t("30s") + 50 * Sim.MS + 2 * S, sim.reached(tasks.get(0).event().task(), TaskState.RUNNING).orElseThrow());
        assertEquals(0, sim.running("api", "30s"));
        assertEquals(Map.of("worker-1", 1, "worker-2", 1), sim.at("1m").runningPerNode("api"));
        assertEquals(2, sim.minRunning("web", t("10s"), t("1m")), "the other service is left alone");
    }

    @Test
    void deployOfAnExistingServiceRollsOutItsNewSpec() {
        Sim sim = Sim.run("redeploy", """
                scenario: redeploy
                until: 2m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 3}
                services:
                  web: {image: "app:1", deploy: {replicas: 2, update_config: {parallelism: 1, delay: 5s}}}
                timeline:
                  - at: 30s
                    deploy:
                      services:
                        web: {image: "app:2", deploy: {replicas: 3, update_config: {parallelism: 1, delay: 5s}}}
                """);
        ServiceChanged update = sim.expect(ServiceChanged.class, t("30s"), e -> e.service().equals("web"), "web").event();
        assertEquals("update", update.change());
        assertEquals(2, update.version());
        assertEquals(3, update.replicas());
        assertEquals("app:2", update.image());
        ClusterView end = sim.at("2m");
        assertEquals(3, end.running("web").size());
        assertEquals(Set.of("app:2"), end.running("web").stream().map(task -> task.image).collect(Collectors.toSet()));
        assertEquals(Set.of("web.1", "web.2", "web.3"), end.running("web").stream().map(task -> task.name).collect(Collectors.toSet()));
        assertEquals(1, sim.created("web.3").size(), "the new slot starts with the new spec");
        assertEquals(1, sim.minRunning("web", t("30s"), t("2m")), "stop-first, one slot at a time");
    }
}
