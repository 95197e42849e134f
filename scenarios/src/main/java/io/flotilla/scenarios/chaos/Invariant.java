package io.flotilla.scenarios.chaos;

import io.flotilla.sim.kernel.LoggedEvent;
import java.util.Optional;

/**
 * Something that must hold in every run, whatever the faults: a small class that looks at the
 * folded state after every event (and once more at the end of the run) and says what is wrong,
 * if anything. An instance belongs to one run and may keep what it needs between events.
 */
public interface Invariant {

    /** Its name on the command line and in reports: {@code reserved-resources}. */
    String name();

    /** The event about to be folded in, with the state before it; for rules about steps. */
    default Optional<String> before(ChaosState state, LoggedEvent next) {
        return Optional.empty();
    }

    /** The state just after {@code last} was folded in. */
    default Optional<String> after(ChaosState state, LoggedEvent last) {
        return Optional.empty();
    }

    /** The state at the end of the run, virtual {@code end}. */
    default Optional<String> atEnd(ChaosState state, long end) {
        return Optional.empty();
    }
}
