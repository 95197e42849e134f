package io.flotilla.sim.view;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One volume as the log tells it: its name, the node whose disk holds it ({@code on}, empty for
 * network storage), the node that has it now, its state, and up to when it holds every write.
 */
public final class VolumeView {
    public final String name;
    public final Optional<String> on;
    Optional<String> node;
    String state = "detached";
    String holds = "none";
    long through;

    VolumeView(String name, Optional<String> on) {
        this.name = name;
        this.on = on;
        this.node = on;
    }

    /** The node that has it: a node volume's own node, a network volume's node while attached. */
    public Optional<String> node() {
        return node;
    }

    /** {@code attached}, {@code detached} or {@code lost}. */
    public String state() {
        return state;
    }

    /** Up to when it holds every write, at {@code now}; empty when it holds none from the start. */
    public OptionalLong dataThrough(long now) {
        return switch (holds) {
            case "now" -> OptionalLong.of(now);
            case "through" -> OptionalLong.of(through);
            default -> OptionalLong.empty();
        };
    }
}
