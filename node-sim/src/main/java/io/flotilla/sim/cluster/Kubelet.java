package io.flotilla.sim.cluster;

import io.flotilla.sim.kubernetes.CrashLoopBackOff;
import java.util.OptionalLong;

/**
 * The kubelet: restartPolicy Always restarts an exited container in place after
 * {@link CrashLoopBackOff}'s delay, and a pod being deleted that has no running container here is
 * confirmed deleted at once.
 */
final class Kubelet implements AgentKind {

    private final CrashLoopBackOff backOff = new CrashLoopBackOff();

    @Override
    public OptionalLong restartDelay(String taskId, long now) {
        return OptionalLong.of(backOff.restartDelay(taskId, now));
    }

    @Override
    public boolean confirmsDeletionWithoutContainer() {
        return true;
    }

    @Override
    public void forget(String taskId) {
        backOff.forget(taskId);
    }

    @Override
    public void crashed() {
        backOff.clear();
    }

    @Override
    public boolean healthcheckStopsTask() {
        return false;
    }

    @Override
    public boolean drainsBeforeStop() {
        return false;
    }

    @Override
    public boolean restartsInPlace() {
        return true;
    }

    @Override
    public boolean everyContainerHasAnAddress() {
        return true;
    }

    @Override
    public boolean probesWhilePaused() {
        return true;
    }
}
