package io.flotilla.scenarios.views;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ImagePullFailed;
import io.flotilla.sim.events.TaskWaiting;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One task (under the kubernetes strategy, one pod) as the log tells it up to a moment: what the
 * manager stores for it (the state its node last reported, with that report's time and message,
 * and the state it wants) beside what is really true, which the real tools cannot see.
 *
 * <p>The time of a report is when the state was reached on the node, as an agent stamps its status
 * ({@code Status.Timestamp}), not when the manager heard of it; a state the manager sets itself
 * (new, pending, assigned) is stamped when it set it.
 */
public final class TaskRecord {

    final String id;
    final String name;
    final String service;
    final int slot;
    final int version;
    final String image;
    final long createdAt;
    final TreeMap<String, String> addresses = new TreeMap<>();
    private final Map<TaskState, Long> reached = new EnumMap<>(TaskState.class);
    String node;
    TaskState desired;
    long desiredAt;
    TaskState reported = TaskState.NEW;
    long reportedAt;
    String reportedMessage = "";
    String reportedError;
    TaskState state = TaskState.NEW;
    long stateAt;
    String stateError;
    /** Swarm's allocator or scheduler explaining why a task that is not placed waits. */
    String waiting;
    String health;
    int restarts;
    boolean ranReported;
    /** The kubelet waits out a back-off before it restarts the failed container (CrashLoopBackOff). */
    boolean backingOff;
    /** Why the kubelet's container waits for its image ({@code ErrImagePull}, {@code ImagePullBackOff}, ...); null once it has it. */
    TaskWaiting imageWaiting;
    long lastChangeSeq;
    long updatedAt;
    /** When the current container started running; the last container that stopped, and the one before it. */
    long runningSince = -1;
    Termination lastTermination;
    Termination priorTermination;
    /**
     * An operator had the runtime start the pod's container again ({@code docker start}, {@code docker
     * restart}): the same container, not one the kubelet made, so it is not a restart the kubelet counts
     * (its restart count is the annotation it writes on each container it creates,
     * {@code kuberuntime_container.go startContainer}). Cleared by the next report of it starting.
     */
    private boolean startedByOperator;
    /** How many times the runtime started the container again for an operator. */
    private int startsByOperator;

    TaskRecord(String id, String name, String service, int slot, int version, String image, String node,
            TaskState desired, long createdAt, SortedMap<String, String> addresses) {
        this.id = id;
        this.name = name;
        this.service = service;
        this.slot = slot;
        this.version = version;
        this.image = image;
        this.node = node;
        this.desired = desired;
        this.createdAt = createdAt;
        this.desiredAt = createdAt;
        this.reportedAt = createdAt;
        this.stateAt = createdAt;
        this.updatedAt = createdAt;
        this.addresses.putAll(addresses);
    }

    void changed(long seq, long time) {
        lastChangeSeq = seq;
        updatedAt = time;
    }

    void truth(TaskState next, long time, String error) {
        if (next == TaskState.RUNNING) {
            runningSince = time;
        } else if (next.isTerminal() && runningSince >= 0) {
            priorTermination = lastTermination;
            lastTermination = Termination.of(runningSince, time, error);
        }
        if (next == TaskState.READY || next == TaskState.STARTING || next == TaskState.SHUTDOWN) {
            imageWaiting = null; // the kubelet has the image and creates the container, or the pod is gone
        }
        state = next;
        stateAt = time;
        stateError = next.isTerminal() ? error : null;
        reached.put(next, time);
    }

    /** The runtime starts the exited container again for an operator, see {@link #startedByOperator}. */
    void startedByOperator() {
        startedByOperator = true;
    }

    void report(TaskState next, long time, String message) {
        if (next == TaskState.STARTING && ranReported && startedByOperator) {
            startsByOperator++;
        } else if (next == TaskState.STARTING && ranReported) {
            restarts++;
        }
        if (next == TaskState.STARTING) {
            startedByOperator = false;
        }
        if (next.compareTo(TaskState.RUNNING) <= 0) {
            backingOff = false;
        }
        if (next == TaskState.RUNNING) {
            ranReported = true;
        }
        reported = next;
        reportedAt = Math.min(time, reached.getOrDefault(next, time));
        reportedMessage = message == null ? "" : message;
        if (next == TaskState.FAILED || next == TaskState.REJECTED) {
            reportedError = state == next && stateError != null ? stateError : reportedMessage;
        } else {
            reportedError = null;
        }
        if (next.compareTo(TaskState.PENDING) > 0) {
            waiting = null;
        }
    }

