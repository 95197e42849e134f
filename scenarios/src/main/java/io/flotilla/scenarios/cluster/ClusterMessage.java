package io.flotilla.scenarios.cluster;

/**
 * What travels between the coordinator and the workers; the cluster's settings bind it to
 * {@link ClusterSerializer}.
 */
public interface ClusterMessage {}
