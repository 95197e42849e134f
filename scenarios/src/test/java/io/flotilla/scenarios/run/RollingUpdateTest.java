package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.S;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code update} timeline action, ported from swarmkit's
 * {@code manager/orchestrator/update/updater_test.go} and
 * {@code manager/orchestrator/replicated/update_test.go}: {@code parallelism} slots at a time,
 * {@code delay} between them, stop-first against start-first, and what a failing new image does
 * with each {@code failure_action}.
 */
class RollingUpdateTest {

    private static Sim run(String services, String timeline) {
        return Sim.run("update", """
                scenario: update
                until: 3m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 4}
                images:
                  "app:2": {size: 500MB, start: 1s}
                  "bad:2": {size: 100MB, start: 1s, crash_after: 3s}
                services:
                %s
                timeline:
                %s""".formatted(services, timeline));
    }

    /**
     * Port of {@code TestUpdater}: every slot ends up with the new image. Stop-first with
     * parallelism 2: two old tasks are shut down at once, so the service never runs fewer than
     * replicas - parallelism, and the next pair starts {@code delay} after the first pair runs.
     */
    @Test
    void stopFirstUpdatesParallelismSlotsAtATimeAndNeverDropsBelowReplicasMinusParallelism() {
        Sim sim = run("""
                  web: {image: "app:1", deploy: {replicas: 4, update_config: {parallelism: 2, delay: 10s, order: stop-first}}}
                """, "  - {at: 30s, update: {service: web, image: \"app:2\"}}\n");
        assertEquals("update in progress", sim.expect(UpdateStatusChanged.class, 0, e -> true, "status").event().message());
        List<Sim.At<TaskCreated>> updated = sim.all(TaskCreated.class, e -> e.image().equals("app:2"));
        assertEquals(4, updated.size(), "one new task per slot");
        assertEquals(t("30s"), updated.get(0).time());
        assertEquals(t("30s"), updated.get(1).time());
        long firstPairRunning = Math.max(sim.reached(updated.get(0).event().task(), TaskState.RUNNING).orElseThrow(),
                sim.reached(updated.get(1).event().task(), TaskState.RUNNING).orElseThrow());
        assertEquals(t("30s") + 50 * Sim.MS + 6 * S, firstPairRunning, "scheduled, 5s to pull 500MB, 1s to start");
        assertEquals(firstPairRunning + 10 * S, updated.get(2).time(), "the delay runs after the slot is running");

        long done = sim.expect(UpdateStatusChanged.class, 0, e -> e.state().equals("completed"), "completed").time();
        assertEquals(2, sim.minRunning("web", t("30s"), done));
        assertEquals(4, sim.maxRunning("web", t("30s"), done));
        ClusterView end = sim.at("3m");
        assertEquals(4, end.running("web").size());
        assertEquals(Set.of("app:2"), end.running("web").stream().map(task -> task.image).collect(Collectors.toSet()));
        ServiceChanged change = sim.expect(ServiceChanged.class, 0, e -> e.change().equals("update"), "update").event();
        assertEquals(2, change.version());
    }

    /**
     * Port of {@code TestUpdaterOrder}: with start-first the new task starts beside the old one,
     * which is shut down only when the new one runs; the service never runs fewer than its replicas.
     */
    @Test
    void startFirstNeverRunsFewerThanReplicas() {
        Sim sim = run("""
                  api: {image: "app:1", deploy: {replicas: 3, update_config: {parallelism: 1, delay: 5s, order: start-first}}}
                """, "  - {at: 30s, update: {service: api, image: \"app:2\"}}\n");
        long done = sim.expect(UpdateStatusChanged.class, 0, e -> e.state().equals("completed"), "completed").time();
        assertEquals(3, sim.minRunning("api", t("10s"), t("3m")));
        assertEquals(4, sim.maxRunning("api", t("30s"), done));
        for (Sim.At<TaskCreated> created : sim.all(TaskCreated.class, e -> e.image().equals("app:2"))) {
            String slot = created.event().name();
            String old = sim.created(slot).get(0).event().task();
            long newRunning = sim.reached(created.event().task(), TaskState.RUNNING).orElseThrow();
            assertEquals(newRunning, sim.desired(old, TaskState.SHUTDOWN).orElseThrow(), slot + " old stops when new runs");
            assertEquals(TaskState.RUNNING, created.event().desired(), "started at once, not held at READY");
        }
    }

    /**
     * Port of {@code TestUpdaterFailureAction} (PAUSE): the first new task fails within the
     * monitor period, the update pauses, and the other slots keep the old image.
     */
    @Test
    void failureActionPausePausesAfterTheFirstFailure() {
        Sim sim = run("""
                  pay: {image: "pay:1", deploy: {replicas: 3, update_config: {parallelism: 1, delay: 5s, monitor: 10s, failure_action: pause}}}
                """, "  - {at: 30s, update: {service: pay, image: \"bad:2\"}}\n");
        Sim.At<UpdateStatusChanged> paused = sim.expect(UpdateStatusChanged.class, 0,
                e -> e.state().equals("paused"), "paused");
        String firstNew = sim.all(TaskCreated.class, e -> e.image().equals("bad:2")).get(0).event().task();
        assertEquals("update paused due to failure or early termination of task " + firstNew, paused.event().message());
        assertEquals(sim.reached(firstNew, TaskState.FAILED).orElseThrow(), paused.time());
        Set<String> slotsWithNewImage = sim.all(TaskCreated.class, e -> e.image().equals("bad:2")).stream()
                .map(c -> c.event().name()).collect(Collectors.toSet());
        assertEquals(1, slotsWithNewImage.size(), "only the first slot was updated (its restarts keep the new spec)");
        ClusterView end = sim.at("3m");
        assertEquals(2, end.running("pay").stream().filter(task -> task.image.equals("pay:1")).count());
        assertEquals(List.of(), sim.all(UpdateStatusChanged.class, e -> e.state().equals("completed")));
    }

