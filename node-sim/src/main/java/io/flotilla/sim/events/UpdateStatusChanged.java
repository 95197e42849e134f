package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** A rolling update or rollback moved on: updating, paused, completed, rollback_started, ... */
public record UpdateStatusChanged(String service, String state, String message) implements Event {
    @Override
    public String type() {
        return "service.update_status";
    }
}