    /** The simulator's id: {@code web.2#1}, or a pod's name. */
    public String id() {
        return id;
    }

    /** The slot's name ({@code web.2}, {@code web.worker-1}). */
    public String name() {
        return name;
    }

    public String service() {
        return service;
    }

    public int slot() {
        return slot;
    }

    public String image() {
        return image;
    }

    public long createdAt() {
        return createdAt;
    }

    /** The node the task was given to, once it was. */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    public TaskState desired() {
        return desired;
    }

    public long desiredAt() {
        return desiredAt;
    }

    /** The state the manager stores: the node's last report, or the manager's own step. */
    public TaskState reported() {
        return reported;
    }

    public long reportedAt() {
        return reportedAt;
    }

    public String reportedMessage() {
        return reportedMessage;
    }

    /**
     * The error the manager stores: why a task that is not placed waits, or why a task it was
     * told of stopped; empty otherwise.
     */
    public Optional<String> error() {
        if (reported.compareTo(TaskState.PENDING) <= 0 && waiting != null) {
            return Optional.of(waiting);
        }
        return Optional.ofNullable(reportedError);
    }

    /** What is really true on the node. */
    public TaskState state() {
        return state;
    }

    public long stateAt() {
        return stateAt;
    }

    /** When the task really reached {@code s} last, if it did. */
    public Optional<Long> reached(TaskState s) {
        return Optional.ofNullable(reached.get(s));
    }

    /** Network name to the task's address there, as far as the data plane gave it one. */
    public SortedMap<String, String> addresses() {
        return Collections.unmodifiableSortedMap(addresses);
    }

    /** {@code starting}, {@code healthy}, {@code unhealthy}; empty without a health check. */
    public Optional<String> health() {
        return Optional.ofNullable(health);
    }

    /** Whether the pod's container runs again after it exited, by the kubelet's restart or an operator's start. */
    public boolean startedAgain() {
        return restarts + startsByOperator > 0;
    }

    /** Container restarts in place (the kubelet's restart count). */
    public int restarts() {
        return restarts;
    }

    /**
     * Whether the kubelet reported that it waits out a back-off before it restarts the failed
     * container; the report stands until the container starts again.
     */
    public boolean backingOff() {
        return backingOff;
    }

    /**
     * Why the kubelet's container waits for its image ({@code ErrImagePull}, {@code ImagePullBackOff},
     * {@code ErrImageNeverPull}), until the kubelet has it; empty when it does not wait for one.
     */
    public Optional<String> imageWaiting() {
        return Optional.ofNullable(imageWaiting).map(TaskWaiting::reason);
    }

    /**
     * Whether {@code failure} is this pod's pull failing again as its last one did: the pod waits in
     * {@code ErrImagePull} with that error, on that node, for that image. Its waiting reason stays,
     * so the log says nothing more about the pod; the kubelet records the pull's events all the same.
     */
    boolean pullFailsAgain(ImagePullFailed failure) {
        return imageWaiting != null && imageWaiting.reason().equals("ErrImagePull")
                && imageWaiting.message().equals(failure.error()) && failure.node().equals(node) && failure.image().equals(image);
    }

    /** When the container that runs now started, if one runs or ran. */
    public Optional<Long> runningSince() {
        return runningSince < 0 ? Optional.empty() : Optional.of(runningSince);
    }

    /** The last container that stopped. */
    Optional<Termination> lastTermination() {
        return Optional.ofNullable(lastTermination);
    }

    /** The container that stopped before the last one. */
    Optional<Termination> priorTermination() {
        return Optional.ofNullable(priorTermination);
    }

    /** The log position of the task's last change (a stand-in for the store's version index). */
    public long lastChangeSeq() {
        return lastChangeSeq;
    }

    public long updatedAt() {
        return updatedAt;
    }
}
