package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.events.VolumeLost;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every volume has a single writer's node: a volume is never attached to a second node while it
 * is attached to one (a network volume must be detached, or lost with its node, first). A {@code
 * local} volume is one volume per node that holds a copy, each attached only where it is.
 */
public final class SingleWriterVolumes implements Invariant {

    public static final String NAME = "single-writer-volumes";

    /** The node each volume (by name and the disk that holds it, "" for network storage) is attached to. */
    private final Map<String, String> attachedTo = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (last.event() instanceof VolumeAttached a) {
            String before = attachedTo.put(key(a.volume(), a.on()), a.node());
            if (before != null && !before.equals(a.node())) {
                return Optional.of(a.volume() + " is attached to " + a.node() + " while it is attached to " + before);
            }
        } else if (last.event() instanceof VolumeDetached d) {
            attachedTo.remove(key(d.volume(), d.on()));
        } else if (last.event() instanceof VolumeLost l) {
            attachedTo.remove(key(l.volume(), l.on()));
        } else if (last.event() instanceof VolumeDeleted d) {
            attachedTo.remove(key(d.volume(), d.on()));
        }
        return Optional.empty();
    }

    private static String key(String volume, String on) {
        return volume + "@" + (on == null ? "" : on);
    }
}
