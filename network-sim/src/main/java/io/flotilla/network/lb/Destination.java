package io.flotilla.network.lb;

/**
 * One backend of a node's load balancer as an observer sees it: the endpoint's key (a task or pod
 * id) and its weight (0: de-weighted, kept for the connections it has).
 */
public record Destination(String key, int weight) {}
