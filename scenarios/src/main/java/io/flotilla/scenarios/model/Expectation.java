package io.flotilla.scenarios.model;

import java.util.OptionalLong;

/**
 * One expectation: at virtual time {@code at} (empty means at the end of the run), {@code check}
 * holds. {@code pos} is the item's place in the file; its line is the JSON result's {@code line}.
 */
public record Expectation(SourcePos pos, OptionalLong at, Check check) {

    /** The time the check is made in a run that ends at {@code until}. */
    public long effectiveAt(long until) {
        return at.orElse(until);
    }
}