    /** Port of {@code TestUpdaterFailureAction} (CONTINUE): failures are counted but every slot is updated. */
    @Test
    void failureActionContinueUpdatesEverySlotDespiteFailures() {
        Sim sim = run("""
                  pay: {image: "pay:1", deploy: {replicas: 3, update_config: {parallelism: 1, delay: 5s, monitor: 10s, failure_action: continue}}}
                """, "  - {at: 30s, update: {service: pay, image: \"bad:2\"}}\n");
        Set<String> slots = sim.all(TaskCreated.class, e -> e.image().equals("bad:2")).stream()
                .map(c -> c.event().name()).collect(Collectors.toSet());
        assertEquals(Set.of("pay.1", "pay.2", "pay.3"), slots);
        assertEquals(List.of("updating", "completed"),
                sim.all(UpdateStatusChanged.class, e -> true).stream().map(s -> s.event().state()).toList());
    }

    /**
     * Port of {@code TestUpdaterRollback}: with {@code max_failure_ratio: 0.4} over 4 slots the
     * first failure (1/4) is tolerated and the second (2/4) rolls the service back; by then three
     * tasks of the new image were started, and the rollback gives those three slots the old
     * image again, reaching {@code rollback_completed}.
     */
    @Test
    void failureActionRollbackGoesBackToThePreviousSpec() {
        Sim sim = run("""
                  pay:
                    image: "pay:1"
                    deploy:
                      replicas: 4
                      restart_policy: {condition: none}
                      update_config: {parallelism: 1, delay: 1s, monitor: 5s, max_failure_ratio: 0.4, failure_action: rollback}
                      rollback_config: {parallelism: 1, delay: 1s, monitor: 5s}
                """, "  - {at: 30s, update: {service: pay, image: \"bad:2\"}}\n");
        Sim.At<UpdateStatusChanged> rollback = sim.expect(UpdateStatusChanged.class, 0,
                e -> e.state().equals("rollback_started"), "rollback started");
        List<Sim.At<TaskCreated>> bad = sim.all(TaskCreated.class, e -> e.image().equals("bad:2"));
        assertEquals(3, bad.size());
        assertTrue(bad.stream().allMatch(c -> c.time() < rollback.time()));
        assertEquals(sim.reached(bad.get(1).event().task(), TaskState.FAILED).orElseThrow(), rollback.time(),
                "the second failure crosses the ratio");
        ServiceChanged rolledBack = sim.expect(ServiceChanged.class, 0, e -> e.change().equals("rollback"), "rollback").event();
        assertEquals("pay:1", rolledBack.image());
        assertEquals(3, rolledBack.version());
        List<Sim.At<TaskCreated>> restored = sim.all(TaskCreated.class, e -> e.image().equals("pay:1")).stream()
                .filter(c -> c.time() >= rollback.time()).toList();
        assertEquals(bad.stream().map(c -> c.event().name()).sorted().toList(),
                restored.stream().map(c -> c.event().name()).sorted().toList(), "the updated slots, and only they");
        assertEquals(1, sim.all(UpdateStatusChanged.class, e -> e.state().equals("rollback_completed")).size());
        ClusterView end = sim.at("3m");
        assertEquals(4, end.running("pay").size());
        assertTrue(end.running("pay").stream().allMatch(task -> task.image.equals("pay:1")));
    }

    /** {@code force: true} redeploys every slot although nothing in the spec changed. */
    @Test
    void forceRedeploysEveryTaskWithTheSameImage() {
        Sim sim = run("""
                  web: {image: "app:1", deploy: {replicas: 3, update_config: {parallelism: 1, delay: 0s}}}
                """, "  - {at: 30s, update: {service: web, force: true}}\n");
        List<Sim.At<TaskCreated>> redeployed = sim.all(TaskCreated.class, e -> true).stream()
                .filter(c -> c.time() >= t("30s")).toList();
        assertEquals(List.of("web.1", "web.2", "web.3"), redeployed.stream().map(c -> c.event().name()).toList());
        assertTrue(redeployed.stream().allMatch(c -> c.event().image().equals("app:1") && c.event().version() == 2));
        ClusterView end = sim.at("3m");
        assertEquals(3, end.running("web").size());
        assertTrue(end.running("web").stream().allMatch(task -> task.version == 2));
        assertEquals(2, sim.minRunning("web", t("30s"), t("3m")));
    }

    /**
     * {@code update_config} given with the update replaces the service's settings from then on
     * (fields left out keep the service's): parallelism 0 updates every slot at once.
     */
    @Test
    void updateConfigOfTheUpdateApplies() {
        Sim sim = run("""
                  web: {image: "app:1", deploy: {replicas: 3, update_config: {parallelism: 1, delay: 10s}}}
                """, "  - {at: 30s, update: {service: web, image: \"app:2\", update_config: {parallelism: 0}}}\n");
        List<Sim.At<TaskCreated>> updated = sim.all(TaskCreated.class, e -> e.image().equals("app:2"));
        assertEquals(3, updated.size());
        assertTrue(updated.stream().allMatch(c -> c.time() == t("30s")), "all at once");
        assertEquals(0, sim.minRunning("web", t("30s"), t("3m")));
        TaskView any = sim.at("3m").running("web").get(0);
        assertEquals("app:2", any.image);
    }
}
