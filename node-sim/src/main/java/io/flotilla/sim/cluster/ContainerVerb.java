package io.flotilla.sim.cluster;

import java.util.Locale;

/**
 * What an operator on a node does to one container, as {@code docker VERB} would: the container's
 * lifecycle from outside its orchestrator. Each orchestrator reacts in its own way (see
 * {@link NodeAgent}).
 */
public enum ContainerVerb {
    /** SIGTERM, then SIGKILL after the stop grace period; a paused container is thawed first. */
    STOP,
    /** Start a stopped container again. */
    START,
    /** Freeze every process of the container (the cgroup freezer); it keeps its memory. */
    PAUSE,
    /** Thaw a paused container. */
    UNPAUSE,
    /** {@code stop}, then {@code start} the same container. */
    RESTART,
    /** {@code docker rm -f}: SIGKILL, and the container is gone. */
    REMOVE;

    /** The scenario's word and the docker command's: {@code pause}, {@code stop}... */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
