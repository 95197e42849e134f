package io.flotilla.scenarios.model;

import java.util.Locale;

/** Which orchestrator profile runs the scenario (placement, failure detection, load balancing). */
public enum Strategy {
    SWARM,
    KUBERNETES;

    /** The lower-case name used in scenario files, on the command line and in JSON. */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
