package io.flotilla.scenarios.cluster;

/**
 * What travels between the coordinator and the workers; the cluster's settings bind it to
 * {@link ClusterSerializer}.
 */
public sealed interface ClusterMessage permits SweepCoordinator.Command, RunWorker.Command, ScenarioSource {}
