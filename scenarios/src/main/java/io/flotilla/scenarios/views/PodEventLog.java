package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.TaskWaiting;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events Kubernetes' components record about each pod, derived from the run's log as they
 * would have recorded them, with their real reasons, sources and messages: the scheduler's
 * {@code Scheduled} and {@code FailedScheduling}; the kubelet's {@code Pulling}, {@code Pulled},
 * {@code Created}, {@code Started}, {@code Killing}, {@code BackOff}, {@code Unhealthy}, and for an
 * image it cannot get {@code Failed} and {@code ErrImageNeverPull}; the
 * taint eviction controller's {@code TaintManagerEviction}; the scheduler's {@code Preempted}; the
 * node lifecycle controller's {@code NodeNotReady}. Repeats of one event (same type, reason,
 * source and message) are counted into it, as client-go's event correlator does.
 *
 * <p>The container is named after the service. A drain's eviction records no event (the eviction
 * API records none); the kubelet's {@code Killing} follows it. The image events follow the run's
 * changes of a container's waiting reason, and every failed pull of the pod's image on its node
 * while it waits in {@code ErrImagePull} (a pull failing as the last one did changes no waiting
 * reason). Each pull's {@code Pulling} is dated when it was asked for, and {@code Pulled} says what
 * the pull that brought the image took, as {@link ImagePulls} tells them.
 */
final class PodEventLog {

    static final String SCHEDULER = "default-scheduler";
    static final String KUBELET = "kubelet";
    static final String TAINT_EVICTION = "taint-eviction-controller";
    static final String NODE_CONTROLLER = "node-controller";

    private final Scenario scenario;
    private final DisplayIds ids;
    private final Map<String, List<KubeEvent>> events = new HashMap<>();
    private final Map<String, TaskState> lastTruth = new HashMap<>();
    /**
     * Pods whose exited container the runtime starts again for an operator, until it runs or ends:
     * the kubelet makes no container and records no {@code Pulled}, {@code Created} nor {@code Started}
     * (it records them in {@code startContainer}, for the containers it creates).
     */
    private final Set<String> startedByOperator = new HashSet<>();

    private final ImagePulls pulls;

    PodEventLog(Scenario scenario, DisplayIds ids, ImagePulls pulls) {
        this.scenario = scenario;
        this.ids = ids;
        this.pulls = pulls;
    }

    void unplaced(TaskUnplaced e, long time) {
        record(e.task(), time, KubeEvent.WARNING, "FailedScheduling", SCHEDULER, e.error());
    }

    void truth(TaskStateChanged e, TaskRecord pod, long time) {
        TaskState before = lastTruth.getOrDefault(e.task(), TaskState.NEW);
        lastTruth.put(e.task(), e.state());
        String container = pod.service();
        String image = pod.image();
        switch (e.state()) {
            case ASSIGNED -> record(e.task(), time, KubeEvent.NORMAL, "Scheduled", SCHEDULER, e.message());
            case READY -> pulls.prepared(e.task(), e.node(), image, time).ifPresent(p -> pulled(e.task(), image, p));
            case STARTING -> {
                if (startedByOperator.contains(e.task())) {
                    return;
                }
                if (before != TaskState.READY) {
                    // a restart in place: the kubelet finds the image there and creates the container again
                    record(e.task(), time, KubeEvent.NORMAL, "Pulled", KUBELET, alreadyPresent(image));
                }
                record(e.task(), time, KubeEvent.NORMAL, "Created", KUBELET, "Created container: " + container);
            }
            case RUNNING -> {
                if (!startedByOperator.remove(e.task())) {
                    record(e.task(), time, KubeEvent.NORMAL, "Started", KUBELET, "Started container " + container);
                }
            }
            case SHUTDOWN -> {
                if ("shutdown".equals(e.message())) {
                    record(e.task(), time, KubeEvent.NORMAL, "Killing", KUBELET, "Stopping container " + container);
                }
            }
            default -> { }
        }
    }

    /** An operator's {@code docker start} or {@code restart} of the pod's container, see {@link #startedByOperator}. */
    void startedByOperator(String pod) {
        startedByOperator.add(pod);
    }

