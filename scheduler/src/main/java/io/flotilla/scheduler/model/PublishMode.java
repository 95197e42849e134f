package io.flotilla.scheduler.model;

/** How a service port is published: through the routing mesh on every node, or on the task's host. */
public enum PublishMode {
    INGRESS,
    HOST
}
