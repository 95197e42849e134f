package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;

/** An operator command (scale, update, drain...) failed, for example because there is no leader. */
public record CommandRejected(String command, String error) implements Event {
    @Override
    public String type() {
        return "command.rejected";
    }
}
