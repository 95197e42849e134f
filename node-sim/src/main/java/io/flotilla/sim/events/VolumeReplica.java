package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.time.Duration;

/**
 * Truth: the application's replication stream into the replica volume {@code volume} ({@code on}: its
 * node, null for network storage) from the primary lineage {@code of} started ({@code stream}
 * {@code streaming}) or stopped ({@code stopped}), and what the volume holds of {@code of}'s writes
 * until the next such event: {@code holds} is {@code none}, {@code through} (up to {@code through})
 * or {@code following} (up to {@code lag} before now, and at least up to {@code through}, what the
 * base backup copied); {@code through} is null exactly when {@code holds} is {@code none}.
 */
public record VolumeReplica(String volume, String on, String of, String stream, String holds, Duration through, Duration lag)
        implements Event {
    @Override
    public String type() {
        return "volume.replica";
    }
}
