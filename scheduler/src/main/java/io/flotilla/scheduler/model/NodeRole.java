package io.flotilla.scheduler.model;

public enum NodeRole {
    MANAGER,
    WORKER
}
