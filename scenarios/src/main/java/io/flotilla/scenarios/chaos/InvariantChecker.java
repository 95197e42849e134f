package io.flotilla.scenarios.chaos;

import io.flotilla.sim.kernel.LoggedEvent;
import java.util.List;
import java.util.Optional;

/**
 * Folds a run's log event by event and asks every invariant after each one; stops at the first
 * that breaks, which is the run's verdict.
 */
public final class InvariantChecker {

    private InvariantChecker() {}

    /** The first violation in {@code log}, or empty when every invariant held to {@code end}. */
    public static Optional<Violation> check(ChaosContext context, List<Invariant> invariants, List<LoggedEvent> log,
            long end) {
        ChaosState state = new ChaosState(context.scenario(), context.strategy());
        for (LoggedEvent logged : log) {
            for (Invariant invariant : invariants) {
                Optional<String> broken = invariant.before(state, logged);
                if (broken.isPresent()) {
                    return Optional.of(new Violation(invariant.name(), logged.time(), logged.seq(), broken.get()));
                }
            }
            state.apply(logged);
            for (Invariant invariant : invariants) {
                Optional<String> broken = invariant.after(state, logged);
                if (broken.isPresent()) {
                    return Optional.of(new Violation(invariant.name(), logged.time(), logged.seq(), broken.get()));
                }
            }
        }
        for (Invariant invariant : invariants) {
            Optional<String> broken = invariant.atEnd(state, end);
            if (broken.isPresent()) {
                return Optional.of(new Violation(invariant.name(), end, -1, broken.get()));
            }
        }
        return Optional.empty();
    }
}
