package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.runtime.Sigterm;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;

/**
 * When {@code docker VERB} changes nothing for a container in a given state, and why, in the
 * engine's words where it has some ({@code daemon/pause.go}, {@code unpause.go}, {@code start.go}):
 * a paused container cannot be paused again nor started, one that is not paused cannot be unpaused,
 * one that does not run cannot be paused or stopped. And what each verb does, in a few words, for
 * the timeline.
 *
 * <p>A container that has exited is started again only by a kubelet's runtime (the pod is the same
 * and its container starts in place). Swarm never runs a task again once it has ended: its restart
 * policy makes a new task, and a container started by hand would run outside the service (moby#33862),
 * which Flotilla does not simulate.
 */
final class ContainerVerbs {

    /** The state of one container as the verbs see it. */
    record Target(String name, TaskState state, boolean paused, boolean awaitingRestart, boolean stoppingByOperator) {

        /** The container's process exists: it was started and has not exited. */
        boolean hasProcess() {
            return state == TaskState.STARTING || state == TaskState.RUNNING;
        }
    }

    private ContainerVerbs() {}

    /** Why {@code verb} does nothing to {@code c}; empty when it acts. */
    static Optional<String> refusal(ContainerVerb verb, Target c, boolean restartsInPlace) {
        String name = c.name();
        if (!c.hasProcess() && !c.state().isTerminal()) {
            return Optional.of(name + " has no running container yet (its task is " + c.state().lowerName() + ")");
        }
        switch (verb) {
            case PAUSE:
                if (!c.hasProcess()) {
                    return Optional.of(name + " is not running");
                }
                return c.paused() ? Optional.of(name + " is already paused") : Optional.empty();
            case UNPAUSE:
                return c.paused() ? Optional.empty() : Optional.of(name + " is not paused");
            case STOP:
                if (!c.hasProcess()) {
                    return Optional.of(name + " is not running");
                }
                return c.stoppingByOperator() ? Optional.of(name + " is already being stopped") : Optional.empty();
            case RESTART:
                if (c.stoppingByOperator()) {
                    return Optional.of(name + " is already being stopped");
                }
                return c.hasProcess() ? Optional.empty() : startable(c, restartsInPlace);
            case START:
                if (c.paused()) {
                    return Optional.of(name + " is paused: cannot start a paused container, try unpause instead");
                }
                return c.hasProcess() ? Optional.of(name + " is already running") : startable(c, restartsInPlace);
            case REMOVE:
                return c.hasProcess() ? Optional.empty() : startable(c, restartsInPlace);
            default:
                throw new IllegalStateException(verb.toString());
        }
    }

    /**
     * An exited container: a kubelet's, waiting out its back-off, can be started (or removed, and the
     * kubelet starts a new one at once); a Swarm task's cannot run again.
     */
    private static Optional<String> startable(Target c, boolean restartsInPlace) {
        if (restartsInPlace) {
            return c.awaitingRestart() ? Optional.empty() : Optional.of(c.name() + "'s pod is deleted");
        }
        return Optional.of("the task of " + c.name() + " has ended (" + c.state().lowerName()
                + "): Swarm never runs a task again once it has ended; its restart policy decides on a new one");
    }

    /** What SIGTERM does to the application, for the timeline. */
    static String sigterm(Sigterm sigterm, long graceNanos) {
        return switch (sigterm) {
            case EXIT -> "SIGTERM: the application exits (0)";
            case DIE -> "SIGTERM: the application dies of it (143)";
            case IGNORE -> "SIGTERM is ignored: SIGKILL after the " + Durations.format(graceNanos) + " stop grace period (137)";
        };
    }
}
