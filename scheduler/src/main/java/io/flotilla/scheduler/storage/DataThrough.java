package io.flotilla.scheduler.storage;

import java.util.OptionalLong;

/**
 * Up to when a volume holds every write, as a rule that holds until the next change: {@code NONE}
 * (it holds no write from the start), {@code UP_TO} a fixed time, or {@code NOW} (it holds every
 * write so far and keeps up).
 */
public record DataThrough(Kind kind, long time) {

    public enum Kind {
        NONE,
        UP_TO,
        NOW
    }

    public static final DataThrough NONE = new DataThrough(Kind.NONE, 0);
    public static final DataThrough NOW = new DataThrough(Kind.NOW, 0);

    public static DataThrough upTo(long time) {
        return new DataThrough(Kind.UP_TO, time);
    }

    /** The time at {@code now}: empty for none. */
    public OptionalLong at(long now) {
        return switch (kind) {
            case NONE -> OptionalLong.empty();
            case UP_TO -> OptionalLong.of(time);
            case NOW -> OptionalLong.of(now);
        };
    }
}
