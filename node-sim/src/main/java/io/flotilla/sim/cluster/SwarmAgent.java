package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.PullPolicy;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.OptionalLong;

/**
 * Swarm's agent: an exited task stays exited. A task whose image cannot be had is rejected; the
 * restart supervisor replaces it.
 */
enum SwarmAgent implements AgentKind {
    INSTANCE;

    @Override
    public OptionalLong restartDelay(String taskId, long now) {
        return OptionalLong.empty();
    }

    @Override
    public String stoppedWithoutContainer() {
        return "shutdown";
    }

    @Override
    public void forget(String taskId) {}

    @Override
    public void crashed() {}

    @Override
    public boolean healthcheckStopsTask() {
        return true;
    }

    @Override
    public boolean drainsBeforeStop() {
        return true;
    }

    @Override
    public boolean restartsInPlace() {
        return false;
    }

    @Override
    public boolean everyContainerHasAnAddress() {
        return false;
    }

    /**
     * {@code missing} unless the service says otherwise: {@code docker service create} pins the image
     * to its digest, and the executor skips the pull of a pinned image it has ({@code pullImage}).
     */
    @Override
    public PullPolicy pullPolicy(TaskSpec spec) {
        return spec.pullPolicy().orElse(PullPolicy.IF_NOT_PRESENT);
    }

    @Override
    public boolean retriesPulls() {
        return false;
    }

    @Override
    public boolean runsLocalImageWhenPullFails() {
        return true;
    }

    @Override
    public boolean pullHeldBack(String taskId, String image, long now) {
        return false;
    }

    @Override
    public void pullFailed(String taskId, String image, long now) {}

    @Override
    public boolean probesWhilePaused() {
        return false;
    }

    /**
     * Yes: swarmkit's dispatcher serves a node's {@code Assignments} stream only on the session its
     * registration opened. A rebooted node whose registration is not yet answered (the managers had
     * no leader) hears nothing of the tasks the manager still records on it; it learns of them in
     * the full set that answers its registration, after the manager has marked lost what it no
     * longer runs.
     */
    @Override
    public boolean assignmentsNeedSession() {
        return true;
    }
}
