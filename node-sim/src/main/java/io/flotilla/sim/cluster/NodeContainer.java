package io.flotilla.sim.cluster;

import io.flotilla.network.health.HealthStatus;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.Optional;

/**
 * One container as its {@link NodeAgent} tracks it: the task it runs, its state and the state it
 * is told to reach, its probe, whether its volumes are mounted, and what an operator or the kernel
 * has done to it (paused, being stopped, its application's next step and its OOM kill, which a
 * pause holds back), and the image it waits for before it is created or started again.
 */
final class NodeContainer {
    Task task;
    TaskState state;
    TaskState desired;
    /** Exited, and to start again in place when its back-off is over (a kubelet's container only). */
    boolean awaitingRestart;
    /** The number of the report that told the manager of its end, once it ended. */
    long endReport;
    /** Put back from the agent's forgotten ended containers: its end is no news to the node. */
    boolean returned;
    /** The container has run since it was assigned: the data plane knows it. */
    boolean everStarted;
    /**
     * Its process runs, but the task stays {@code starting} until the first healthy probe: Swarm's
     * start of a container with a healthcheck returns only then (moby's container controller).
     */
    boolean awaitingHealthy;
    /** Its application fails requests and probes ({@code unhealthy} in the timeline). */
    boolean failing;
    /** Its probe, while it runs, and the status the probe reached last. */
    Optional<ProbeSchedule> probe = Optional.empty();
    HealthStatus health = HealthStatus.STARTING;
    /** Being taken out of service before it stops; {@code unhealthy}: because its probe failed. */
    boolean stopping;
    boolean unhealthy;
    boolean serving;
    /** Its named volumes are mounted (the storage was told, and said yes). */
    boolean mounted;
    /** Its image is pulled and the container created (Prepare succeeded). */
    boolean prepared;
    /** Frozen by an operator's {@code docker pause}, since {@code pausedAt}. */
    boolean paused;
    long pausedAt;
    /**
     * When the application's own next step is due (running after its start, or its crash), and
     * the message; a pause delays it by as long as it lasts. {@code appLeft} is what was left
     * when it was paused, -1 if nothing.
     */
    long appDue = -1;
    NodeAgent.Command appStep;
    long appLeft = -1;
    /** When its memory use goes past its limit, and how much it uses then; -1 if never. */
    long oomDue = -1;
    long oomUsed;
    long oomLeft = -1;
    /** An operator's {@code docker stop} waits for the SIGKILL; {@code restartAfterStop}: it was a restart. */
    boolean stoppingByOperator;
    boolean restartAfterStop;
    /** The pull it waits for (0: none), whether it waits for its image at all, and whether to start again after. */
    long pullId;
    boolean imageWait;
    boolean startAfterImage;
    /** Its last waiting reason and message, so that an unchanged one is not logged again. */
    String waiting = "";

    /** Whether its process runs: the task is running, or starting and waiting to be found healthy. */
    boolean processRuns() {
        return state == TaskState.RUNNING || state == TaskState.STARTING && awaitingHealthy;
    }

    NodeContainer(Task task, TaskState desired) {
        this.task = task;
        this.state = TaskState.ASSIGNED;
        this.desired = desired;
    }
}
