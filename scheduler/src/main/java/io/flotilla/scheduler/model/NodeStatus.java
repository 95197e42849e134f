package io.flotilla.scheduler.model;

/** The manager's view of a node's health (swarmkit {@code NodeStatus.State}). */
public enum NodeStatus {
    UNKNOWN,
    DOWN,
    READY,
    DISCONNECTED
}
