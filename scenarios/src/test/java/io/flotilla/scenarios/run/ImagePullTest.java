package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.MS;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ImagePullFailed;
import io.flotilla.sim.events.ImagePullStarted;
import io.flotilla.sim.events.ImagePulled;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pulls under the swarm strategy, at exact virtual times: a node fetches only the layers it lacks,
 * at the slower of the registry's and its own bandwidth after the registry's latency, and waits for
 * a layer another pull is fetching (moby's {@code distribution/xfer} transfer manager). A pull from
 * a registry that is down fails: the agent rejects the task with the engine's {@code No such image}
 * (moby's {@code daemon/cluster/executor/container/controller.go} {@code Prepare}, up to Docker
 * 29.6), unless the node has the image, which it then runs; the restart supervisor replaces a
 * rejected replacement only once its own restart delay is over (swarmkit's
 * {@code orchestrator/restart/restart.go} {@code Restart}: "to avoid tight restart loops (for
 * example, when the image doesn't exist)").
 */
class ImagePullTest {

    private static final long MB = 1024 * 1024;

    private static final String WORKER = """
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker-1}
            """;

    private static final String LAYERED = """
            registries:
              hub: {bandwidth: 50MB/s, latency: 100ms}
            images:
              base: {layers: [{digest: debian, size: 50MB}]}
              "api:1": {from: base, layers: [{digest: api-1, size: 20MB}]}
              "api:2": {from: base, layers: [{digest: api-2, size: 10MB}]}
              "jobs:1": {from: base, layers: [{digest: jobs-1, size: 30MB}]}
            """;

    @Test
    void aNodeFetchesOnlyTheLayersItLacks() {
        Sim sim = Sim.run("layers", "scenario: layers\nuntil: 1m\n" + WORKER + LAYERED + """
                services:
                  api: {image: "api:1"}
                timeline:
                  - {at: 30s, update: {service: api, image: "api:2"}}
                """);
        List<Sim.At<ImagePullStarted>> pulls = sim.all(ImagePullStarted.class, e -> true);
        assertEquals(2, pulls.size());
        ImagePullStarted first = pulls.get(0).event();
        assertEquals(List.of(2, 0, 70 * MB), List.of(first.layers(), first.present(), first.fetchBytes()));
        assertEquals(t("50ms"), pulls.get(0).time(), "assigned after the scheduler's 50ms debounce");
        // 70MB at hub's 50MB/s (slower than the node's 100MB/s), after 100ms of latency.
        Sim.At<ImagePulled> pulled = sim.expect(ImagePulled.class, 0, e -> e.image().equals("api:1"), "api:1 pulled");
        assertEquals(t("1.55s"), pulled.time());
        assertEquals(1500 * MS, pulled.event().tookNanos());

        ImagePullStarted second = pulls.get(1).event();
        assertEquals("api:2", second.image());
        assertEquals(List.of(2, 1, 10 * MB), List.of(second.layers(), second.present(), second.fetchBytes()), "debian is there");
        assertEquals(List.of("api-2"), second.fetched());
        Sim.At<ImagePulled> update = sim.expect(ImagePulled.class, 0, e -> e.image().equals("api:2"), "api:2 pulled");
        assertEquals(pulls.get(1).time() + 300 * MS, update.time(), "10MB at 50MB/s and the latency");
    }

    @Test
    void aLayerOnItsWayIsWaitedForNotFetchedAgain() {
        Sim sim = Sim.run("shared", "scenario: shared\nuntil: 30s\n" + WORKER + LAYERED + """
                services:
                  api: {image: "api:1"}
                  jobs: {image: "jobs:1"}
                """);
        ImagePullStarted jobs = sim.expect(ImagePullStarted.class, 0, e -> e.image().equals("jobs:1"), "jobs pull").event();
        assertEquals(List.of(0, 1, 30 * MB), List.of(jobs.present(), jobs.waiting(), jobs.fetchBytes()));
        // Its own 30MB would take 700ms; it ends with the pull that brings debian.
        assertEquals(t("1.55s"), sim.expect(ImagePulled.class, 0, e -> e.image().equals("jobs:1"), "jobs pulled").time());
        assertEquals(t("1.55s"), sim.expect(ImagePulled.class, 0, e -> e.image().equals("api:1"), "api pulled").time());
        assertEquals(2, sim.running("jobs", "3s") + sim.running("api", "3s"));
    }

    @Test
    void anImageGivenByItsSizeIsOneLayerAtTheSlowerBandwidth() {
        Sim sim = Sim.run("sized", "scenario: sized\nuntil: 30s\n" + WORKER + """
                registries:
                  hub: {bandwidth: 10MB/s}
                images:
                  "nginx:1.28": {size: 100MB}
                services:
                  web: {image: "nginx:1.28"}
                """);
        String web = sim.created("web.1").get(0).event().task();
        assertEquals(t("10.05s"), sim.reached(web, TaskState.READY).orElseThrow(), "100MB at the registry's 10MB/s");
        assertEquals(List.of(), sim.all(ImagePullStarted.class, e -> true), "one blob: no pull lines of its own");
    }

    /** The rejected task's slot gets a new task every restart delay (5s) while the registry is down, then runs. */
    @Test
    void aTaskWhoseImageCannotBePulledIsRejectedAndReplacedAfterTheRestartDelay() {
        Sim sim = Sim.run("down", "scenario: down\nuntil: 40s\n" + WORKER + """
                services:
                  web: {image: "nginx:1.28"}
                timeline:
                  - {at: 0s, registry_down: hub}
                  - {at: 12s, registry_up: hub}
                """);
        List<Sim.At<TaskCreated>> slot = sim.created("web.1");
        assertEquals(List.of(0L, t("50ms"), t("5.05s"), t("10.05s"), t("15.05s")), slot.stream().map(Sim.At::time).toList());
        for (int i = 0; i < 4; i++) {
            String id = slot.get(i).event().task();
            TaskStateChanged rejected = sim.expect(TaskStateChanged.class, 0,
                    e -> e.task().equals(id) && e.state() == TaskState.REJECTED, id + " rejected").event();
            assertEquals("No such image: nginx:1.28", rejected.error());
            assertEquals("preparing", rejected.message());
        }
        assertEquals(t("100ms"), sim.reached(slot.get(1).event().task(), TaskState.REJECTED).orElseThrow(),
                "the replacement is prepared, and rejected, at once");
        assertEquals(t("5.05s"), sim.desired(slot.get(1).event().task(), TaskState.SHUTDOWN).orElseThrow(),
                "its own replacement waits for its restart delay");
        String last = slot.get(4).event().task();
        assertEquals(t("16.1s"), sim.reached(last, TaskState.READY).orElseThrow(), "pulled in 1s once hub is up");
        assertEquals(t("21.05s"), sim.reached(last, TaskState.RUNNING).orElseThrow());
        assertEquals("No such image: nginx:1.28", sim.at("11s").newest("web.1").orElseThrow().error().orElseThrow());
    }

    @Test
    void aTaggedImageIsPulledAgainAndTheNodeRunsTheImageItHasWhenThePullFails() {
        Sim sim = Sim.run("always", "scenario: always\nuntil: 40s\n" + WORKER + """
                registries:
                  hub: {latency: 200ms}
                services:
                  web: {image: "nginx:1.28", pull_policy: always}
                timeline:
                  - {at: 10s, registry_down: hub}
                  - {at: 20s, kill_task: web.1}
                """);
        Sim.At<ImagePullFailed> failed = sim.expect(ImagePullFailed.class, 0, e -> true, "the pull fails");
        assertEquals(t("20.25s"), failed.time(), "assigned at 20.05s, the failure known after the latency");
        assertTrue(failed.event().usingLocal());
        String replacement = sim.created("web.1").get(1).event().task();
        assertEquals(t("20.25s"), sim.reached(replacement, TaskState.READY).orElseThrow());
        assertEquals(t("26s"), sim.reached(replacement, TaskState.RUNNING).orElseThrow(), "after the 5s restart delay");
        assertEquals(List.of(), sim.all(TaskStateChanged.class, e -> e.state() == TaskState.REJECTED));
    }

    /** {@code always}: the image is on the node, but its tag is pulled again; the manifest check costs the latency. */
    @Test
    void alwaysPullsAnImageTheNodeHasAtTheCostOfTheLatency() {
        String yaml = "scenario: again\nuntil: 40s\n" + WORKER + """
                registries:
                  hub: {latency: 200ms}
                services:
                  web: {image: "nginx:1.28"%s}
                timeline:
                  - {at: 20s, kill_task: web.1}
                """;
        Sim missing = Sim.run("missing", yaml.formatted(""));
        Sim always = Sim.run("always", yaml.formatted(", pull_policy: always"));
        String first = missing.created("web.1").get(0).event().task();
        assertEquals(t("1.25s"), missing.reached(first, TaskState.READY).orElseThrow(), "200ms, then 100MB at 100MB/s");
        assertEquals(t("1.25s"), always.reached(first, TaskState.READY).orElseThrow());
        // The replacement lands on worker-1 again, where the image is.
        assertEquals(t("20.05s"), missing.reached(missing.created("web.1").get(1).event().task(), TaskState.READY).orElseThrow());
        assertEquals(t("20.25s"), always.reached(always.created("web.1").get(1).event().task(), TaskState.READY).orElseThrow());
    }

    @Test
    void pullPolicyNeverRejectsATaskWhoseImageIsNotThere() {
        Sim sim = Sim.run("never", "scenario: never\nuntil: 20s\n" + WORKER + """
                services:
                  web: {image: nginx, pull_policy: never}
                """);
        String first = sim.created("web.1").get(0).event().task();
        TaskStateChanged rejected = sim.expect(TaskStateChanged.class, 0,
                e -> e.task().equals(first) && e.state() == TaskState.REJECTED, "rejected").event();
        assertEquals("No such image: nginx:latest", rejected.error(), "the engine names an untagged image :latest");
        assertEquals(t("50ms"), sim.reached(first, TaskState.REJECTED).orElseThrow());
        assertEquals(0, sim.running("web", "20s"));
    }
}
