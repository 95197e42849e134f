package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** Truth: a registry stops answering ({@code up} false, {@code registry_down}) or answers again. */
public record RegistryStateChanged(String registry, boolean up) implements Event {
    @Override
    public String type() {
        return "registry.state";
    }
}
