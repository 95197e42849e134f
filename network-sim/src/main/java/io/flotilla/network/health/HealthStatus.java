package io.flotilla.network.health;

import java.util.Locale;

/** A container's health as Docker reports it. */
public enum HealthStatus {
    /** No probe has succeeded yet (and not enough have failed). */
    STARTING,
    HEALTHY,
    /** {@code retries} probes in a row failed (outside the start period). */
    UNHEALTHY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
