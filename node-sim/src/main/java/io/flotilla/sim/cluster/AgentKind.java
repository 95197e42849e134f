package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.PullPolicy;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.OptionalLong;

/**
 * What a {@link NodeAgent} does differently as Swarm's agent ({@link SwarmAgent}) and as
 * Kubernetes' kubelet ({@link Kubelet}). A Swarm task whose container exits stays exited: the
 * manager starts a new task in its place. A pod outlives its containers: the kubelet starts the
 * exited container again, in place, after a back-off, and confirms a pod's deletion, which the API
 * server waits for, even when none of the pod's containers runs.
 */
interface AgentKind {

    /**
     * How long the container of {@code taskId}, which exited at {@code now} while its task should
     * run, waits before it starts again in place (the restart is counted); empty when it stays exited.
     */
    OptionalLong restartDelay(String taskId, long now);

    /** The message of a task to be stopped that has no container here, which is confirmed stopped at once. */
    String stoppedWithoutContainer();

    /** The task is deleted: its restarts are forgotten. */
    void forget(String taskId);

    /** The node crashed: every container's restarts are forgotten with it. */
    void crashed();

    /**
     * Whether the node runs a container's compose healthcheck as Swarm's daemon does (a task joins DNS
     * and the load balancers at its first healthy, and is stopped when unhealthy) rather than as a
     * kubelet's readiness probe (the pod's Ready condition follows it; nothing is stopped).
     */
    boolean healthcheckStopsTask();

    /**
     * Whether stopping a running task that has a service binding takes it out of service first:
     * Swarm's controller de-weights it and waits for gossip to converge before SIGTERM.
     */
    boolean drainsBeforeStop();

    /** Whether an exited container starts again in the same sandbox (a pod's), keeping its address. */
    boolean restartsInPlace();

    /**
     * Whether every container is on the data plane: a pod always has an address on the pod network,
     * while a Swarm task is only on the networks it names, and the ingress network if it publishes ports.
     */
    boolean everyContainerHasAnAddress();

    /** The task's pull policy: its service's {@code pull_policy}, else the strategy's default. */
    PullPolicy pullPolicy(TaskSpec spec);

    /**
     * Whether a failed pull leaves the container waiting to be tried again (a kubelet's
     * {@code ErrImagePull}, then {@code ImagePullBackOff}) rather than failing the task (Swarm's
     * agent rejects it).
     */
    boolean retriesPulls();

    /**
     * Whether a node whose pull failed runs the image it already has: moby's Swarm executor logs the
     * failed pull and creates the container from the local image; a kubelet told to pull does not.
     */
    boolean runsLocalImageWhenPullFails();

    /** Whether a pull of {@code image} for {@code taskId} at {@code now} is held back by an earlier failure. */
    boolean pullHeldBack(String taskId, String image, long now);

    /** A pull of {@code image} for {@code taskId} failed at {@code now}. */
    void pullFailed(String taskId, String image, long now);

    /**
     * Whether the container's probe keeps running while the container is paused: a kubelet's
     * readiness probe does (and times out on the frozen application), Swarm's daemon stops a paused
     * container's health monitor ({@code updateHealthMonitor}) and starts a new one at unpause.
     */
    boolean probesWhilePaused();

    /**
     * Whether the node hears of changed assignments only once its session is open: a swarmkit agent
     * gets them on the dispatcher's {@code Assignments} stream, which needs the session its
     * registration opens, while a kubelet watches its pods whether or not its node status is posted.
     */
    boolean assignmentsNeedSession();
}
