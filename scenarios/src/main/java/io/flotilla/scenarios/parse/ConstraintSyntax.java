package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.placement.swarm.Constraint;
import java.util.Optional;

/**
 * The syntax check of a placement constraint, with swarmkit's own words ({@code key '%s' is
 * invalid}, {@code value '%s' is invalid}, {@code constraint expected one operator from ==, !=}).
 * It asks the scheduler's parser, so that a file is rejected exactly when the scheduler could not
 * read it (swarmkit would silently disable the filter instead; here the user hears of it).
 */
final class ConstraintSyntax {

    private ConstraintSyntax() {}

    /** Swarmkit's error for this constraint, or empty when it parses. */
    static Optional<String> check(String constraint) {
        return Constraint.validate(constraint);
    }
}