    /**
     * The image manager's events for the pull that brought the pod its image, when it was asked for
     * and when it ended. Pulls are not queued (the simulated kubelet pulls in parallel), so the time
     * including waiting is the pull's own.
     */
    private void pulled(String pod, String image, ImagePulls.Pull pull) {
        if (pull.onDisk()) {
            record(pod, pull.done(), KubeEvent.NORMAL, "Pulled", KUBELET, alreadyPresent(image));
            return;
        }
        record(pod, pull.asked(), KubeEvent.NORMAL, "Pulling", KUBELET, "Pulling image \"" + image + "\"");
        String took = HumanDurations.go(pull.took());
        record(pod, pull.done(), KubeEvent.NORMAL, "Pulled", KUBELET, "Successfully pulled image \"" + image + "\" in " + took
                + " (" + took + " including waiting). Image size: " + scenario.image(image).sizeBytes() + " bytes.");
    }

    private static String alreadyPresent(String image) {
        return "Container image \"" + image + "\" already present on machine";
    }

    void backOff(ContainerBackOff e, TaskRecord pod, long time) {
        record(e.task(), time, KubeEvent.WARNING, "BackOff", KUBELET, "Back-off restarting failed container "
                + pod.service() + " in pod " + pod.id() + "_default(" + ids.uid("pod", pod.id()) + ")");
    }

    /**
     * The kubelet's container waits for its image: the image manager's events for the failed pull,
     * the held-back pull or the absent image ({@code EnsureImageExists}), then the container
     * start's {@code Failed} with the reason ({@code Error: ErrImagePull}).
     */
    void imageWaiting(TaskWaiting e, TaskRecord pod, long time) {
        switch (e.reason()) {
            case "ErrImagePull" -> pullFailed(pod, e.message(), time);
            case "ImagePullBackOff" -> {
                record(e.task(), time, KubeEvent.NORMAL, "BackOff", KUBELET, e.message());
                containerFailed(pod, e.reason(), time);
            }
            default -> {
                record(e.task(), time, KubeEvent.WARNING, e.reason(), KUBELET, e.message());
                containerFailed(pod, e.reason(), time);
            }
        }
    }

    /** One failed pull of the pod's image, whether or not it changed the pod's waiting reason. */
    void pullFailed(TaskRecord pod, String error, long time) {
        long asked = pulls.failedPullAsked(pod.id(), pod.image(), time);
        record(pod.id(), asked, KubeEvent.NORMAL, "Pulling", KUBELET, "Pulling image \"" + pod.image() + "\"");
        record(pod.id(), time, KubeEvent.WARNING, "Failed", KUBELET, "Failed to pull image \"" + pod.image() + "\": " + error);
        containerFailed(pod, "ErrImagePull", time);
    }

    private void containerFailed(TaskRecord pod, String reason, long time) {
        record(pod.id(), time, KubeEvent.WARNING, "Failed", KUBELET, "Error: " + reason);
    }

    void health(TaskHealthChanged e, long time) {
        if (e.status().equals("unhealthy")) {
            record(e.task(), time, KubeEvent.WARNING, "Unhealthy", KUBELET, "Readiness probe failed: command timed out");
        }
    }

    void evicted(PodEvicted e, long time) {
        if (e.reason().equals("TaintManagerEviction")) {
            record(e.task(), time, KubeEvent.NORMAL, e.reason(), TAINT_EVICTION, e.message());
        } else if (e.reason().equals("Preempted")) {
            record(e.task(), time, KubeEvent.NORMAL, e.reason(), SCHEDULER, e.message());
        }
    }

    /** The node lifecycle controller marked the pod not ready because its node stopped reporting. */
    void nodeNotReady(String pod, long time) {
        record(pod, time, KubeEvent.WARNING, "NodeNotReady", NODE_CONTROLLER, "Node is not ready");
    }

    private void record(String pod, long time, String type, String reason, String from, String message) {
        List<KubeEvent> list = events.computeIfAbsent(pod, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).sameAs(type, reason, from, message)) {
                list.set(i, list.get(i).again(time));
                return;
            }
        }
        list.add(new KubeEvent(type, reason, from, message, time, time, 1));
    }

    /**
     * The pod's events that are still kept at {@code now} (the API server keeps an event for an
     * hour after its last occurrence), oldest last occurrence first, as kubectl sorts them.
     */
    List<KubeEvent> of(String pod, long now) {
        Collection<KubeEvent> all = events.getOrDefault(pod, List.of());
        return all.stream()
                .filter(e -> e.last() + Durations.HOUR > now)
                .sorted(Comparator.comparingLong(KubeEvent::last))
                .toList();
    }
}
