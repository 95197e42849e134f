package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The views of a pod that waits for its image while its registry is down: kubectl's STATUS and
 * describe's container state are the kubelet's waiting reason ({@code ErrImagePull}, then {@code
 * ImagePullBackOff}) rather than {@code ContainerCreating}, and the Events table holds the image
 * manager's events and the container start's {@code Failed}, as in upstream's {@code
 * EnsureImageExists} and {@code startContainer}. The registry is down from 0s to 1m: the pulls fail
 * at 0s and 10s (each counted, though the second leaves the waiting reason as it was), the sync at
 * 20s finds the 20s back-off running, and the pull of the minute's resync at 1m20s succeeds.
 */
class ImagePullViewsTest {

    static final String OUTAGE = """
            scenario: pull-views
            strategy: kubernetes
            until: 3m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker-1}
            services:
              web: {image: "nginx:1.28"}
            timeline:
              - {at: 0s, registry_down: hub}
              - {at: 1m, registry_up: hub}
            """;

    static final String POD = "web-77f97c6956-kk2mx";

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(OUTAGE);
    }

    record Status(String name, String at, String status) {}

    static final List<Status> STATUSES = List.of(
            new Status("the first pull failed", "5s", "ErrImagePull"),
            new Status("the second pull failed, and the next sync is 10s after it", "15s", "ErrImagePull"),
            new Status("the sync at 20s finds the pull held back", "25s", "ImagePullBackOff"),
            new Status("the registry is up, but the back-off's resync is not due", "1m10s", "ImagePullBackOff"),
            new Status("pulled at the resync, then started", "1m30s", "Running"));

    @Test
    void kubectlShowsTheWaitingReasonAsTheStatus() {
        for (Status c : STATUSES) {
            RunMoment m = Runs.at(run, c.at());
            assertEquals(c.status(), KubernetesApi.status(m, KubernetesApi.pod(m, POD).orElseThrow()), c.name());
        }
    }

    @Test
    void describeShowsTheWaitingContainerAndTheKubeletsEvents() {
        RunMoment m = Runs.at(run, "25s");
        String text = PodDescription.render(m, KubernetesApi.pod(m, POD).orElseThrow());
        assertEquals("""
                    State:          Waiting
                      Reason:       ImagePullBackOff
                    Ready:          False
                """, text.lines().filter(l -> l.startsWith("    State:") || l.startsWith("      Reason:")
                        || l.startsWith("    Ready:")).map(l -> l + "\n").reduce("", String::concat));
        assertEquals("""
                Events:
                  Type     Reason     Age                From               Message
                  ----     ------     ----               ----               -------
                  Normal   Scheduled  25s                default-scheduler  Successfully assigned default/web-77f97c6956-kk2mx to worker-1
                  Normal   Pulling    15s (x2 over 25s)  kubelet            Pulling image "nginx:1.28"
                  Warning  Failed     15s (x2 over 25s)  kubelet            Failed to pull image "nginx:1.28": failed to pull image "nginx:1.28": registry hub is down
                  Warning  Failed     15s (x2 over 25s)  kubelet            Error: ErrImagePull
                  Normal   BackOff    5s                 kubelet            Back-off pulling image "nginx:1.28"
                  Warning  Failed     5s                 kubelet            Error: ImagePullBackOff
                """, text.substring(text.indexOf("Events:")));
    }

    /**
     * A registry 100ms away at 100MB/s, down from 0s to 1m, and a 70MB image: the first pull is cut
     * at 0s, the second asked at 10s fails at 10.1s, and the resync's pull asked at 1m20.1s takes
     * 800ms. Each Pulling is dated when its pull was asked for, so the last one is the newest; Pulled
     * says what the pull that brought the image took, not the wait since the first.
     */
    @Test
    void thePulledEventTellsThePullThatBroughtTheImage() {
        RunResult slow = Runs.run("""
                scenario: pull-views
                strategy: kubernetes
                until: 2m
                registries:
                  hub: {bandwidth: 100MB/s, latency: 100ms}
                images:
                  "nginx:1.28": {size: 70MB}
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1}
                services:
                  web: {image: "nginx:1.28"}
                timeline:
                  - {at: 0s, registry_down: hub}
                  - {at: 1m, registry_up: hub}
                """);
        RunMoment m = Runs.at(slow, "1m30s");
        String text = PodDescription.render(m, KubernetesApi.pod(m, POD).orElseThrow());
        assertEquals("""
                Events:
                  Type     Reason     Age                From               Message
                  ----     ------     ----               ----               -------
                  Normal   Scheduled  90s                default-scheduler  Successfully assigned default/web-77f97c6956-kk2mx to worker-1
                  Warning  Failed     79s (x2 over 90s)  kubelet            Failed to pull image "nginx:1.28": failed to pull image "nginx:1.28": registry hub is down
                  Warning  Failed     79s (x2 over 90s)  kubelet            Error: ErrImagePull
                  Normal   BackOff    69s                kubelet            Back-off pulling image "nginx:1.28"
                  Warning  Failed     69s                kubelet            Error: ImagePullBackOff
                  Normal   Pulling    9s (x3 over 90s)   kubelet            Pulling image "nginx:1.28"
                  Normal   Pulled     9s                 kubelet            Successfully pulled image "nginx:1.28" in 800ms (800ms including waiting). Image size: 73400320 bytes.
                  Normal   Created    9s                 kubelet            Created container: web
                  Normal   Started    8s                 kubelet            Started container web
                """, text.substring(text.indexOf("Events:")));
    }

    /**
     * vfs copies the image into the container once it is pulled (200MB at 200MB/s: 1s): the pull of
     * 2s ends, and is reported, before the copy, which is the container's creation.
     */
    @Test
    void aPullDoesNotCountTheContainersCreation() {
        RunResult vfs = Runs.run("""
                scenario: pull-views
                strategy: kubernetes
                until: 30s
                registries:
                  hub: {bandwidth: 100MB/s}
                images:
                  "shop/api:2": {size: 200MB}
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1, storage_driver: vfs}
                services:
                  api: {image: "shop/api:2"}
                """);
        RunMoment m = Runs.at(vfs, "30s");
        String text = PodDescription.render(m, KubernetesApi.pod(m, "api-6d7cd5d4d6-kk2mx").orElseThrow());
        assertEquals("""
                  Normal  Pulling    30s   kubelet            Pulling image "shop/api:2"
                  Normal  Pulled     28s   kubelet            Successfully pulled image "shop/api:2" in 2s (2s including waiting). Image size: 209715200 bytes.
                  Normal  Created    27s   kubelet            Created container: api
                """, text.lines().filter(l -> l.contains("kubelet") && !l.contains("Started")).map(l -> l + "\n")
                        .reduce("", String::concat));
    }

    /**
     * A {@code :latest} container (imagePullPolicy Always) that exits while its registry is down: the
     * kubelet's restart in place asks for the image first, and waits without it; the exited
     * container is describe's last state.
     */
    @Test
    void aRestartInPlaceWaitsForItsImage() {
        RunResult latest = Runs.run("""
                scenario: pull-views
                strategy: kubernetes
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker-1}
                images:
                  "pay:latest": {crash_after: 10s}
                services:
                  pay: {image: "pay:latest"}
                timeline:
                  - {at: 5s, registry_down: hub}
                """);
        RunMoment m = Runs.at(latest, "30s");
        assertEquals("""
                NAME                   READY   STATUS         RESTARTS   AGE
                pay-6576bb8ffb-kk2mx   0/1     ErrImagePull   0          30s
                """, PodTable.render(m, false));
        String text = PodDescription.render(m, KubernetesApi.pod(m, "pay-6576bb8ffb-kk2mx").orElseThrow());
        assertEquals("""
                    State:          Waiting
                      Reason:       ErrImagePull
                    Last State:     Terminated
                      Reason:       Error
                      Exit Code:    1
                      Started:      Thu, 01 Jan 1970 00:00:02 +0000
                      Finished:     Thu, 01 Jan 1970 00:00:12 +0000
                    Ready:          False
                """, text.substring(text.indexOf("    State:"), text.indexOf("    Restart Count:")));
    }
}
