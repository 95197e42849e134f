package io.flotilla.scenarios.model;

import io.flotilla.sim.dataplane.DataPlaneSettings.FailedPeerEntries;

/**
 * How the simulated data plane behaves where Docker versions differ (extension {@code
 * network_profile}): what NetworkDB does with the entries of a peer it declared failed, {@code
 * SUSPEND} (hidden, back when it returns: current moby) or {@code DELETE} (gone until the peer
 * changes them: Docker 29 and older, moby#53141).
 */
public record NetworkProfile(FailedPeerEntries failedPeerEntries) {

    public static final NetworkProfile DEFAULT = new NetworkProfile(FailedPeerEntries.SUSPEND);
}
