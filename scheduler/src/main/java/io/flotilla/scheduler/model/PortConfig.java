package io.flotilla.scheduler.model;

/** A published port: {@code published} on the node (0 = none or chosen by the allocator), {@code target} in the task. */
public record PortConfig(String protocol, int target, int published, PublishMode mode) {}
