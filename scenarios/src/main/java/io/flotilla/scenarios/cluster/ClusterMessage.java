package io.flotilla.scenarios.cluster;

/**
 * What travels between the coordinator and the workers; the cluster's settings bind it to Jackson's
 * CBOR serializer, which keeps every double exactly as it was measured.
 */
public interface ClusterMessage {}
