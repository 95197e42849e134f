package io.flotilla.scheduler.storage;

import java.util.OptionalLong;

/**
 * What a replica's volume holds of the primary lineage {@code of}, as a rule that holds until the
 * next change: {@code NONE} (no write from the primary's first), {@code THROUGH} {@code time}, or
 * {@code FOLLOWING}: every write up to {@code now - lag}, and at least up to {@code time} (what the
 * base backup copied when the stream started). {@code streaming} says whether the stream runs.
 */
public record ReplicaCopy(String of, boolean streaming, Kind kind, long time, long lag) {

    public enum Kind {
        NONE,
        THROUGH,
        FOLLOWING
    }

    /** Up to when it holds the primary's every write at {@code now}: empty for none. */
    public OptionalLong at(long now) {
        return switch (kind) {
            case NONE -> OptionalLong.empty();
            case THROUGH -> OptionalLong.of(time);
            case FOLLOWING -> OptionalLong.of(Math.max(time, now - lag));
        };
    }

    /** The stream stopped at {@code at}: it keeps what it had copied by then, and copies nothing more. */
    ReplicaCopy stopped(long at) {
        OptionalLong through = at(at);
        return through.isPresent()
                ? new ReplicaCopy(of, false, Kind.THROUGH, through.getAsLong(), lag)
                : new ReplicaCopy(of, false, Kind.NONE, 0, lag);
    }

    /**
     * The stream starts at {@code at} from a primary whose volume holds {@code primary}: a base
     * backup copies what the primary's volume holds (it takes no time here), then the replica follows.
     * A primary that does not hold its every write so far (restored from a backup) gives a copy that
     * stops where the primary's does.
     */
    static ReplicaCopy started(String of, DataThrough primary, long at, long lag) {
        return switch (primary.kind()) {
            case NONE -> new ReplicaCopy(of, true, Kind.NONE, 0, lag);
            case UP_TO -> new ReplicaCopy(of, true, Kind.THROUGH, primary.time(), lag);
            case NOW -> new ReplicaCopy(of, true, Kind.FOLLOWING, at, lag);
        };
    }
}
