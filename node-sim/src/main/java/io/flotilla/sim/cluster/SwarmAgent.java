package io.flotilla.sim.cluster;

import java.util.OptionalLong;

/** Swarm's agent: an exited task stays exited, and a task it never ran needs no word from it. */
enum SwarmAgent implements AgentKind {
    INSTANCE;

    @Override
    public OptionalLong restartDelay(String taskId, long now) {
        return OptionalLong.empty();
    }

    @Override
    public boolean confirmsDeletionWithoutContainer() {
        return false;
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

    @Override
    public boolean probesWhilePaused() {
        return false;
    }
}
